package io.modelscout.selector.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.FlagParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ParameterSamplerTest {
    private static final int DRAWS = 4000;

    private static final ParameterSpace SPACE = ParameterSpace.of(
            new IntParam("trees", "Trees.", 100, 10, 1000, true),
            new IntParam("depth", "Depth.", 5, 2, 8, false),
            new IntParam("maxNodes", "0 lets the library choose.", 0, 0, 100_000, true),
            new RealParam("lambda", "Penalty.", 0.1, 1e-4, 100, true),
            new RealParam("subsample", "Share of rows.", 0.7, 0.5, 1.0, false),
            new ChoiceParam("rule", "Split rule.", "gini", List.of("gini", "entropy", "classification-error")),
            new FlagParam("weighted", "Weigh votes.", false));

    @Test
    void drawsStayInTheirDeclaredRangesAndTypes() {
        var random = new SplittableRandom(1);
        var depths = new HashSet<Integer>();
        var rules = new HashSet<String>();
        var flags = new HashSet<Boolean>();
        for (int i = 0; i < DRAWS; i++) {
            ParameterValues v = ParameterSampler.draw(SPACE, random);

            assertThat(v.getInt("trees")).isBetween(10, 1000);
            assertThat(v.getInt("maxNodes")).isBetween(0, 100_000);
            assertThat(v.getDouble("lambda")).isBetween(1e-4, 100.0);
            assertThat(v.getDouble("subsample")).isBetween(0.5, 1.0);
            depths.add(v.getInt("depth"));
            rules.add(v.getString("rule"));
            flags.add(v.getBoolean("weighted"));
        }
        // Both ends of an integer range are reachable, and every choice and flag value turns up.
        assertThat(depths).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8);
        assertThat(rules).containsExactlyInAnyOrder("gini", "entropy", "classification-error");
        assertThat(flags).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aLogScaleSpreadsDrawsEvenlyOverOrdersOfMagnitude() {
        var random = new SplittableRandom(2);
        int lambdaBelowOne = 0;
        int treesBelowHundred = 0;
        int subsampleBelowThreeQuarters = 0;
        for (int i = 0; i < DRAWS; i++) {
            ParameterValues v = ParameterSampler.draw(SPACE, random);
            lambdaBelowOne += v.getDouble("lambda") < 1 ? 1 : 0;
            treesBelowHundred += v.getInt("trees") < 100 ? 1 : 0;
            subsampleBelowThreeQuarters += v.getDouble("subsample") < 0.75 ? 1 : 0;
        }
        // lambda spans 1e-4..1e2, six decades, four of them below 1: about 2/3 (uniform would give 1 %).
        assertThat(lambdaBelowOne / (double) DRAWS).isBetween(0.62, 0.71);
        // trees spans 10..1000, two decades, one below 100: about a half (uniform would give 9 %).
        assertThat(treesBelowHundred / (double) DRAWS).isBetween(0.45, 0.55);
        // A linear range stays linear: half of 0.5..1.0 lies below 0.75.
        assertThat(subsampleBelowThreeQuarters / (double) DRAWS).isBetween(0.45, 0.55);
    }

    @Test
    void theSameSeedGivesTheSameConfigurationsAndAnotherSeedOthers() {
        List<ParameterValues> first = ParameterSampler.configurations(SPACE, 20, new SplittableRandom(42));
        List<ParameterValues> again = ParameterSampler.configurations(SPACE, 20, new SplittableRandom(42));
        List<ParameterValues> other = ParameterSampler.configurations(SPACE, 20, new SplittableRandom(43));

        assertThat(first).hasSize(20).isEqualTo(again).isNotEqualTo(other);
        assertThat(new HashSet<>(first)).hasSize(20);
        assertThat(first.getFirst()).isEqualTo(SPACE.defaults());
        assertThat(other.getFirst()).isEqualTo(SPACE.defaults());
    }

    @Test
    void aSmallSpaceYieldsEachOfItsConfigurationsOnce() {
        var space = ParameterSpace.of(new FlagParam("a", "A.", false), new ChoiceParam("b", "B.", "x", List.of("x", "y")));

        List<ParameterValues> configurations = ParameterSampler.configurations(space, 20, new SplittableRandom(5));

        assertThat(configurations).hasSize(4).doesNotHaveDuplicates();
        assertThat(ParameterSampler.configurations(ParameterSpace.EMPTY, 20, new SplittableRandom(5)))
                .containsExactly(ParameterValues.NONE);
    }

    @Test
    void aDegenerateRangeGivesItsOnlyValue() {
        var space = ParameterSpace.of(new IntParam("n", "N.", 3, 3, 3, true), new RealParam("r", "R.", 2, 2, 2, false));

        ParameterValues v = ParameterSampler.draw(space, new SplittableRandom(9));

        assertThat(v.getInt("n")).isEqualTo(3);
        assertThat(v.getDouble("r")).isEqualTo(2.0);
    }

    @Test
    void asksForAtLeastOneConfiguration() {
        assertThatThrownBy(() -> ParameterSampler.configurations(SPACE, 0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be at least 1, got 0");
    }
}
