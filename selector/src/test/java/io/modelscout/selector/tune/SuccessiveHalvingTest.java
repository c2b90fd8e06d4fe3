package io.modelscout.selector.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class SuccessiveHalvingTest {
    private static final ParameterSpace SPACE = ParameterSpace.of(new RealParam("x", "X.", 0.9, 0, 1, false));
    private static final Budget.Deadline NEVER = new Budget.Deadline(() -> 0L, Long.MAX_VALUE);

    /** Scores a configuration by how close x is to 0.3, whatever the rows; records every rung and scoring. */
    private static class Fake implements Scoring<int[]> {
        final Column target;
        final List<int[]> rungs = new ArrayList<>();
        final List<ParameterValues> scored = new ArrayList<>();

        Fake(Column target) {
            this.target = target;
        }

        @Override
        public int rows() {
            return target.size();
        }

        @Override
        public Column target() {
            return target;
        }

        @Override
        public int[] prepare(int[] rows, int rung) {
            rungs.add(rows);
            return rows;
        }

        @Override
        public Optional<Double> score(int[] rows, ParameterValues parameters) {
            scored.add(parameters);
            return Optional.of(-Math.abs(parameters.getDouble("x") - 0.3));
        }
    }

    private static NominalColumn classes(int rows) {
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = i % 10 == 0 ? 1 : 0; // a tenth in the minority class
        }
        return NominalColumn.of("class", List.of("no", "yes"), codes);
    }

    @Test
    void theScheduleDividesConfigurationsByThreeAndMultipliesRowsByThree() {
        assertThat(SuccessiveHalving.schedule(27, 900, 30)).containsExactly(
                new SuccessiveHalving.Step(27, 100), new SuccessiveHalving.Step(9, 300), new SuccessiveHalving.Step(3, 900));
        assertThat(SuccessiveHalving.schedule(20, 900, 30)).containsExactly(
                new SuccessiveHalving.Step(20, 100), new SuccessiveHalving.Step(7, 300), new SuccessiveHalving.Step(3, 900));
        // Small data: no rung below the floor, and never more rows than there are.
        assertThat(SuccessiveHalving.schedule(27, 120, 30)).containsExactly(
                new SuccessiveHalving.Step(27, 30), new SuccessiveHalving.Step(9, 40), new SuccessiveHalving.Step(3, 120));
        assertThat(SuccessiveHalving.schedule(27, 20, 30)).extracting(SuccessiveHalving.Step::rows)
                .containsExactly(20, 20, 20);
        assertThat(SuccessiveHalving.schedule(1, 900, 30)).isEmpty();
    }

    @Test
    void keepsTheBestThirdOnNestedGrowingRowsAndEndsWithTheBestConfiguration() throws InterruptedException {
        List<ParameterValues> configurations = ParameterSampler.configurations(SPACE, 27, new SplittableRandom(3));
        var fake = new Fake(classes(900));

        SearchResult result = SuccessiveHalving.run(configurations, fake, NEVER, 30, 17);

        ParameterValues best = configurations.stream()
                .max(Comparator.comparingDouble(c -> -Math.abs(c.getDouble("x") - 0.3))).orElseThrow();
        assertThat(result.best()).isEqualTo(best);
        assertThat(result.cut()).isFalse();
        assertThat(result.scorings()).isEqualTo(27 + 9 + 3).isEqualTo(result.planned());
        assertThat(fake.rungs).extracting(rows -> rows.length).containsExactly(100, 300, 900);
        for (int r = 1; r < fake.rungs.size(); r++) {
            int[] larger = fake.rungs.get(r);
            assertThat(Arrays.stream(fake.rungs.get(r - 1)).allMatch(row -> Arrays.binarySearch(larger, row) >= 0))
                    .as("rung " + (r - 1) + " rows inside rung " + r).isTrue();
        }
        // The survivors of the first rung are its best nine.
        List<ParameterValues> secondRung = fake.scored.subList(27, 36);
        List<ParameterValues> bestNine = configurations.stream()
                .sorted(Comparator.comparingDouble(c -> Math.abs(c.getDouble("x") - 0.3))).limit(9).toList();
        assertThat(secondRung).containsExactlyElementsOf(bestNine);
    }

    @Test
    void aSmallRungKeepsTheClassShares() {
        NominalColumn target = classes(900);

        int[] order = SuccessiveHalving.joiningOrder(target, new SplittableRandom(1));
        long minority = Arrays.stream(Arrays.copyOf(order, 100)).filter(row -> target.code(row) == 1).count();

        assertThat(order).hasSize(900).doesNotHaveDuplicates();
        assertThat(minority).isEqualTo(10);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndChoice() throws InterruptedException {
        List<ParameterValues> configurations = ParameterSampler.configurations(SPACE, 27, new SplittableRandom(3));
        var first = new Fake(NumericColumn.of("y", new double[300]));
        var second = new Fake(NumericColumn.of("y", new double[300]));

        SearchResult a = SuccessiveHalving.run(configurations, first, NEVER, 30, 99);
        SearchResult b = SuccessiveHalving.run(configurations, second, NEVER, 30, 99);

        assertThat(a).isEqualTo(b);
        assertThat(first.rungs).usingElementComparator((x, y) -> Arrays.equals(x, y) ? 0 : 1)
                .containsExactlyElementsOf(second.rungs);
    }

    @Test
    void aDeadlineMidwayKeepsTheLeaderOfTheLastCompleteRung() throws InterruptedException {
        List<ParameterValues> configurations = ParameterSampler.configurations(SPACE, 27, new SplittableRandom(3));
        var fake = new Fake(classes(900));
        // The clock advances by one tick per check; the deadline falls after 30 scorings, inside the second rung.
        long[] ticks = {0};
        var deadline = new Budget.Deadline(() -> ticks[0]++, 30);

        SearchResult result = SuccessiveHalving.run(configurations, fake, deadline, 30, 17);

        ParameterValues leader = configurations.stream()
                .max(Comparator.comparingDouble(c -> -Math.abs(c.getDouble("x") - 0.3))).orElseThrow();
        assertThat(result.cut()).isTrue();
        assertThat(result.scorings()).isEqualTo(30);
        assertThat(result.planned()).isEqualTo(39);
        assertThat(result.best()).isEqualTo(leader);
    }

    @Test
    void randomSearchPicksTheBestAndPrefersTheEarlierOnATie() throws InterruptedException {
        var space = ParameterSpace.of(new RealParam("x", "X.", 0.9, 0, 1, false));
        List<ParameterValues> configurations = List.of(space.resolve(java.util.Map.of("x", 0.9)),
                space.resolve(java.util.Map.of("x", 0.5)), space.resolve(java.util.Map.of("x", 0.25)),
                space.resolve(java.util.Map.of("x", 0.0)));
        var flat = new Fake(classes(90)) {
            @Override
            public Optional<Double> score(int[] rows, ParameterValues parameters) {
                // x = 0.9 cannot be fitted; 0.5 and 0.25 tie for the best.
                double x = parameters.getDouble("x");
                return x == 0.9 ? Optional.empty() : Optional.of(x > 0.1 ? 1.0 : 0.0);
            }
        };

        SearchResult result = RandomSearch.run(configurations, flat, NEVER);

        assertThat(result.best()).isEqualTo(configurations.get(1));
        assertThat(result.scorings()).isEqualTo(4);
        assertThat(result.scored()).isTrue();
    }
}
