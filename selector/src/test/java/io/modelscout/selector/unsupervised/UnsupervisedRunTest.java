package io.modelscout.selector.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.modelscout.api.Capability;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.rules.Rulebook;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UnsupervisedRunTest {
    @TempDir
    Path dir;

    /** Two Gaussian blobs in (x, y), a nominal reference of the blob, an anomaly flag on 5 % of rows. */
    private void data(boolean missing) throws IOException {
        var random = new SplittableRandom(7);
        var csv = new StringBuilder("x,y,group,outlier\n");
        for (int i = 0; i < 120; i++) {
            boolean second = i % 2 == 1;
            boolean outlier = i % 20 == 0;
            double x = (second ? 4 : 0) + random.nextGaussian() + (outlier ? 9 : 0);
            double y = (second ? 4 : 0) + random.nextGaussian();
            csv.append(x).append(',').append(missing && i % 17 == 3 ? "" : Double.toString(y)).append(',')
                    .append(second ? "b" : "a").append(',').append(outlier ? "yes" : "no").append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
    }

    private SelectionResult run(String task, int threads, Set<ModelPlugin> plugins) throws Exception {
        Path file = dir.resolve("task.yaml");
        Files.writeString(file, task);
        var spec = TaskSpecReader.read(file);
        var context = new RunContext(spec, plugins, Rulebook.bundledWith(List.of()), spec.evaluation().seed(), threads,
                _ -> { }, Instant.now(), Optional.of(dir.resolve("out")), Optional.empty());
        return UnsupervisedRun.run(context);
    }

    private static Map<String, Map<String, List<Double>>> numbers(SelectionResult result) {
        return result.candidates().stream().collect(Collectors.toMap(CandidateResult::id, c -> c.scores().entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().folds()))));
    }

    private static final String CLUSTER = """
            goal: cluster
            data: {path: d.csv, ignore: [outlier]}
            reference: group
            evaluation: {folds: 4, seed: 5}
            """;
    private static final String ANOMALIES = """
            goal: detect-anomalies
            data: {path: d.csv, ignore: [group]}
            reference: outlier
            evaluation: {folds: 4, seed: 5}
            """;
    private static final String DENSITY = """
            goal: estimate-density
            data: {path: d.csv, ignore: [group, outlier]}
            queries: ["x > 2 and y > 2"]
            impute: true
            evaluation: {folds: 4, seed: 5}
            """;

    @Test
    void theReferenceNeverReachesAPluginAndIsUsedOnlyToValidate() throws Exception {
        data(false);
        var spy = FakeModels.Plugin.working("test.spy");
        var result = run(CLUSTER, 2, Set.of(spy));
        assertThat(spy.seen).isNotEmpty().allSatisfy(columns -> assertThat(columns).containsExactly("x", "y"));
        var candidate = result.candidates().getFirst();
        assertThat(candidate.scores()).containsKeys("silhouette", "log_likelihood", "stability", "ari", "nmi");
        assertThat(candidate.scores().get("ari").mean()).isGreaterThan(0.5);
        var details = (ClusterDetails) result.details().orElseThrow();
        assertThat(details.clusterCount()).isEqualTo(2);
        assertThat(details.projection()).isPresent();
        assertThat(details.confusion().orElseThrow().groups()).containsExactly("a", "b");
        assertThat(result.recommendation().orElseThrow().reasons()).anyMatch(r -> r.contains("use goal classify"));

        var anomalySpy = FakeModels.Plugin.working("test.spy");
        run(ANOMALIES, 2, Set.of(anomalySpy));
        assertThat(anomalySpy.seen).allSatisfy(columns -> assertThat(columns).containsExactly("x", "y"));
    }

    @Test
    void sameSeedSameNumbersAtOneAndTwoThreadsForEveryGoal() throws Exception {
        data(true);
        for (String task : List.of(CLUSTER, ANOMALIES, DENSITY)) {
            Set<ModelPlugin> plugins = Set.of(FakeModels.Plugin.working("test.a"), FakeModels.Plugin.working("test.b"));
            var one = run(task, 1, plugins);
            var two = run(task, 2, plugins);
            assertThat(numbers(two)).isEqualTo(numbers(one)).isNotEmpty();
            assertThat(two.details()).isEqualTo(one.details());
        }
    }

    @Test
    void failuresAreMarkedWithTheirReasonAndEveryPluginAppears() throws Exception {
        data(false);
        var classifier = new FakeModels.Plugin("test.classifier", Set.of(Goal.CLASSIFY), Set.of(),
                FakeModels.Behaviour.WORKS);
        var result = run(ANOMALIES, 2, Set.of(FakeModels.Plugin.working("test.good"),
                FakeModels.Plugin.working("test.other"),
                new FakeModels.Plugin("test.throws", FakeModels.Plugin.working("x").goals(),
                        FakeModels.Plugin.working("x").capabilities(), FakeModels.Behaviour.THROWS),
                new FakeModels.Plugin("test.nan", FakeModels.Plugin.working("x").goals(),
                        FakeModels.Plugin.working("x").capabilities(), FakeModels.Behaviour.NAN),
                classifier));
        var byId = result.candidates().stream().collect(Collectors.toMap(CandidateResult::id, c -> c));
        assertThat(byId.get("test.throws").status()).isEqualTo(CandidateResult.Status.FAILED);
        assertThat(byId.get("test.throws").reason()).contains("always breaks");
        assertThat(byId.get("test.nan").status()).isEqualTo(CandidateResult.Status.FAILED);
        assertThat(byId.get("test.nan").reason()).contains("NaN");
        assertThat(byId.get("test.classifier").status()).isEqualTo(CandidateResult.Status.EXCLUDED);
        assertThat(byId.get("test.classifier").reason()).containsIgnoringCase("learns only P(y|x)");
        assertThat(byId.get("test.good").scores()).containsKeys("roc_auc", "average_precision", "precision_at_n",
                "stability", "agreement");
        assertThat(byId.get("test.good").scores().get("roc_auc").mean()).isGreaterThan(0.8);
        var details = (AnomalyDetails) result.details().orElseThrow();
        assertThat(details.knownAnomalies()).contains(6);
        assertThat(details.anomalyLevel()).contains("yes");
        assertThat(details.roc()).isNotEmpty();
    }

    @Test
    void withoutAReferenceTheEnsembleOfStableDetectorsIsRecommendedOnAgreementAndStability() throws Exception {
        data(false);
        var result = run("""
                goal: detect-anomalies
                data: {path: d.csv, ignore: [group, outlier]}
                evaluation: {folds: 4, seed: 5}
                """, 2, Set.of(FakeModels.Plugin.working("test.a"), FakeModels.Plugin.working("test.b")));
        var recommendation = result.recommendation().orElseThrow();
        assertThat(recommendation.candidate()).isEqualTo(Evaluation.ENSEMBLE);
        assertThat(recommendation.reasons()).anyMatch(r -> r.contains("agreement and stability only"));
        assertThat(result.candidates()).anyMatch(c -> c.id().equals(Evaluation.ENSEMBLE)
                && c.name().contains("built by this run"));
    }

    @Test
    void densityQueriesAndImputationAreComparedOnTheSameCells() throws Exception {
        data(true);
        var result = run(DENSITY, 2, Set.of(FakeModels.Plugin.working("test.a")));
        var details = (DensityDetails) result.details().orElseThrow();
        var query = details.queries().getFirst();
        assertThat(query.estimates()).singleElement().satisfies(e -> {
            assertThat(e.samples()).isEqualTo(4 * Evaluation.QUERY_SAMPLES);
            assertThat(e.low()).isLessThanOrEqualTo(e.estimate());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.estimate());
        });
        assertThat(query.empirical()).isBetween(0.05, 0.6);
        var imputation = details.imputation().orElseThrow();
        assertThat(imputation.methods()).extracting(DensityDetails.ImputationMethod::method)
                .containsExactly("test.a", "baseline.mean-mode", "baseline.knn");
        assertThat(imputation.maskedNumeric()).isGreaterThan(0);
        assertThat(imputation.completedTable()).contains("completed.csv");
        assertThat(Files.readString(dir.resolve("out/completed.csv"))).doesNotContain(",,");
    }

    @Test
    void aNominalColumnNoDensityCandidateCanTakeIsOneClearMessage() throws Exception {
        data(false);
        var numericOnly = new FakeModels.Plugin("test.numeric", Set.of(Goal.ESTIMATE_DENSITY),
                Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC), FakeModels.Behaviour.WORKS);
        var e = catchThrowableOfType(SpecException.class, () -> run("""
                goal: estimate-density
                data: {path: d.csv, ignore: [outlier]}
                """, 1, Set.of(numericOnly)));
        assertThat(e.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("nominal column group", "test.numeric", "data.ignore"));
    }
}
