package io.modelscout.selector.rules;

import static io.modelscout.selector.rules.Profiles.nominal;
import static io.modelscout.selector.rules.Profiles.numeric;
import static io.modelscout.selector.rules.Profiles.ordinal;
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

/**
 * The rules of thumb on goals, trees, forests, sequences and the forms of logistic regression: each on a small
 * hand-made profile where it fires and one where it does not. Plugins are declarations named like the real ones, so
 * the rules' id patterns are tested as well.
 */
final class BundledRulesTest {
    private static final Set<Goal> SUPERVISED = Set.of(Goal.CLASSIFY, Goal.REGRESS);
    private static final ModelPlugin MIXTURE = new FakePlugin("x.gaussian-mixture", Family.GENERATIVE,
            Set.of(Goal.CLUSTER, Goal.ESTIMATE_DENSITY, Goal.DETECT_ANOMALIES, Goal.GENERATE),
            Set.of(Capability.GENERATIVE, Capability.UNSUPERVISED, Capability.SAMPLES_NEW_DATA, Capability.PROBABILISTIC));
    private static final ModelPlugin KDE = new FakePlugin("x.kde", Family.GENERATIVE,
            Set.of(Goal.ESTIMATE_DENSITY, Goal.DETECT_ANOMALIES, Goal.GENERATE), Set.of(Capability.GENERATIVE));
    private static final ModelPlugin KMEANS = new FakePlugin("x.kmeans", Family.DISCRIMINATIVE, Set.of(Goal.CLUSTER),
            Set.of(Capability.UNSUPERVISED));
    private static final ModelPlugin FOREST_DETECTOR = new FakePlugin("x.isolation-forest", Family.DISCRIMINATIVE,
            Set.of(Goal.DETECT_ANOMALIES, Goal.GENERATE), Set.of(Capability.UNSUPERVISED));
    private static final ModelPlugin HMM = new FakePlugin("x.hmm", Family.GENERATIVE,
            Set.of(Goal.MODEL_SEQUENCES, Goal.CLASSIFY), Set.of(Capability.GENERATIVE, Capability.SEQUENTIAL));
    private static final ModelPlugin CRF = new FakePlugin("x.crf", Family.DISCRIMINATIVE,
            Set.of(Goal.MODEL_SEQUENCES), Set.of(Capability.SEQUENTIAL));
    private static final ModelPlugin TREE = new FakePlugin("smile.decision-tree", Family.DISCRIMINATIVE, SUPERVISED,
            Set.of(Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
    private static final ModelPlugin J48 = new FakePlugin("weka.j48", Family.DISCRIMINATIVE, Set.of(Goal.CLASSIFY),
            Set.of(Capability.INTERPRETABLE, Capability.FAST_INFERENCE, Capability.HANDLES_MISSING_DATA));
    private static final ModelPlugin REPTREE = new FakePlugin("weka.reptree", Family.DISCRIMINATIVE, SUPERVISED,
            Set.of(Capability.FAST_INFERENCE));
    private static final ModelPlugin FOREST = new FakePlugin("weka.random-forest", Family.DISCRIMINATIVE, SUPERVISED,
            Set.of(Capability.HANDLES_MISSING_DATA));
    private static final ModelPlugin LOGISTIC = new FakePlugin("smile.logistic-regression", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
    private static final ModelPlugin WEKA_LOGISTIC = new FakePlugin("weka.logistic", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.INTERPRETABLE, Capability.HANDLES_MISSING_DATA));
    private static final ModelPlugin ORDINAL = new FakePlugin("core.ordinal-logistic", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.ORDINAL_TARGET, Capability.INTERPRETABLE));
    private static final ModelPlugin BAYES = new FakePlugin("smile.naive-bayes", Family.GENERATIVE, Set.of(Goal.CLASSIFY),
            Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC));
    private static final Set<ModelPlugin> PLUGINS = Set.of(MIXTURE, KDE, KMEANS, FOREST_DETECTOR, HMM, CRF, TREE, J48,
            REPTREE, FOREST, LOGISTIC, WEKA_LOGISTIC, ORDINAL, BAYES);

