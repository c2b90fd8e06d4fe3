package io.modelscout.selector.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Capability;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.Selector;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpec.CandidatesSpec;
import io.modelscout.selector.spec.TaskSpec.DataFormat;
import io.modelscout.selector.spec.TaskSpec.DataSpec;
import io.modelscout.selector.spec.TaskSpec.EvaluationSpec;
import io.modelscout.selector.spec.TaskSpec.Tuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NestedTuningTest {
    private static final long SEED = 7L;
    private static final int ROWS = 90;
    /** Column 0 is the row's index, so a plugin can say which rows it saw. */
    private static final Table FEATURES;
    private static final NominalColumn CLASSES;

    static {
        var random = new SplittableRandom(11);
        double[] id = new double[ROWS];
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        int[] codes = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            codes[i] = i % 3;
            id[i] = i;
            // Overlapping classes: how many neighbours vote matters.
            x1[i] = codes[i] + 1.2 * random.nextGaussian();
            x2[i] = (codes[i] == 2 ? 1 : 0) + 1.2 * random.nextGaussian();
        }
        FEATURES = new Table("blobs", List.of(NumericColumn.of("id", id), NumericColumn.of("x1", x1),
                NumericColumn.of("x2", x2)));
        CLASSES = NominalColumn.of("class", List.of("a", "b", "c"), codes);
    }

    private static Tuner tuner(Tuning method, int trials) {
        return new Tuner(method, trials, Duration.ofMinutes(10), Goal.CLASSIFY, Metric.ACCURACY, SEED);
    }

    private static List<Evaluator.Outcome> evaluate(ModelPlugin plugin, Tuning method, List<Split> splits, int threads)
            throws InterruptedException {
        var evaluator = new Evaluator(Goal.CLASSIFY, FEATURES, CLASSES, splits, List.of(Metric.ACCURACY), SEED, threads,
                Duration.ofMinutes(1));
        return evaluator.evaluate(List.of(new Evaluator.Candidate(plugin, plugin.parameters().defaults(),
                Recipe.of(plugin, FEATURES), Optional.of(tuner(method, 8)))));
    }

    @Test
    void noOuterTestRowIsSeenWhileTuning() throws InterruptedException {
        var plugin = new Knn("test.knn", Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA);
        List<Split> splits = Folds.make(CLASSES, 5, 1, SEED);

        for (Tuning method : List.of(Tuning.RANDOM, Tuning.HALVING)) {
            plugin.seen.clear();
            Evaluator.Outcome outcome = evaluate(plugin, method, splits, 2).getFirst();

            assertThat(outcome.status()).as(method.id()).isEqualTo(Status.EVALUATED);
            for (int s = 0; s < splits.size(); s++) {
                Set<Double> train = ids(splits.get(s).train());
                Set<Double> test = ids(splits.get(s).test());
                String thread = "modelscout-fit-test.knn-" + s;
                var mine = plugin.seen.stream().filter(seen -> seen.thread().equals(thread)).toList();
                // Every fit, inner or final, trains on outer training rows only.
                assertThat(mine.stream().filter(Knn.Seen::fit)).as(method.id() + " split " + s)
                        .hasSizeGreaterThan(3)
                        .allSatisfy(fit -> assertThat(train).containsAll(fit.ids()));
                // Predictions during the search are on outer training rows; the outer test rows are predicted
                // once, by the final model, and never touched by the search.
                var predictions = mine.stream().filter(seen -> !seen.fit()).toList();
                assertThat(predictions.getLast().ids()).containsExactlyElementsOf(test.stream().sorted().toList());
                assertThat(predictions.subList(0, predictions.size() - 1)).isNotEmpty()
                        .allSatisfy(p -> assertThat(train).containsAll(p.ids()));
            }
        }
    }

    @Test
    void preprocessingIsFittedInsideEachInnerTrainingFold() throws InterruptedException {
        var plugin = new Knn("test.scaled-knn", Capability.NEEDS_SCALING);
        List<Split> splits = Folds.make(CLASSES, 3, 1, SEED);

        Evaluator.Outcome outcome = evaluate(plugin, Tuning.RANDOM, splits, 1).getFirst();

        assertThat(outcome.status()).isEqualTo(Status.EVALUATED);
        // Standardised with each fit's own training rows: every column of every fit has mean zero. Scaling fitted on
        // the outer training part and reused in the inner folds would leave the inner folds' means off zero.
        var fits = plugin.seen.stream().filter(Knn.Seen::fit).toList();
        assertThat(fits).hasSizeGreaterThan(splits.size() * InnerValidation.FOLDS);
        for (Knn.Seen fit : fits) {
            for (double mean : fit.columnMeans()) {
                assertThat(Math.abs(mean)).isLessThan(1e-9);
            }
        }
    }

    @Test
    void recordsTheTunedParametersPerFoldTheSameAtAnyThreadCount(@TempDir Path dir)
            throws IOException, InterruptedException, io.modelscout.selector.spec.SpecException {
        Path data = dir.resolve("blobs.csv");
        var csv = new StringBuilder("id,x1,x2,class\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s%n", i, ((NumericColumn) FEATURES.column(1)).value(i),
                    ((NumericColumn) FEATURES.column(2)).value(i), CLASSES.levels().get(CLASSES.code(i))));
        }
        Files.writeString(data, csv);
        var selector = new Selector(Set.of(new Knn("test.knn", Capability.NOMINAL_FEATURES,
                Capability.HANDLES_MISSING_DATA)), List.of());
        for (Tuning method : List.of(Tuning.RANDOM, Tuning.HALVING)) {
            var spec = new TaskSpec("blobs", Goal.CLASSIFY, new DataSpec(data, Optional.of(DataFormat.CSV),
                    Optional.of("class"), List.of(), List.of()), Map.of(),
                    new EvaluationSpec("accuracy", 5, 2, SEED, 60, method, 600, 10),
                    new CandidatesSpec(List.of("test.knn"), List.of(), true), dir.resolve("blobs.yaml"));
            recordsAndRepeats(selector, spec);
        }
    }

    private static void recordsAndRepeats(Selector selector, TaskSpec spec)
            throws InterruptedException, io.modelscout.selector.spec.SpecException {
        SelectionResult one = selector.run(spec, new Selector.Options(1, Optional.empty(), _ -> { }));
        SelectionResult two = selector.run(spec, new Selector.Options(2, Optional.empty(), _ -> { }));

        CandidateResult knn = one.candidates().getFirst();
        assertThat(knn.status()).as(spec.evaluation().tuning().id()).isEqualTo(Status.EVALUATED);
        assertThat(knn.reason()).contains("tuned inside each outer training fold");
        assertThat(knn.tuning()).extracting(CandidateResult.FoldParameters::repeat, CandidateResult.FoldParameters::fold)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(0, 1),
                        org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(0, 3),
                        org.assertj.core.groups.Tuple.tuple(0, 4), org.assertj.core.groups.Tuple.tuple(1, 0),
                        org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(1, 2),
                        org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(1, 4));
        assertThat(knn.tuning()).allSatisfy(fold -> assertThat(fold.parameters()).containsOnlyKeys("k", "weighted"));
        // The search moved away from the defaults (k = 1) somewhere, so there was something to reproduce.
        assertThat(knn.tuning()).anySatisfy(fold -> assertThat(fold.parameters().get("k")).isNotEqualTo(1));
        assertThat(knn.parameters()).isEqualTo(Map.of("k", 1, "weighted", false));
        CandidateResult again = two.candidates().getFirst();
        assertThat(again.tuning()).isEqualTo(knn.tuning());
        assertThat(again.scores()).isEqualTo(knn.scores());
    }

    @Test
    void aSpentBudgetKeepsTheDefaultsAndSaysSo() throws InterruptedException {
        var plugin = new Knn("test.knn", Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA);
        var spent = new Budget.Deadline(() -> 0L, 0L);

        for (Tuning method : List.of(Tuning.RANDOM, Tuning.HALVING)) {
            var choice = tuner(method, 8).choose(plugin, Recipe.NONE, FEATURES, CLASSES, 0, spent);

            assertThat(choice.parameters()).isEqualTo(plugin.parameters().defaults());
            assertThat(choice.note()).as(method.id()).hasValueSatisfying(note -> assertThat(note)
                    .startsWith("the budget (600 s per fold) cut the search after 0 of ")
                    .endsWith("; kept the defaults"));
        }
        assertThat(plugin.seen).isEmpty();
    }

    @Test
    void aPluginWithoutParametersKeepsItsDefaultsWithoutFitting() throws InterruptedException {
        var plugin = new Knn("test.knn") {
            @Override
            public io.modelscout.api.ParameterSpace parameters() {
                return io.modelscout.api.ParameterSpace.EMPTY;
            }
        };

        var choice = tuner(Tuning.RANDOM, 8).choose(plugin, Recipe.NONE, FEATURES, CLASSES, 0);

        assertThat(choice.parameters()).isEqualTo(ParameterValues.NONE);
        assertThat(choice.note()).isEmpty();
        assertThat(plugin.seen).isEmpty();
    }

    private static Set<Double> ids(int[] rows) {
        var ids = new HashSet<Double>();
        for (int row : rows) {
            ids.add((double) row);
        }
        return ids;
    }
}
