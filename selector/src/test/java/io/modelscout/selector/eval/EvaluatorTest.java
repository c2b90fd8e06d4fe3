package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.selector.eval.Evaluator.Candidate;
import io.modelscout.selector.eval.Evaluator.Outcome;
import io.modelscout.selector.result.CandidateResult.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class EvaluatorTest {
    private static final long SEED = 20240611L;
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final int ROWS = 30;

    /** Two well-separated classes; x1 is unique per row, so it identifies a row. */
    private static final Table CLASS_FEATURES;
    private static final NominalColumn CLASSES;
    /** A linear target of one feature, with a little deterministic noise. */
    private static final Table REGRESSION_FEATURES;
    private static final NumericColumn REGRESSION_TARGET;

    static {
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        int[] codes = new int[ROWS];
        double[] x = new double[ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            codes[i] = i % 2;
            x1[i] = codes[i] * 10 + i * 0.01;
            x2[i] = (i % 7) * 0.3 - codes[i] * 4;
            x[i] = i * 0.5;
            y[i] = 3 * x[i] + 1 + ((i * 7) % 5) * 0.01;
        }
        CLASS_FEATURES = new Table("classes", List.of(NumericColumn.of("x1", x1), NumericColumn.of("x2", x2)));
        CLASSES = NominalColumn.of("label", List.of("no", "yes"), codes);
        REGRESSION_FEATURES = new Table("line", List.of(NumericColumn.of("x", x)));
        REGRESSION_TARGET = NumericColumn.of("y", y);
    }

    private final List<TestPlugins.IgnoresInterrupts> spinning = new ArrayList<>();

    @AfterEach
    void releaseSpinningPlugins() {
        spinning.forEach(TestPlugins.IgnoresInterrupts::release);
    }

    private TestPlugins.IgnoresInterrupts spinning(String id, Goal goal) {
        var plugin = new TestPlugins.IgnoresInterrupts(id, goal);
        spinning.add(plugin);
        return plugin;
    }

    private static List<Split> classSplits() {
        return Folds.make(CLASSES, 3, 2, SEED);
    }

    private static Evaluator classifying(int threads, Duration limit) {
        return new Evaluator(Goal.CLASSIFY, CLASS_FEATURES, CLASSES, classSplits(), Metric.forGoal(Goal.CLASSIFY, 2),
                SEED, threads, limit);
    }

    private static Candidate candidate(ModelPlugin plugin, Table features) {
        return new Candidate(plugin, ParameterValues.NONE, Recipe.of(plugin, features));
    }

    private static Outcome outcome(List<Outcome> outcomes, String id) {
        return outcomes.stream().filter(o -> o.candidate().plugin().id().equals(id)).findFirst().orElseThrow();
    }

    private static String firstFold() {
        return "fold 1 of repeat 1: ";
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against a hang, not a measurement
    void aRunWithGoodAndBadPluginsCompletesAndSaysWhatWentWrong() throws InterruptedException {
        var hanging = new TestPlugins.Hanging("test.hanging", Goal.CLASSIFY);
        List<Candidate> candidates = List.of(
                candidate(new TestPlugins.Throwing("test.throwing", Goal.CLASSIFY), CLASS_FEATURES),
                candidate(hanging, CLASS_FEATURES),
                candidate(spinning("test.spinning", Goal.CLASSIFY), CLASS_FEATURES),
                candidate(new TestPlugins.BadProbabilities("test.bad-probabilities"), CLASS_FEATURES),
                candidate(new TestPlugins.WrongModel("test.wrong-model"), CLASS_FEATURES),
                candidate(new TestPlugins.NearestMean("test.nearest-mean"), CLASS_FEATURES),
                candidate(new TestPlugins.SeedRecorder("test.seed-recorder"), CLASS_FEATURES));
        // One thread: the stuck candidates must not keep the ones after them from running.
        List<Outcome> outcomes = classifying(1, Duration.ofSeconds(2)).evaluate(candidates);

        int firstTestRows = classSplits().getFirst().test().length;
        assertThat(outcomes).extracting(o -> o.candidate().plugin().id()).containsExactly("test.throwing",
                "test.hanging", "test.spinning", "test.bad-probabilities", "test.wrong-model", "test.nearest-mean",
                "test.seed-recorder");
        assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.FAILED, Status.TIMED_OUT,
                Status.TIMED_OUT, Status.FAILED, Status.FAILED, Status.EVALUATED, Status.EVALUATED);

        assertThat(outcome(outcomes, "test.throwing").reason())
                .isEqualTo(firstFold() + "IllegalStateException: matrix is singular");
        assertThat(outcome(outcomes, "test.bad-probabilities").reason()).isEqualTo(firstFold() + "invalid prediction in "
                + firstTestRows + " of " + firstTestRows + " rows, e.g. probabilities summing to 0.8, not one");
        assertThat(outcome(outcomes, "test.wrong-model").reason()).startsWith(firstFold()).endsWith(", not a classifier");
        assertThat(outcome(outcomes, "test.hanging").reason()).isEqualTo(firstFold() + "fit and prediction took longer than 2 s");
        assertThat(outcome(outcomes, "test.spinning").reason()).isEqualTo(firstFold() + "fit and prediction took longer than 2 s");
        assertThat(hanging.interrupted.await(30, TimeUnit.SECONDS)).as("the hanging fit was interrupted").isTrue();

        for (Outcome failed : outcomes.subList(0, 5)) {
            assertThat(failed.scores()).isEmpty();
            assertThat(failed.fitSeconds()).isZero();
            assertThat(failed.predictMicrosPerRow()).isZero();
        }
        for (Outcome good : outcomes.subList(5, 7)) {
            assertThat(good.reason()).isEmpty();
            assertThat(good.scores()).containsOnlyKeys(Metric.forGoal(Goal.CLASSIFY, 2));
            assertThat(good.scores().values()).allSatisfy(values -> assertThat(values).hasSize(6));
        }
        assertThat(outcome(outcomes, "test.nearest-mean").scores().get(Metric.ACCURACY)).containsOnly(1.0);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against a hang, not a measurement
    void pluginsPastAShortTimeLimitAreTimedOutWhetherOrNotTheyHeedInterrupts() throws InterruptedException {
        var hanging = new TestPlugins.Hanging("test.hanging", Goal.CLASSIFY);
        var deaf = spinning("test.deaf", Goal.CLASSIFY);

        List<Outcome> outcomes = classifying(2, Duration.ofMillis(300))
                .evaluate(List.of(candidate(hanging, CLASS_FEATURES), candidate(deaf, CLASS_FEATURES)));

        assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.TIMED_OUT, Status.TIMED_OUT);
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.reason()).startsWith(firstFold()).endsWith("fit and prediction took longer than 0.3 s");
            assertThat(o.scores()).isEmpty();
        });
        assertThat(hanging.interrupted.await(30, TimeUnit.SECONDS)).as("the hanging fit was interrupted").isTrue();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against a hang, not a measurement
    void aCandidateThatTimedOutIsNotStartedOnFurtherSplits() throws InterruptedException {
        // One thread, and the other candidate fails at once: the next fit to wait for the thread is the stuck one's.
        var hanging = new TestPlugins.Hanging("test.hanging", Goal.CLASSIFY);
        var deaf = spinning("test.deaf", Goal.CLASSIFY);

        List<Outcome> outcomes = classifying(1, Duration.ofMillis(300)).evaluate(List.of(
                candidate(new TestPlugins.Throwing("test.throwing", Goal.CLASSIFY), CLASS_FEATURES),
                candidate(hanging, CLASS_FEATURES)));
        List<Outcome> deafOutcomes = classifying(1, Duration.ofMillis(300))
                .evaluate(List.of(candidate(deaf, CLASS_FEATURES)));

        assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.FAILED, Status.TIMED_OUT);
        assertThat(deafOutcomes).extracting(Outcome::status).containsExactly(Status.TIMED_OUT);
        assertThat(hanging.fits).as("fits started of the hanging plugin").hasValue(1);
        assertThat(deaf.fits).as("fits started of the plugin deaf to interrupts").hasValue(1);
    }

    @Test
    void goodCandidatesScoreOncePerSplitPerMetricAsIfFittedByHand() throws InterruptedException {
        List<Split> splits = classSplits();
        var plugin = new TestPlugins.NearestMean("test.nearest-mean");
        Outcome outcome = classifying(2, GENEROUS).evaluate(List.of(candidate(plugin, CLASS_FEATURES))).getFirst();

        assertThat(outcome.status()).isEqualTo(Status.EVALUATED);
        assertThat(outcome.candidate().plugin()).isSameAs(plugin);
        assertThat(outcome.scores()).containsOnlyKeys(Metric.forGoal(Goal.CLASSIFY, 2));
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            var request = new FitRequest(Goal.CLASSIFY, CLASS_FEATURES.select(split.train()),
                    Optional.of(CLASSES.select(split.train())), ParameterValues.NONE, 0);
            ClassPrediction prediction = plugin.fit(request).predict(CLASS_FEATURES.select(split.test()));
            int[] truth = CLASSES.select(split.test()).toCodes();
            for (Metric metric : Metric.forGoal(Goal.CLASSIFY, 2)) {
                assertThat(outcome.scores().get(metric)[s]).as("%s on split %d", metric.id(), s)
                        .isEqualTo(metric.score(truth, prediction, 2));
            }
        }
    }

    @Test
    void regressionScoresAndNanPredictions() throws InterruptedException {
        List<Split> splits = Folds.make(REGRESSION_TARGET, 5, 1, SEED);
        var evaluator = new Evaluator(Goal.REGRESS, REGRESSION_FEATURES, REGRESSION_TARGET, splits,
                Metric.forGoal(Goal.REGRESS, 0), SEED, 3, GENEROUS);

        List<Outcome> outcomes = evaluator.evaluate(List.of(
                candidate(new TestPlugins.MeanRegressor("test.mean"), REGRESSION_FEATURES),
                candidate(new TestPlugins.LineRegressor("test.line"), REGRESSION_FEATURES),
                candidate(new TestPlugins.NanRegressor("test.nan"), REGRESSION_FEATURES),
                candidate(new TestPlugins.Throwing("test.throwing", Goal.REGRESS), REGRESSION_FEATURES)));

        assertThat(outcomes).extracting(Outcome::status)
                .containsExactly(Status.EVALUATED, Status.EVALUATED, Status.FAILED, Status.FAILED);
        int firstTestRows = splits.getFirst().test().length;
        assertThat(outcome(outcomes, "test.nan").reason()).isEqualTo(firstFold()
                + "predict returned NaN or infinite values for " + firstTestRows + " of " + firstTestRows + " rows");
        assertThat(outcome(outcomes, "test.throwing").reason())
                .isEqualTo(firstFold() + "IllegalStateException: matrix is singular");

        Outcome mean = outcome(outcomes, "test.mean");
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            double trainMean = Arrays.stream(REGRESSION_TARGET.select(split.train()).toArray()).average().orElseThrow();
            double ss = 0;
            for (int row : split.test()) {
                ss += Math.pow(REGRESSION_TARGET.value(row) - trainMean, 2);
            }
            assertThat(mean.scores().get(Metric.RMSE)[s]).isCloseTo(Math.sqrt(ss / split.test().length),
                    within(1e-9));
        }
        Outcome line = outcome(outcomes, "test.line");
        for (int s = 0; s < splits.size(); s++) {
            assertThat(line.scores().get(Metric.RMSE)[s]).isLessThan(mean.scores().get(Metric.RMSE)[s]);
            assertThat(line.scores().get(Metric.R2)[s]).isGreaterThan(0.99);
        }
        assertThat(line.scores().get(Metric.MAE)).hasSize(5);
    }

    @Test
    void aFailureOnALaterSplitNamesThatFold() throws InterruptedException {
        List<Split> splits = classSplits();
        int heldOut = 0;
        while (Arrays.stream(splits.get(heldOut).test()).noneMatch(row -> row == 7)) {
            heldOut++;
        }
        Split split = splits.get(heldOut);
        double marker = ((NumericColumn) CLASS_FEATURES.column("x1")).value(7);

        Outcome outcome = classifying(3, GENEROUS)
                .evaluate(List.of(candidate(new TestPlugins.FailsWhenRowHeldOut("test.picky", marker), CLASS_FEATURES)))
                .getFirst();

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("fold " + (split.fold() + 1) + " of repeat " + (split.repeat() + 1)
                + ": IllegalArgumentException: row " + marker + " held out");
    }

    @Test
    void resultsAndSeedsAreTheSameAtAnyThreadCount() throws InterruptedException {
        var one = runForDeterminism(1);
        var three = runForDeterminism(3);

        assertThat(three.outcomes()).hasSameSizeAs(one.outcomes());
        for (int c = 0; c < one.outcomes().size(); c++) {
            Outcome a = one.outcomes().get(c);
            Outcome b = three.outcomes().get(c);
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.reason()).isEqualTo(a.reason());
            assertThat(b.scores().keySet()).isEqualTo(a.scores().keySet());
            a.scores().forEach((metric, values) -> assertThat(b.scores().get(metric)).as(metric.id()).isEqualTo(values));
        }
        assertThat(one.outcomes()).extracting(Outcome::status)
                .containsExactly(Status.EVALUATED, Status.EVALUATED, Status.FAILED, Status.FAILED);

        // Every split got its own seed, derived from the task seed, the plugin id and the split alone.
        assertThat(three.recorder().seedByTrainingRows).isEqualTo(one.recorder().seedByTrainingRows);
        List<Split> splits = classSplits();
        assertThat(one.recorder().seedByTrainingRows).hasSize(splits.size());
        assertThat(new HashSet<>(one.recorder().seedByTrainingRows.values())).hasSize(splits.size());
        for (int s = 0; s < splits.size(); s++) {
            assertThat(one.recorder().seedByTrainingRows.get(firstFeature(splits.get(s).train())))
                    .as("seed of split %d", s).isEqualTo(Seeds.mix(SEED, "test.seed-recorder", s));
        }
        // The recorder's scores follow its seeds, so equal scores above mean equal seeds were used.
        assertThat(one.outcomes().get(1).scores().get(Metric.LOG_LOSS)).doesNotHaveDuplicates();
    }

    @Test
    void anotherPluginIdOrTaskSeedGivesOtherSeeds() throws InterruptedException {
        var first = new TestPlugins.SeedRecorder("test.first");
        var second = new TestPlugins.SeedRecorder("test.second");
        var reseeded = new TestPlugins.SeedRecorder("test.first");
        classifying(2, GENEROUS).evaluate(List.of(candidate(first, CLASS_FEATURES), candidate(second, CLASS_FEATURES)));
        new Evaluator(Goal.CLASSIFY, CLASS_FEATURES, CLASSES, classSplits(), List.of(Metric.ACCURACY), SEED + 1, 2,
                GENEROUS).evaluate(List.of(candidate(reseeded, CLASS_FEATURES)));

        assertThat(first.seedByTrainingRows.keySet()).isEqualTo(second.seedByTrainingRows.keySet());
        first.seedByTrainingRows.forEach((rows, seed) -> {
            assertThat(second.seedByTrainingRows.get(rows)).isNotEqualTo(seed);
            assertThat(reseeded.seedByTrainingRows.get(rows)).isNotEqualTo(seed);
        });
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThatThrownBy(() -> classifying(0, GENEROUS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be at least 1, got 0");
    }

    private record Run(List<Outcome> outcomes, TestPlugins.SeedRecorder recorder) {
    }

    private static Run runForDeterminism(int threads) throws InterruptedException {
        var recorder = new TestPlugins.SeedRecorder("test.seed-recorder");
        List<Outcome> outcomes = classifying(threads, GENEROUS).evaluate(List.of(
                candidate(new TestPlugins.NearestMean("test.nearest-mean"), CLASS_FEATURES),
                candidate(recorder, CLASS_FEATURES),
                candidate(new TestPlugins.Throwing("test.throwing", Goal.CLASSIFY), CLASS_FEATURES),
                candidate(new TestPlugins.FailsWhenRowHeldOut("test.picky", 0.0), CLASS_FEATURES)));
        return new Run(outcomes, recorder);
    }

    private static List<Double> firstFeature(int[] rows) {
        return Arrays.stream(((NumericColumn) CLASS_FEATURES.column(0)).select(rows).toArray()).boxed().toList();
    }
}
