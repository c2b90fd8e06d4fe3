package io.modelscout.selector.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.SelectionResult.Claim;
import io.modelscout.selector.result.SelectionResult.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ClaimCheckerTest {
    private static final long SEED = 7;
    private static final Table FEATURES;
    private static final NominalColumn TARGET;
    private static final List<Split> SPLITS;

    static {
        // Two Gaussian classes in three numeric features, 200 rows, deterministic.
        var random = new SplittableRandom(11);
        int n = 200;
        double[][] x = new double[3][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4 == 0 ? 1 : 0;
            for (int j = 0; j < 3; j++) {
                x[j][i] = random.nextGaussian() + (y[i] == 1 ? 1.2 : 0);
            }
        }
        FEATURES = new Table("blobs", List.of(NumericColumn.of("a", x[0]), NumericColumn.of("b", x[1]),
                NumericColumn.of("c", x[2])));
        TARGET = NominalColumn.of("class", List.of("no", "yes"), y);
        SPLITS = Folds.make(TARGET, 4, 2, SEED);
    }

    /** Nearest class mean that skips missing cells; declared generative or discriminative by the test. */
    private static class NearestMean implements ModelPlugin {
        private final String id;
        private final Family family;
        private final Set<Capability> capabilities;

        NearestMean(String id, Family family, Set<Capability> capabilities) {
            this.id = id;
            this.family = family;
            this.capabilities = capabilities;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public String description() {
            return "nearest class mean";
        }

        @Override
        public Family family() {
            return family;
        }

        @Override
        public Set<Goal> goals() {
            return Set.of(Goal.CLASSIFY);
        }

        @Override
        public Set<Capability> capabilities() {
            return capabilities;
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.EMPTY;
        }

        @Override
        public Classifier fit(FitRequest request) {
            CategoricalColumn target = request.classTarget();
            double[][] rows = request.features().toMatrix();
            int classes = target.levels().size();
            int columns = request.features().columnCount();
            double[][] sums = new double[classes][columns];
            int[][] counts = new int[classes][columns];
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < columns; j++) {
                    if (!Double.isNaN(rows[i][j])) {
                        sums[target.code(i)][j] += rows[i][j];
                        counts[target.code(i)][j]++;
                    }
                }
            }
            return features -> {
                double[][] test = features.toMatrix();
                double[][] p = new double[test.length][classes];
                for (int i = 0; i < test.length; i++) {
                    double total = 0;
                    for (int k = 0; k < classes; k++) {
                        double d = 0;
                        for (int j = 0; j < columns; j++) {
                            if (!Double.isNaN(test[i][j]) && counts[k][j] > 0) {
                                double diff = test[i][j] - sums[k][j] / counts[k][j];
                                d += diff * diff;
                            }
                        }
                        p[i][k] = counts[k][0] == 0 ? 0 : Math.exp(-d / 2);
                        total += p[i][k];
                    }
                    for (int k = 0; k < classes; k++) {
                        p[i][k] = total > 0 ? p[i][k] / total : 1.0 / classes;
                    }
                }
                return ClassPrediction.fromProbabilities(p);
            };
        }
    }

    /** A generative model that cannot be fitted on fewer than 30 rows, as a covariance model on tiny data. */
    private static final ModelPlugin FRAGILE = new NearestMean("test.fragile", Family.GENERATIVE,
            Set.of(Capability.GENERATIVE, Capability.HANDLES_MISSING_DATA)) {
        @Override
        public Classifier fit(FitRequest request) {
            if (request.features().rowCount() < 30) {
                throw new IllegalArgumentException("too few rows");
            }
            return super.fit(request);
        }
    };

    private static final ModelPlugin GENERATIVE = new NearestMean("test.generative", Family.GENERATIVE,
            Set.of(Capability.GENERATIVE, Capability.HANDLES_MISSING_DATA));
    private static final ModelPlugin DISCRIMINATIVE = new NearestMean("test.discriminative", Family.DISCRIMINATIVE,
            Set.of(Capability.FAST_INFERENCE));

    private static ClaimChecker checker(int threads) {
        return new ClaimChecker(Goal.CLASSIFY, FEATURES, TARGET, SPLITS, Metric.ACCURACY, SEED, threads,
                Duration.ofSeconds(60));
    }

    private record Evaluated(List<CandidateResult> results, Map<String, Evaluator.Candidate> candidates) {
    }

    private static Evaluated evaluate(List<ModelPlugin> plugins, Map<String, Timing> timings) throws InterruptedException {
        var candidates = new HashMap<String, Evaluator.Candidate>();
        var list = new ArrayList<Evaluator.Candidate>();
        for (ModelPlugin plugin : plugins) {
            var candidate = new Evaluator.Candidate(plugin, plugin.parameters().defaults(), Recipe.of(plugin, FEATURES));
            candidates.put(plugin.id(), candidate);
            list.add(candidate);
        }
        var outcomes = new Evaluator(Goal.CLASSIFY, FEATURES, TARGET, SPLITS, List.of(Metric.ACCURACY), SEED, 2,
                Duration.ofSeconds(60)).evaluate(list);
        var results = new ArrayList<CandidateResult>();
        for (Evaluator.Outcome outcome : outcomes) {
            double[] folds = outcome.scores().get(Metric.ACCURACY);
            var plugin = outcome.candidate().plugin();
            results.add(new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(),
                    plugin.capabilities().stream().map(Enum::name).sorted().toList(), Status.EVALUATED, "", List.of(),
                    Map.of(), Map.of("accuracy", new Score(Arrays.stream(folds).average().orElseThrow(), 0,
                    Arrays.stream(folds).boxed().toList())), timings.get(plugin.id())));
        }
        return new Evaluated(results, candidates);
    }

    @Test
    void learningCurveSubsetsAreNestedStratifiedAndFollowTheSeed() {
        ClaimChecker checker = checker(1);
        int[] train = SPLITS.getFirst().train();

        int[] tenth = checker.subset(train, 0.1, 0);
        int[] half = checker.subset(train, 0.5, 0);

        assertThat(Arrays.stream(half).boxed().toList()).containsAll(Arrays.stream(tenth).boxed().toList());
        assertThat(tenth).isSorted().isEqualTo(checker.subset(train, 0.1, 0));
        assertThat(Arrays.stream(train).boxed().toList()).containsAll(Arrays.stream(half).boxed().toList());
        // 150 training rows: 113 of class no and 37 of class yes (the folds are stratified); ceil(11.3) + ceil(3.7).
        long yes = Arrays.stream(tenth).filter(r -> TARGET.code(r) == 1).count();
        assertThat(yes).isEqualTo((long) Math.ceil(0.1 * Arrays.stream(train).filter(r -> TARGET.code(r) == 1).count()));
        assertThat(tenth).hasSize((int) (Math.ceil(0.1 * (train.length - countYes(train))) + yes));
        assertThat(checker.subset(train, 0.1, 1)).isNotEqualTo(tenth);
    }

    private static long countYes(int[] rows) {
        return Arrays.stream(rows).filter(r -> TARGET.code(r) == 1).count();
    }

    @Test
    void maskingKeepsTheOriginalsAndRemovesAboutTheRateFromTheCopies() {
        ClaimChecker checker = checker(1);
        Table tenth = checker.masked(0.1);
        Table fifth = checker.masked(0.2);
        int n = FEATURES.rowCount();

        assertThat(tenth.rowCount()).isEqualTo(2 * n);
        long maskedTenth = 0;
        long maskedFifth = 0;
        for (int c = 0; c < FEATURES.columnCount(); c++) {
            var original = (NumericColumn) FEATURES.column(c);
            var a = (NumericColumn) tenth.column(c);
            var b = (NumericColumn) fifth.column(c);
            for (int i = 0; i < n; i++) {
                assertThat(a.value(i)).isEqualTo(original.value(i));
                if (a.isMissing(n + i)) {
                    maskedTenth++;
                    assertThat(b.isMissing(n + i)).as("a larger rate masks a superset").isTrue();
                } else {
                    assertThat(a.value(n + i)).isEqualTo(original.value(i));
                }
                maskedFifth += b.isMissing(n + i) ? 1 : 0;
            }
        }
        assertThat(maskedTenth).isBetween(40L, 80L); // 600 cells at 10 %
        assertThat(maskedFifth).isBetween(95L, 145L);
        assertThat(tenth.missingCount()).isEqualTo(checker.masked(0.1).missingCount());
    }

    @Test
    void theThreeClaimsAreCheckedWithTheirSeriesAndTheSameAtAnyThreadCount() throws InterruptedException {
        var timings = Map.of("test.generative", new Timing(0.01, 5.0), "test.discriminative", new Timing(0.01, 1.0));
        Evaluated evaluated = evaluate(List.of(GENERATIVE, DISCRIMINATIVE), timings);

        List<Claim> one = checker(1).check(evaluated.results(), evaluated.candidates());
        List<Claim> four = checker(4).check(evaluated.results(), evaluated.candidates());

        assertThat(one).isEqualTo(four);
        assertThat(one).extracting(Claim::id).containsExactly(ClaimChecker.CONVERGES, ClaimChecker.PREDICTS,
                ClaimChecker.MISSING);
        assertThat(one).allSatisfy(c -> assertThat(c.held()).isPresent());

        Claim curve = one.getFirst();
        assertThat(curve.series()).extracting(Series::label).containsExactly("test.generative", "test.discriminative");
        for (Series s : curve.series()) {
            assertThat(s.x()).hasSize(4).isSorted();
            // The first repeat's four training folds hold 150 rows: 16 (stratified ceil), 38, 75, then all 150.
            assertThat(s.x().getLast()).isEqualTo(150.0);
            assertThat(s.y()).allSatisfy(y -> assertThat(y).isBetween(0.0, 1.0));
        }
        // The full-size point is the main evaluation's own mean over the first repeat.
        double firstRepeat = evaluated.results().getFirst().scores().get("accuracy").folds().subList(0, 4).stream()
                .mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(curve.series().getFirst().y().getLast()).isEqualTo(firstRepeat);
        assertThat(curve.finding()).contains("training rows");

        Claim time = one.get(1);
        assertThat(time.held()).contains(true);
        assertThat(time.finding()).startsWith("test.discriminative predicted in 1.00 µs per row, test.generative in 5.00");

        Claim missing = one.get(2);
        for (Series s : missing.series()) {
            assertThat(s.x()).containsExactly(0.0, 0.1, 0.2);
        }
        assertThat(missing.finding()).startsWith("With 20 % of the test cells removed, test.generative goes from");
        // Same model on both sides, but the discriminative one sees imputed means where the generative one skips the
        // cell; the held value is whatever the data say, and it must be stated.
        assertThat(missing.held()).isPresent();
    }

    @Test
    void withoutAGenerativeCandidateNoClaimIsChecked() throws InterruptedException {
        Evaluated evaluated = evaluate(List.of(DISCRIMINATIVE), Map.of("test.discriminative", new Timing(0.01, 1.0)));

        List<Claim> claims = checker(2).check(evaluated.results(), evaluated.candidates());

        assertThat(claims).hasSize(3).allSatisfy(c -> {
            assertThat(c.held()).isEmpty();
            assertThat(c.finding()).isEqualTo("No generative candidate other than a baseline was evaluated, so there is "
                    + "nothing to compare.");
            assertThat(c.series()).isEmpty();
        });
    }

    @Test
    void theFamilyBestIgnoresBaselines() throws InterruptedException {
        Evaluated evaluated = evaluate(List.of(GENERATIVE, DISCRIMINATIVE), Map.of("test.generative", Timing.NONE,
                "test.discriminative", Timing.NONE));
        var baseline = new CandidateResult("test.constant", "constant", "discriminative", List.of("BASELINE"),
                Status.EVALUATED, "", List.of(), Map.of(), Map.of("accuracy", new Score(0.99, 0, List.of(0.99))),
                Timing.NONE);
        var all = new ArrayList<>(evaluated.results());
        all.add(baseline);

        Optional<CandidateResult> best = ClaimChecker.bestOf(all, Metric.ACCURACY, "discriminative");

        assertThat(best).map(CandidateResult::id).contains("test.discriminative");
        assertThat(ClaimChecker.bestOf(all, Metric.ACCURACY, "generative")).map(CandidateResult::id)
                .contains("test.generative");
    }

    @Test
    void aModelThatFailsOnTheSmallestSubsetsIsComparedOnTheSmallestBothFit() throws InterruptedException {
        Evaluated evaluated = evaluate(List.of(FRAGILE, DISCRIMINATIVE), Map.of("test.fragile", new Timing(0.01, 2.0),
                "test.discriminative", new Timing(0.01, 1.0)));

        Claim curve = checker(2).check(evaluated.results(), evaluated.candidates()).getFirst();

        assertThat(curve.held()).isPresent();
        assertThat(curve.series().getFirst().x()).hasSize(3).doesNotContain(curve.series().get(1).x().getFirst());
        assertThat(curve.series().get(1).x()).hasSize(4);
        assertThat(curve.finding()).startsWith("With " + Math.round(curve.series().getFirst().x().getFirst())
                + " training rows (test.fragile could not be fitted on the smallest subsets) test.fragile scores");
    }
}
