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
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
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

/** Every bundled rule on small hand-made profiles: once where it fires, once where it does not. */
final class RulebookTest {
    private static final ModelPlugin GENERATIVE = new FakePlugin("test.generative", Family.GENERATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.HANDLES_MISSING_DATA));
    private static final ModelPlugin DISCRIMINATIVE = new FakePlugin("test.discriminative", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.FAST_INFERENCE, Capability.PROBABILISTIC));
    private static final ModelPlugin TREE = new FakePlugin("test.tree", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY, Goal.REGRESS), Set.of(Capability.INTERPRETABLE));
    private static final ModelPlugin BASELINE = new FakePlugin("test.baseline", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY, Goal.REGRESS), Set.of(Capability.BASELINE));
    private static final ModelPlugin HMM = new FakePlugin("test.hmm", Family.GENERATIVE,
            Set.of(Goal.CLASSIFY, Goal.MODEL_SEQUENCES), Set.of(Capability.GENERATIVE, Capability.SEQUENTIAL));
    private static final ModelPlugin ORDINAL = new FakePlugin("test.ordinal", Family.DISCRIMINATIVE,
            Set.of(Goal.CLASSIFY), Set.of(Capability.ORDINAL_TARGET, Capability.INTERPRETABLE));
    private static final ModelPlugin REGRESSOR = new FakePlugin("test.regressor", Family.DISCRIMINATIVE,
            Set.of(Goal.REGRESS), Set.of(Capability.FAST_INFERENCE));
    private static final Set<ModelPlugin> PLUGINS = Set.of(GENERATIVE, DISCRIMINATIVE, TREE, BASELINE, HMM, ORDINAL, REGRESSOR);

    /** 1000 complete rows, four numeric features, two balanced classes: nothing scarce or missing. */
    private static final DataProfile PLENTIFUL = profile(1000, 4, 0, 0, nominal(500, 500));
    /** As plentiful, but with gaps. */
    private static final DataProfile WITH_GAPS = profile(1000, 4, 0, 25, nominal(500, 500));
    /** 60 complete rows for four features: 15 rows per feature. */
    private static final DataProfile SCARCE = profile(60, 4, 0, 0, nominal(30, 30));

    private static final Rulebook BUNDLED = Rulebook.bundledWith(List.of());

    private static TaskSpec task(Goal goal, Map<String, Boolean> facts, CandidatesSpec candidates) {
        return new TaskSpec("t", goal, new DataSpec(Path.of("data.csv"), Optional.empty(), Optional.of("class"), List.of(),
                List.of()), facts, new EvaluationSpec("accuracy", 5, 1, 42, 60), candidates, Path.of("t.yaml"));
    }

    private static CandidatePlan plan(DataProfile profile, Map<String, Boolean> facts) {
        return BUNDLED.plan(task(Goal.CLASSIFY, facts, CandidatesSpec.NONE), profile, PLUGINS);
    }

    private static boolean fired(CandidatePlan plan, String rule) {
        return plan.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().fired();
    }

    private static CandidatePlan.Entry entry(CandidatePlan plan, ModelPlugin plugin) {
        return plan.entries().stream().filter(e -> e.plugin() == plugin).findFirst().orElseThrow();
    }

    private static int preference(CandidatePlan plan, ModelPlugin plugin) {
        return entry(plan, plugin).preference();
    }

    @Test
    void thePlanListsEveryPluginByIdAndEveryRuleInOrder() {
        CandidatePlan plan = plan(PLENTIFUL, Map.of());

        assertThat(plan.entries()).extracting(e -> e.plugin().id()).containsExactly("test.baseline",
                "test.discriminative", "test.generative", "test.hmm", "test.ordinal", "test.regressor", "test.tree");
        assertThat(plan.rules()).extracting(RuleOutcome::id)
                .containsExactlyElementsOf(BUNDLED.rules().stream().map(Rule::id).toList());
        RuleOutcome plentiful = plan.rules().get(4);
        assertThat(plentiful.when()).isEqualTo("labelled and not missing_values and not little_data and not new_categories");
        assertThat(plentiful.effect()).isEqualTo("prefer family discriminative");
        assertThat(plentiful.reason()).startsWith("With plenty of complete, labelled examples");
        assertThat(plan.facts()).extracting(f -> f.name()).containsExactlyInAnyOrderElementsOf(DerivedFacts.knownNames());
        assertThat(plan.included()).extracting(e -> e.plugin().id())
                .containsExactly("test.baseline", "test.discriminative", "test.generative", "test.tree");
    }

    @Test
    void everyCapablePluginIsIncludedAndOneNotServingTheGoalIsExcludedNamingIt() {
        CandidatePlan plan = plan(PLENTIFUL, Map.of());

        assertThat(fired(plan, "every-capable-plugin")).isTrue();
        for (ModelPlugin plugin : List.of(GENERATIVE, DISCRIMINATIVE, TREE, BASELINE)) {
            assertThat(entry(plan, plugin).included()).as(plugin.id()).isTrue();
            assertThat(entry(plan, plugin).reasons()).as(plugin.id()).contains("included by rule every-capable-plugin");
        }
        CandidatePlan.Entry regressor = entry(plan, REGRESSOR);
        assertThat(regressor.included()).isFalse();
        assertThat(regressor.reasons()).containsExactly("does not serve the goal classify (serves regress)");
        assertThat(regressor.preference()).isZero();
    }

    @Test
    void baselinesAreAlwaysIncluded() {
        for (DataProfile profile : List.of(PLENTIFUL, WITH_GAPS, SCARCE)) {
            CandidatePlan plan = plan(profile, Map.of("explain_decisions", true, "tight_latency", true));
            assertThat(fired(plan, "baselines-always")).isTrue();
            assertThat(entry(plan, BASELINE).included()).isTrue();
            assertThat(entry(plan, BASELINE).reasons()).contains("included by rule baselines-always");
            assertThat(entry(plan, TREE).reasons()).doesNotContain("included by rule baselines-always");
        }
        CandidatePlan regression = BUNDLED.plan(task(Goal.REGRESS, Map.of(), CandidatesSpec.NONE),
                profile(1000, 2, 0, 0, numeric()), PLUGINS);
        assertThat(entry(regression, BASELINE).included()).isTrue();
    }

    @Test
    void sequenceModelsAreExcludedUnlessTheRowsAreSequential() {
        CandidatePlan tabular = plan(PLENTIFUL, Map.of());
        assertThat(fired(tabular, "no-sequence-models-for-tables")).isTrue();
        assertThat(entry(tabular, HMM).included()).isFalse();
        assertThat(entry(tabular, HMM).reasons()).containsExactly("included by rule every-capable-plugin",
                "excluded by rule no-sequence-models-for-tables: The rows are independent cases, not positions of a "
                        + "sequence, so sequence models have no order to exploit.");
        assertThat(entry(tabular, GENERATIVE).included()).isTrue();

        CandidatePlan sequential = plan(PLENTIFUL, Map.of("sequential", true));
        assertThat(fired(sequential, "no-sequence-models-for-tables")).isFalse();
        assertThat(entry(sequential, HMM).included()).isTrue();
    }

    @Test
    void ordinalModelsNeedAnOrderedTarget() {
        CandidatePlan unordered = plan(PLENTIFUL, Map.of());
        assertThat(fired(unordered, "ordinal-models-need-an-order")).isTrue();
        assertThat(entry(unordered, ORDINAL).included()).isFalse();
        assertThat(entry(unordered, ORDINAL).reasons()).contains("excluded by rule ordinal-models-need-an-order: "
                + "Ordinal models assume the classes are ranked; the task declares no order for its target.");

        CandidatePlan ordered = plan(profile(900, 3, 0, 0, ordinal(300, 300, 300)), Map.of());
        assertThat(fired(ordered, "ordinal-models-need-an-order")).isFalse();
        assertThat(entry(ordered, ORDINAL).included()).isTrue();
    }

    @Test
    void plentifulCompleteLabelledDataPrefersDiscriminativeModels() {
        CandidatePlan plan = plan(PLENTIFUL, Map.of());

        assertThat(fired(plan, "discriminative-when-plentiful")).isTrue();
        assertThat(fired(plan, "generative-when-missing-or-scarce")).isFalse();
        // known-categories-suit-classifiers adds one more to every discriminative plugin.
        assertThat(preference(plan, DISCRIMINATIVE)).isEqualTo(2);
        assertThat(preference(plan, TREE)).isEqualTo(2);
        assertThat(preference(plan, BASELINE)).isEqualTo(2);
        assertThat(preference(plan, GENERATIVE)).isZero();
        assertThat(entry(plan, DISCRIMINATIVE).reasons()).contains("preferred by rule discriminative-when-plentiful");
    }

    @Test
    void missingValuesPreferGenerativeModels() {
        CandidatePlan plan = plan(WITH_GAPS, Map.of());

        assertThat(fired(plan, "generative-when-missing-or-scarce")).isTrue();
        assertThat(fired(plan, "discriminative-when-plentiful")).isFalse();
        // handle-the-missing-data adds one: it declares HANDLES_MISSING_DATA.
        assertThat(preference(plan, GENERATIVE)).isEqualTo(2);
        assertThat(preference(plan, DISCRIMINATIVE)).isEqualTo(1); // known-categories-suit-classifiers
        assertThat(entry(plan, GENERATIVE).reasons()).contains("preferred by rule generative-when-missing-or-scarce");
        // Excluded plugins still collect preferences, but stay excluded.
        assertThat(entry(plan, HMM).included()).isFalse();
    }

    @Test
    void littleDataPrefersGenerativeModels() {
        CandidatePlan plan = plan(SCARCE, Map.of());

        assertThat(fired(plan, "generative-when-missing-or-scarce")).isTrue();
        assertThat(fired(plan, "discriminative-when-plentiful")).isFalse();
        assertThat(preference(plan, GENERATIVE)).isEqualTo(1);
        assertThat(preference(plan, TREE)).isEqualTo(1); // known-categories-suit-classifiers

        CandidatePlan rareClass = plan(profile(1000, 2, 0, 0, nominal(995, 5)), Map.of());
        assertThat(fired(rareClass, "generative-when-missing-or-scarce")).isTrue();
    }

    @Test
    void expectedNewCategoriesPreferGenerativeModelsEvenOnPlentifulData() {
        CandidatePlan plan = plan(PLENTIFUL, Map.of("new_categories", true));

        assertThat(fired(plan, "generative-when-missing-or-scarce")).isTrue();
        assertThat(fired(plan, "discriminative-when-plentiful")).isFalse();
        assertThat(preference(plan, GENERATIVE)).isEqualTo(1);
    }

    @Test
    void explainingDecisionsPrefersInterpretableModels() {
        CandidatePlan plan = plan(WITH_GAPS, Map.of("explain_decisions", true));
        assertThat(fired(plan, "explainable-decisions")).isTrue();
        assertThat(preference(plan, TREE)).isEqualTo(3); // and known-categories, trees-for-step-by-step-explanations
        assertThat(preference(plan, DISCRIMINATIVE)).isEqualTo(1);
        assertThat(entry(plan, TREE).reasons()).contains("preferred by rule explainable-decisions");

        CandidatePlan not = plan(WITH_GAPS, Map.of());
        assertThat(fired(not, "explainable-decisions")).isFalse();
        assertThat(preference(not, TREE)).isEqualTo(1);
    }

    @Test
    void aTightLatencyBudgetPrefersFastInference() {
        CandidatePlan plan = plan(WITH_GAPS, Map.of("tight_latency", true));
        assertThat(fired(plan, "latency-budget")).isTrue();
        assertThat(preference(plan, DISCRIMINATIVE)).isEqualTo(2); // and known-categories-suit-classifiers
        assertThat(preference(plan, TREE)).isEqualTo(1);
        assertThat(entry(plan, DISCRIMINATIVE).reasons()).contains("preferred by rule latency-budget");

        CandidatePlan not = plan(WITH_GAPS, Map.of("tight_latency", false));
        assertThat(fired(not, "latency-budget")).isFalse();
        assertThat(preference(not, DISCRIMINATIVE)).isEqualTo(1);
    }

    @Test
    void caringOnlyForTheOutcomePrefersDiscriminativeModels() {
        CandidatePlan plan = plan(WITH_GAPS, Map.of("outcome_only", true));
        assertThat(fired(plan, "outcome-only")).isTrue();
        assertThat(preference(plan, DISCRIMINATIVE)).isEqualTo(2); // and known-categories-suit-classifiers
        assertThat(preference(plan, GENERATIVE)).isEqualTo(2); // generative-when-missing-or-scarce, handle-the-missing-data

        CandidatePlan both = plan(PLENTIFUL, Map.of("outcome_only", true));
        assertThat(preference(both, DISCRIMINATIVE)).isEqualTo(3);
        assertThat(preference(both, GENERATIVE)).isZero();

        CandidatePlan not = plan(WITH_GAPS, Map.of());
        assertThat(fired(not, "outcome-only")).isFalse();
        assertThat(preference(not, DISCRIMINATIVE)).isEqualTo(1);
    }

    @Test
    void preferencesAddUp() {
        CandidatePlan plan = plan(PLENTIFUL, Map.of("explain_decisions", true, "tight_latency", true, "outcome_only", true));

        assertThat(preference(plan, TREE)).isEqualTo(5); // plentiful, known categories, explainable, tree, outcome-only
        assertThat(preference(plan, DISCRIMINATIVE)).isEqualTo(4); // plentiful, known categories, latency, outcome-only
        assertThat(preference(plan, GENERATIVE)).isZero();
    }

    @Test
    void aStatedFactOverridesTheDerivedOne() {
        CandidatePlan statedComplete = plan(WITH_GAPS, Map.of("missing_values", false));
        assertThat(fired(statedComplete, "generative-when-missing-or-scarce")).isFalse();
        assertThat(fired(statedComplete, "discriminative-when-plentiful")).isTrue();

        CandidatePlan statedScarce = plan(PLENTIFUL, Map.of("little_data", true));
        assertThat(fired(statedScarce, "generative-when-missing-or-scarce")).isTrue();
        assertThat(fired(statedScarce, "discriminative-when-plentiful")).isFalse();
        assertThat(preference(statedScarce, GENERATIVE)).isEqualTo(1);
    }

    @Test
    void theTasksExcludeIncludeAndOnlyApplyAfterTheRules() {
        var candidates = new CandidatesSpec(List.of("test.hmm", "test.regressor"), List.of("test.discriminative"), false);
        CandidatePlan plan = BUNDLED.plan(task(Goal.CLASSIFY, Map.of(), candidates), PLENTIFUL, PLUGINS);

        assertThat(entry(plan, DISCRIMINATIVE).included()).isFalse();
        assertThat(entry(plan, DISCRIMINATIVE).reasons()).last().isEqualTo("excluded by the task (candidates.exclude)");
        // Preferences are kept: they matter only if it were evaluated.
        assertThat(entry(plan, DISCRIMINATIVE).preference()).isEqualTo(2);
        assertThat(entry(plan, HMM).included()).isTrue();
        assertThat(entry(plan, HMM).reasons()).last().isEqualTo("included by the task (candidates.include)");
        assertThat(entry(plan, HMM).reasons()).anySatisfy(r -> assertThat(r).startsWith("excluded by rule no-sequence"));
        // Including a plugin that cannot serve the goal does not make it a candidate.
        assertThat(entry(plan, REGRESSOR).included()).isFalse();
        assertThat(entry(plan, REGRESSOR).reasons()).containsExactly("does not serve the goal classify (serves regress)");
        assertThat(entry(plan, TREE).included()).isTrue();
    }

    @Test
    void onlyKeepsJustTheIncludedPlugins() {
        var candidates = new CandidatesSpec(List.of("test.tree", "test.ordinal"), List.of(), true);
        CandidatePlan plan = BUNDLED.plan(task(Goal.CLASSIFY, Map.of(), candidates), PLENTIFUL, PLUGINS);

        assertThat(plan.included()).extracting(e -> e.plugin().id()).containsExactly("test.ordinal", "test.tree");
        assertThat(entry(plan, BASELINE).reasons()).last()
                .isEqualTo("not listed in candidates.include, and candidates.only is true");
        assertThat(entry(plan, GENERATIVE).included()).isFalse();
    }

    @Test
    void aPluginServingSeveralGoalsIsExcludedOnlyForTheOthers() {
        CandidatePlan plan = BUNDLED.plan(task(Goal.MODEL_SEQUENCES, Map.of("sequential", true), CandidatesSpec.NONE),
                profile(500, 3, 0, 0, Optional.empty()), PLUGINS);

        assertThat(plan.included()).extracting(e -> e.plugin().id()).containsExactly("test.hmm");
        assertThat(entry(plan, TREE).reasons())
                .containsExactly("does not serve the goal model-sequences (serves classify, regress)");
    }

    @Test
    void aUserRuleWithABundledIdReplacesItAndANewOneIsAppended() {
        Set<String> known = DerivedFacts.knownNames();
        var replacement = new Rule("latency-budget", "always", Condition.parse("always", known), Rule.Action.AVOID,
                new Rule.Selection(Optional.of(Family.GENERATIVE), Optional.empty(), List.of()), "Generators are slow here.");
        var extra = new Rule("sequence-models-welcome", "always", Condition.parse("always", known), Rule.Action.INCLUDE,
                new Rule.Selection(Optional.empty(), Optional.of(Capability.SEQUENTIAL), List.of()), "We have sequences.");

        Rulebook rulebook = Rulebook.bundledWith(List.of(extra, replacement));

        List<String> bundledIds = BUNDLED.rules().stream().map(Rule::id).toList();
        assertThat(rulebook.rules()).hasSize(bundledIds.size() + 1);
        assertThat(rulebook.rules().subList(0, bundledIds.size())).extracting(Rule::id).containsExactlyElementsOf(bundledIds);
        assertThat(rulebook.rules().get(bundledIds.indexOf("latency-budget"))).isSameAs(replacement);
        assertThat(rulebook.rules().getLast()).isSameAs(extra);

        CandidatePlan plan = rulebook.plan(task(Goal.CLASSIFY, Map.of(), CandidatesSpec.NONE), WITH_GAPS, PLUGINS);
        // The replacement fires although tight_latency is not stated; it avoids what generative-when-missing prefers.
        assertThat(fired(plan, "latency-budget")).isTrue();
        // Two rules prefer it on data with gaps (generative-when-missing-or-scarce, handle-the-missing-data); one avoids it.
        assertThat(preference(plan, GENERATIVE)).isEqualTo(1);
        assertThat(entry(plan, GENERATIVE).reasons()).contains("avoided by rule latency-budget");
        // A later rule overrides an earlier one for the same plugin.
        assertThat(entry(plan, HMM).included()).isTrue();
        assertThat(entry(plan, HMM).reasons()).last().isEqualTo("included by rule sequence-models-welcome");
    }

    @Test
    void aRuleCanSelectPluginsById() {
        Set<String> known = DerivedFacts.knownNames();
        var byId = new Rule("no-trees", "labelled", Condition.parse("labelled", known), Rule.Action.EXCLUDE,
                new Rule.Selection(Optional.empty(), Optional.empty(), List.of("test.tree", "test.unknown")), "No trees.");

        CandidatePlan plan = Rulebook.bundledWith(List.of(byId))
                .plan(task(Goal.CLASSIFY, Map.of(), CandidatesSpec.NONE), PLENTIFUL, PLUGINS);

        assertThat(entry(plan, TREE).included()).isFalse();
        assertThat(entry(plan, TREE).reasons()).last().isEqualTo("excluded by rule no-trees: No trees.");
        assertThat(entry(plan, BASELINE).included()).isTrue();
    }
}
