package io.modelscout.selector.rules;

import static io.modelscout.selector.rules.Profiles.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpec.CandidatesSpec;
import io.modelscout.selector.spec.TaskSpec.DataSpec;
import io.modelscout.selector.spec.TaskSpec.EvaluationSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of the goals cluster, detect-anomalies and estimate-density, each where it fires and where it does not. */
final class UnsupervisedRulesTest {
    private static final ModelPlugin MIXTURE = new FakePlugin("x.gmm", Family.GENERATIVE,
            Set.of(Goal.CLUSTER, Goal.ESTIMATE_DENSITY, Goal.DETECT_ANOMALIES),
            Set.of(Capability.GENERATIVE, Capability.UNSUPERVISED, Capability.PROBABILISTIC));
    private static final ModelPlugin MARGINALISING = new FakePlugin("x.mixed", Family.GENERATIVE,
            Set.of(Goal.CLUSTER, Goal.ESTIMATE_DENSITY, Goal.DETECT_ANOMALIES),
            Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.HANDLES_MISSING_DATA));
    private static final ModelPlugin KMEANS = new FakePlugin("x.kmeans", Family.DISCRIMINATIVE, Set.of(Goal.CLUSTER),
            Set.of(Capability.UNSUPERVISED));
    private static final ModelPlugin FOREST_DETECTOR = new FakePlugin("x.isolation-forest", Family.DISCRIMINATIVE,
            Set.of(Goal.DETECT_ANOMALIES), Set.of(Capability.UNSUPERVISED));
    private static final ModelPlugin LOGISTIC = new FakePlugin("x.logistic", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.INTERPRETABLE));
    private static final ModelPlugin BAYES = new FakePlugin("x.naive-bayes", Family.GENERATIVE, Set.of(Goal.CLASSIFY),
            Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC));
    private static final Set<ModelPlugin> PLUGINS = Set.of(MIXTURE, MARGINALISING, KMEANS, FOREST_DETECTOR, LOGISTIC,
            BAYES);
    private static final DataProfile COMPLETE = profile(600, 3, 0, 0, Optional.empty());
    private static final DataProfile GAPS = profile(600, 3, 0, 25, Optional.empty());
    private static final Rulebook BUNDLED = Rulebook.bundledWith(List.of());

    private static CandidatePlan plan(Goal goal, DataProfile profile, Map<String, Boolean> facts) {
        var spec = new TaskSpec("t", goal, new DataSpec(Path.of("data.csv"), Optional.empty(), Optional.empty(),
                List.of(), List.of()), facts, new EvaluationSpec("silhouette", 5, 1, 42, 60), CandidatesSpec.NONE,
                Path.of("t.yaml"));
        return BUNDLED.plan(spec, profile, PLUGINS);
    }

    private static boolean fired(CandidatePlan plan, String rule) {
        return plan.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().fired();
    }

    private static CandidatePlan.Entry entry(CandidatePlan plan, ModelPlugin plugin) {
        return plan.entries().stream().filter(e -> e.plugin() == plugin).findFirst().orElseThrow();
    }

    @Test
    void unknownGroupsPutMixturesFirstAndKnownGroupsPointToClassify() {
        CandidatePlan unknown = plan(Goal.CLUSTER, COMPLETE, Map.of());
        assertThat(fired(unknown, "mixtures-first-for-unknown-groups")).isTrue();
        assertThat(fired(unknown, "known-groups-point-to-classify")).isFalse();
        assertThat(entry(unknown, MIXTURE).preference()).isGreaterThan(entry(unknown, KMEANS).preference());
        assertThat(entry(unknown, KMEANS).included()).isTrue();

        CandidatePlan known = plan(Goal.CLUSTER, COMPLETE, Map.of("groups_known", true));
        assertThat(fired(known, "mixtures-first-for-unknown-groups")).isFalse();
        assertThat(fired(known, "known-groups-point-to-classify")).isTrue();
        assertThat(BUNDLED.rules().stream().filter(r -> r.id().equals("known-groups-point-to-classify")).findFirst()
                .orElseThrow().reason()).contains("use goal classify");
    }

    @Test
    void outliersAlwaysMeasureTheMixtureLikelihoodBesideTheOtherDetectors() {
        CandidatePlan anomalies = plan(Goal.DETECT_ANOMALIES, COMPLETE, Map.of());
        assertThat(fired(anomalies, "gmm-likelihood-for-outliers")).isTrue();
        assertThat(entry(anomalies, MIXTURE).reasons()).contains("included by rule gmm-likelihood-for-outliers");
        assertThat(entry(anomalies, FOREST_DETECTOR).included()).isTrue();
        assertThat(fired(plan(Goal.CLUSTER, COMPLETE, Map.of()), "gmm-likelihood-for-outliers")).isFalse();
    }

    @Test
    void aDiscriminativeOnlyPluginIsExcludedWithThePrimersReasonAndAGenerativeClassifierIsNot() {
        for (Goal goal : List.of(Goal.CLUSTER, Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY)) {
            CandidatePlan plan = plan(goal, COMPLETE, Map.of());
            assertThat(entry(plan, LOGISTIC).included()).isFalse();
            assertThat(entry(plan, LOGISTIC).reasons().getFirst()).startsWith(
                    "excluded by rule discriminative-only-cannot-model-the-data: Learns only P(y|x): cannot cluster, "
                            + "score likelihood or impute");
            assertThat(entry(plan, BAYES).reasons()).noneMatch(r -> r.contains("discriminative-only"));
        }
        CandidatePlan classify = plan(Goal.CLASSIFY, profile(600, 3, 0, 0, Profiles.nominal(300, 300)), Map.of());
        assertThat(fired(classify, "discriminative-only-cannot-model-the-data")).isFalse();
    }

    @Test
    void missingCellsPreferModelsThatMarginaliseThem() {
        CandidatePlan gaps = plan(Goal.ESTIMATE_DENSITY, GAPS, Map.of());
        assertThat(fired(gaps, "marginalise-missing-cells")).isTrue();
        assertThat(entry(gaps, MARGINALISING).preference()).isGreaterThan(entry(gaps, MIXTURE).preference());
        assertThat(fired(plan(Goal.ESTIMATE_DENSITY, COMPLETE, Map.of()), "marginalise-missing-cells")).isFalse();
    }
}