    private static final DataProfile UNLABELLED = profile(600, 3, 0, 0, Optional.empty());
    private static final DataProfile BALANCED = profile(1000, 4, 0, 0, nominal(500, 500));
    private static final DataProfile RARE_POSITIVES = profile(2000, 5, 0, 0, nominal(1900, 100));
    private static final DataProfile THREE_CLASSES = profile(900, 4, 0, 0, nominal(300, 300, 300));
    private static final DataProfile RANKED = profile(900, 4, 0, 0, ordinal(300, 300, 300));
    private static final DataProfile GAPS = profile(1000, 4, 0, 40, nominal(500, 500));

    private static final Rulebook BUNDLED = Rulebook.bundledWith(List.of());

    private static CandidatePlan plan(Goal goal, DataProfile profile, Map<String, Boolean> facts) {
        var spec = new TaskSpec("t", goal, new DataSpec(Path.of("data.csv"), Optional.empty(),
                profile.target().map(DataProfile.TargetProfile::name), List.of(), List.of()), facts,
                new EvaluationSpec("accuracy", 5, 1, 42, 60), CandidatesSpec.NONE, Path.of("t.yaml"));
        return BUNDLED.plan(spec, profile, PLUGINS);
    }

    private static boolean fired(CandidatePlan plan, String rule) {
        return plan.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().fired();
    }

    private static CandidatePlan.Entry entry(CandidatePlan plan, ModelPlugin plugin) {
        return plan.entries().stream().filter(e -> e.plugin() == plugin).findFirst().orElseThrow();
    }

    private static boolean preferredBy(CandidatePlan plan, ModelPlugin plugin, String rule) {
        return entry(plan, plugin).reasons().contains("preferred by rule " + rule);
    }

    @Test
    void generatingOrEstimatingADensityExcludesDiscriminativeModels() {
        for (Goal goal : List.of(Goal.GENERATE, Goal.ESTIMATE_DENSITY)) {
            CandidatePlan plan = plan(goal, UNLABELLED, Map.of());
            assertThat(fired(plan, "generation-needs-a-joint-model")).as(goal.id()).isTrue();
            assertThat(entry(plan, MIXTURE).included()).as(goal.id()).isTrue();
            assertThat(entry(plan, KDE).included()).as(goal.id()).isTrue();
        }
        CandidatePlan generate = plan(Goal.GENERATE, UNLABELLED, Map.of());
        assertThat(entry(generate, FOREST_DETECTOR).included()).isFalse();
        assertThat(entry(generate, FOREST_DETECTOR).reasons()).last().asString()
                .startsWith("excluded by rule generation-needs-a-joint-model: New rows can only be drawn");

        CandidatePlan anomalies = plan(Goal.DETECT_ANOMALIES, UNLABELLED, Map.of());
        assertThat(fired(anomalies, "generation-needs-a-joint-model")).isFalse();
        assertThat(entry(anomalies, FOREST_DETECTOR).included()).isTrue();
    }

    @Test
    void generatingPrefersModelsThatCanSample() {
        CandidatePlan generate = plan(Goal.GENERATE, UNLABELLED, Map.of());
        assertThat(fired(generate, "generation-needs-sampling")).isTrue();
        assertThat(preferredBy(generate, MIXTURE, "generation-needs-sampling")).isTrue();
        assertThat(preferredBy(generate, KDE, "generation-needs-sampling")).isFalse();

        assertThat(fired(plan(Goal.ESTIMATE_DENSITY, UNLABELLED, Map.of()), "generation-needs-sampling")).isFalse();
    }

    @Test
    void withoutLabelsMixtureModelsArePreferredForClustering() {
        CandidatePlan plan = plan(Goal.CLUSTER, UNLABELLED, Map.of());
        assertThat(fired(plan, "no-labels-means-clustering")).isTrue();
        assertThat(preferredBy(plan, MIXTURE, "no-labels-means-clustering")).isTrue();
        // k-means clusters too, but describes no distribution.
        assertThat(preferredBy(plan, KMEANS, "no-labels-means-clustering")).isFalse();
        assertThat(entry(plan, MIXTURE).preference()).isGreaterThan(entry(plan, KMEANS).preference());

        assertThat(fired(plan(Goal.CLASSIFY, BALANCED, Map.of()), "no-labels-means-clustering")).isFalse();
    }

    @Test
    void knownCategoriesPreferDiscriminativeClassifiers() {
        CandidatePlan plan = plan(Goal.CLASSIFY, BALANCED, Map.of());
        assertThat(fired(plan, "known-categories-suit-classifiers")).isTrue();
        assertThat(preferredBy(plan, FOREST, "known-categories-suit-classifiers")).isTrue();
        assertThat(preferredBy(plan, BAYES, "known-categories-suit-classifiers")).isFalse();

        assertThat(fired(plan(Goal.CLASSIFY, BALANCED, Map.of("new_categories", true)),
                "known-categories-suit-classifiers")).isFalse();
        assertThat(fired(plan(Goal.REGRESS, profile(500, 3, 0, 0, numeric()), Map.of()),
                "known-categories-suit-classifiers")).isFalse();
    }

    @Test
    void outlierAnalysisPrefersDensityModels() {
        CandidatePlan plan = plan(Goal.DETECT_ANOMALIES, UNLABELLED, Map.of());
        assertThat(fired(plan, "density-models-for-outliers")).isTrue();
        assertThat(preferredBy(plan, KDE, "density-models-for-outliers")).isTrue();
        assertThat(preferredBy(plan, FOREST_DETECTOR, "density-models-for-outliers")).isFalse();

        assertThat(fired(plan(Goal.CLUSTER, UNLABELLED, Map.of()), "density-models-for-outliers")).isFalse();
    }

    @Test
    void labelledRareCasesPreferATreeAsFirstFilter() {
        CandidatePlan plan = plan(Goal.CLASSIFY, RARE_POSITIVES, Map.of());
        assertThat(fired(plan, "tree-first-filter-for-rare-cases")).isTrue();
        assertThat(preferredBy(plan, TREE, "tree-first-filter-for-rare-cases")).isTrue();
        assertThat(preferredBy(plan, J48, "tree-first-filter-for-rare-cases")).isTrue();
        assertThat(preferredBy(plan, REPTREE, "tree-first-filter-for-rare-cases")).isTrue();
        assertThat(preferredBy(plan, FOREST, "tree-first-filter-for-rare-cases")).isFalse();

        assertThat(fired(plan(Goal.CLASSIFY, BALANCED, Map.of()), "tree-first-filter-for-rare-cases")).isFalse();
    }

    @Test
    void sequentialDataPrefersSequenceModels() {
        CandidatePlan sequences = plan(Goal.MODEL_SEQUENCES, UNLABELLED, Map.of("sequential", true));
        assertThat(fired(sequences, "sequences-need-sequence-models")).isTrue();
        assertThat(preferredBy(sequences, HMM, "sequences-need-sequence-models")).isTrue();
        assertThat(preferredBy(sequences, CRF, "sequences-need-sequence-models")).isTrue();

        CandidatePlan statedOnClassification = plan(Goal.CLASSIFY, BALANCED, Map.of("sequential", true));
        assertThat(fired(statedOnClassification, "sequences-need-sequence-models")).isTrue();
        assertThat(entry(statedOnClassification, HMM).included()).isTrue();
        assertThat(preferredBy(statedOnClassification, LOGISTIC, "sequences-need-sequence-models")).isFalse();

        CandidatePlan tabular = plan(Goal.CLASSIFY, BALANCED, Map.of());
        assertThat(fired(tabular, "sequences-need-sequence-models")).isFalse();
        assertThat(entry(tabular, HMM).included()).isFalse();
    }

    @Test
    void missingCellsPreferModelsThatHandleThem() {
        CandidatePlan plan = plan(Goal.CLASSIFY, GAPS, Map.of());
        assertThat(fired(plan, "handle-the-missing-data")).isTrue();
        assertThat(preferredBy(plan, J48, "handle-the-missing-data")).isTrue();
        assertThat(preferredBy(plan, TREE, "handle-the-missing-data")).isFalse();

        assertThat(fired(plan(Goal.CLASSIFY, BALANCED, Map.of()), "handle-the-missing-data")).isFalse();
        assertThat(fired(plan(Goal.CLASSIFY, BALANCED, Map.of("missing_values", true)), "handle-the-missing-data")).isTrue();
    }

    @Test
    void stepByStepExplanationsPreferTreesAndOtherwiseForestsBeatSingleTrees() {
        CandidatePlan explained = plan(Goal.CLASSIFY, BALANCED, Map.of("explain_decisions", true));
        assertThat(fired(explained, "trees-for-step-by-step-explanations")).isTrue();
        assertThat(fired(explained, "forests-over-single-trees")).isFalse();
        assertThat(preferredBy(explained, TREE, "trees-for-step-by-step-explanations")).isTrue();
        assertThat(preferredBy(explained, J48, "trees-for-step-by-step-explanations")).isTrue();
        assertThat(preferredBy(explained, LOGISTIC, "trees-for-step-by-step-explanations")).isFalse();
        assertThat(entry(explained, TREE).preference()).isGreaterThan(entry(explained, FOREST).preference());

        CandidatePlan accuracyFirst = plan(Goal.CLASSIFY, BALANCED, Map.of());
        assertThat(fired(accuracyFirst, "trees-for-step-by-step-explanations")).isFalse();
        assertThat(fired(accuracyFirst, "forests-over-single-trees")).isTrue();
        assertThat(preferredBy(accuracyFirst, FOREST, "forests-over-single-trees")).isTrue();
        assertThat(preferredBy(accuracyFirst, TREE, "forests-over-single-trees")).isFalse();
        assertThat(entry(accuracyFirst, FOREST).preference()).isGreaterThan(entry(accuracyFirst, TREE).preference());

        CandidatePlan regression = plan(Goal.REGRESS, profile(500, 3, 0, 0, numeric()), Map.of());
        assertThat(preferredBy(regression, FOREST, "forests-over-single-trees")).isTrue();
    }

    @Test
    void eachKindOfTargetPicksItsFormOfLogisticRegression() {
        CandidatePlan binary = plan(Goal.CLASSIFY, BALANCED, Map.of());
        assertThat(fired(binary, "logistic-for-two-classes")).isTrue();
        assertThat(fired(binary, "logistic-for-many-classes")).isFalse();
        assertThat(fired(binary, "logistic-for-ordered-classes")).isFalse();
        assertThat(preferredBy(binary, LOGISTIC, "logistic-for-two-classes")).isTrue();
        assertThat(preferredBy(binary, WEKA_LOGISTIC, "logistic-for-two-classes")).isTrue();
        assertThat(preferredBy(binary, BAYES, "logistic-for-two-classes")).isFalse();

        CandidatePlan multi = plan(Goal.CLASSIFY, THREE_CLASSES, Map.of());
        assertThat(fired(multi, "logistic-for-two-classes")).isFalse();
        assertThat(fired(multi, "logistic-for-many-classes")).isTrue();
        assertThat(preferredBy(multi, LOGISTIC, "logistic-for-many-classes")).isTrue();
        assertThat(entry(multi, ORDINAL).included()).isFalse();

        CandidatePlan ranked = plan(Goal.CLASSIFY, RANKED, Map.of());
        assertThat(fired(ranked, "logistic-for-many-classes")).isFalse();
        assertThat(fired(ranked, "logistic-for-ordered-classes")).isTrue();
        assertThat(entry(ranked, ORDINAL).included()).isTrue();
        assertThat(preferredBy(ranked, ORDINAL, "logistic-for-ordered-classes")).isTrue();
        assertThat(preferredBy(ranked, LOGISTIC, "logistic-for-ordered-classes")).isFalse();
    }

    @Test
    void idPatternsMatchWholeIds() {
        assertThat(Rule.Selection.idMatches("*.random-forest", "weka.random-forest")).isTrue();
        assertThat(Rule.Selection.idMatches("*.random-forest", "weka.random-forest-2")).isFalse();
        assertThat(Rule.Selection.idMatches("*.logistic", "smile.logistic-regression")).isFalse();
        assertThat(Rule.Selection.idMatches("smile.*", "smile.knn")).isTrue();
        assertThat(Rule.Selection.idMatches("a.b", "a.b")).isTrue();
        assertThat(Rule.Selection.idMatches("a.b", "axb")).isFalse();
        assertThat(Rule.Selection.idMatches("*", "anything")).isTrue();
        assertThat(Rule.Selection.idMatches("*tree", "weka.reptree")).isTrue();
        assertThat(Rule.Selection.idMatches("*tree", "smile.gradient-boosting")).isFalse();
    }

    @Test
    void theReferenceForestIsMeasuredWheneverThereAreLabels() {
        CandidatePlan labelled = plan(Goal.CLASSIFY, BALANCED, Map.of());
        assertThat(fired(labelled, "reference-forest-always")).isTrue();
        assertThat(entry(labelled, FOREST).included()).isTrue();
        assertThat(entry(labelled, FOREST).reasons()).contains("included by rule reference-forest-always");

        CandidatePlan unlabelled = plan(Goal.CLUSTER, UNLABELLED, Map.of());
        assertThat(fired(unlabelled, "reference-forest-always")).isFalse();
    }
}
