package io.modelscout.selector.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.Goal;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RuleFileTest {
    private static final Set<String> KNOWN = DerivedFacts.knownNames();

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<SpecError> errors(String yaml) throws IOException {
        Path file = file(yaml);
        var exception = catchThrowableOfType(SpecException.class, () -> RuleFile.read(file, KNOWN));
        assertThat(exception).as("expected the rule file to be rejected").isNotNull();
        return exception.errors();
    }

    @Test
    void theBundledRulebookLoads() {
        List<Rule> rules = RuleFile.bundled(KNOWN);

        assertThat(rules).extracting(Rule::id).startsWith("every-capable-plugin", "baselines-always",
                "no-sequence-models-for-tables", "ordinal-models-need-an-order", "discriminative-when-plentiful",
                "generative-when-missing-or-scarce", "explainable-decisions", "latency-budget", "outcome-only",
                "generation-needs-a-joint-model", "generation-needs-sampling", "no-labels-means-clustering",
                "known-categories-suit-classifiers", "density-models-for-outliers", "tree-first-filter-for-rare-cases",
                "sequences-need-sequence-models", "handle-the-missing-data", "trees-for-step-by-step-explanations",
                "forests-over-single-trees", "logistic-for-two-classes", "logistic-for-many-classes",
                "logistic-for-ordered-classes", "reference-forest-always");
        assertThat(rules).extracting(Rule::effect).startsWith("include every plugin",
                "include capability BASELINE", "exclude capability SEQUENTIAL", "exclude capability ORDINAL_TARGET",
                "prefer family discriminative", "prefer family generative", "prefer capability INTERPRETABLE",
                "prefer capability FAST_INFERENCE", "prefer family discriminative", "exclude family discriminative",
                "prefer capability SAMPLES_NEW_DATA", "prefer family generative with capability UNSUPERVISED",
                "prefer family discriminative", "prefer family generative", "prefer models *tree, *.j48",
                "prefer capability SEQUENTIAL", "prefer capability HANDLES_MISSING_DATA",
                "prefer models *tree, *.j48, *.m5p", "prefer models *.random-forest",
                "prefer models *.logistic-regression, *.logistic", "prefer models *.logistic-regression, *.logistic",
                "prefer capability ORDINAL_TARGET", "include models *.random-forest");
        // the goals' own sections follow, in the rulebook's marked blocks
        assertThat(rules).extracting(Rule::id).contains("discriminative-only-cannot-model-the-data",
                "mixtures-first-for-unknown-groups", "known-groups-point-to-classify", "gmm-likelihood-for-outliers",
                "marginalise-missing-cells", "hidden-markov-first-for-sequences", "order-free-rivals",
                "few-rows-simple-synthesizers-first", "neural-synthesizers-time-budget");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.reason()).isNotBlank().doesNotContain("\n");
            assertThat(rule.when()).isNotBlank();
        });
        Rule plentiful = rules.get(4);
        assertThat(plentiful.when()).isEqualTo("labelled and not missing_values and not little_data and not new_categories");
        assertThat(plentiful.action()).isEqualTo(Rule.Action.PREFER);
        assertThat(plentiful.select()).isEqualTo(new Rule.Selection(Optional.of(Family.DISCRIMINATIVE), Optional.empty(), List.of()));
        assertThat(plentiful.condition().test(Goal.CLASSIFY, Map.of("labelled", true))).isTrue();
        assertThat(plentiful.condition().test(Goal.CLASSIFY, Map.of("labelled", true, "new_categories", true))).isFalse();
    }

    @Test
    void theBundledRulebookIsCheckedAgainstTheKnownFacts() {
        assertThatThrownBy(() -> RuleFile.bundled(Set.of("labelled")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("bundled rulebook is invalid: ")
                .hasMessageContaining("unknown fact 'sequential'");
    }

    @Test
    void readsAUserRuleFile() throws IOException, SpecException {
        Path file = file("""
                rules:
                  - id: avoid-slow-generators
                    when: large_data and goal in [classify, regress]
                    action: avoid
                    select: {family: generative, capability: SAMPLES_NEW_DATA, models: [core.gan, core.vae]}
                    reason: >-
                      Sampling models are slow to train
                      on large tables.
                  - id: keep-everything
                    when: always
                    action: include
                    reason: Everything.
                """);

        List<Rule> rules = RuleFile.read(file, KNOWN);

        assertThat(rules).hasSize(2);
        Rule avoid = rules.getFirst();
        assertThat(avoid.id()).isEqualTo("avoid-slow-generators");
        assertThat(avoid.action()).isEqualTo(Rule.Action.AVOID);
        assertThat(avoid.select()).isEqualTo(new Rule.Selection(Optional.of(Family.GENERATIVE),
                Optional.of(Capability.SAMPLES_NEW_DATA), List.of("core.gan", "core.vae")));
        assertThat(avoid.reason()).isEqualTo("Sampling models are slow to train on large tables.");
        assertThat(avoid.effect())
                .isEqualTo("avoid family generative with capability SAMPLES_NEW_DATA with models core.gan, core.vae");
        assertThat(avoid.condition().test(Goal.REGRESS, Map.of("large_data", true))).isTrue();
        assertThat(avoid.condition().test(Goal.CLUSTER, Map.of("large_data", true))).isFalse();
        assertThat(rules.get(1).select().describe()).isEqualTo("every plugin");
    }

    @Test
    void everyProblemOfAFileIsReportedTogether() throws IOException {
        List<SpecError> errors = errors("""
                rules:
                  - id: first
                    when: labelled
                    action: prefer
                    select: {capability: FAST_INFERENCE}
                    reason: Fine but for an extra key.
                    weight: 3
                  - id: second
                    when: labelled
                    action: promote
                    reason: An unknown action.
                  - id: third
                    when: labelled and lots_of_data
                    action: exclude
                    reason: An unknown fact.
                  - id: fourth
                    when: always
                    action: prefer
                    select: {capability: QUICK}
                    reason: An unknown capability.
                  - id: first
                    when: always
                    action: avoid
                    reason: A second rule of the same id.
                """);

        assertThat(errors).extracting(SpecError::file).containsOnly(dir.resolve("rules.yaml").toString());
        assertThat(errors).extracting(SpecError::field, SpecError::message).containsExactly(
                tuple("rules[first].weight", "unknown key 'weight'; known: action, id, reason, select, when"),
                tuple("rules[second].action", "unknown action 'promote'; known: include, exclude, prefer, avoid"),
                tuple("rules[third].when", "unknown fact 'lots_of_data' in 'labelled and lots_of_data'; known: "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN))),
                tuple("rules[fourth].select.capability", "unknown capability 'QUICK'; known: GENERATIVE, "
                        + "HANDLES_MISSING_DATA, NOMINAL_FEATURES, SEQUENTIAL, UNSUPERVISED, PROBABILISTIC, INTERPRETABLE, "
                        + "SAMPLES_NEW_DATA, ORDINAL_TARGET, NEEDS_SCALING, FAST_INFERENCE, BASELINE, LABELS_POSITIONS, "
                        + "CLASSIFIES_SEQUENCES, PREDICTS_NEXT"),
                tuple("rules[first].id", "rule id 'first' appears twice"));
    }

    @Test
    void missingFieldsAndMalformedSelectionsAreReported() throws IOException {
        List<SpecError> errors = errors("""
                rules:
                  - when: always
                    action: include
                    reason: No id.
                  - id: no-reason
                    when: "   "
                    action: include
                  - id: bad-select
                    when: always
                    action: include
                    select: {family: bayesian, models: core.gan, colour: red}
                    reason: Several selection problems.
                  - just a string
                """);

        assertThat(errors).extracting(SpecError::field).containsExactly(
                "rules[0].id",
                "rules[no-reason].when",
                "rules[no-reason].reason",
                "rules[bad-select].select.colour",
                "rules[bad-select].select.family",
                "rules[bad-select].select.models",
                "rules[3]");
        assertThat(errors.get(0).message()).isEqualTo("expected a non-empty text, got nothing");
        assertThat(errors.get(3).message()).isEqualTo("unknown key 'colour'; known: capability, family, models, serves_only");
        assertThat(errors.get(4).message()).isEqualTo("unknown family 'bayesian'; known: generative, discriminative");
        assertThat(errors.get(5).message()).isEqualTo("expected a list of plugin ids");
        assertThat(errors.get(6).message()).isEqualTo("expected a mapping with action, id, reason, select, when");
    }

    @Test
    void anUnknownTopLevelKeyIsReportedWithTheRulesProblems() throws IOException {
        List<SpecError> errors = errors("""
                version: 2
                rules:
                  - id: x
                    when: always
                    action: prefer
                    select: {family: everything}
                    reason: r
                """);

        assertThat(errors).extracting(SpecError::field).containsExactly("version", "rules[x].select.family");
        assertThat(errors.getFirst().message()).isEqualTo("unknown key 'version'; known: rules");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.yaml");
        var exception = catchThrowableOfType(SpecException.class, () -> RuleFile.read(missing, KNOWN));

        assertThat(exception).isNotNull();
        assertThat(exception.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(missing.toString());
            assertThat(error.field()).isEmpty();
            assertThat(error.message()).isEqualTo("rule file not found: " + missing.toAbsolutePath());
        });
    }

    @Test
    void aFileThatIsNotYamlSaysSoWithItsPosition() throws IOException {
        List<SpecError> errors = errors("rules:\n  - id: x\n    when: [always\n    action: include\n");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("not valid YAML: ");
            assertThat(error.line()).isPositive();
            assertThat(error.format()).contains("(line " + error.line() + ", column ");
        });
    }

    @Test
    void yamlWithoutAListOfRulesIsRejected() throws IOException {
        for (String yaml : List.of("- a\n- b\n", "rules: none\n", "other: []\n", "")) {
            assertThat(errors(yaml)).as(yaml).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("rules");
                assertThat(error.message()).isEqualTo("expected a mapping with a list 'rules'");
            });
        }
    }

    @Test
    void anEmptyListOfRulesIsValid() throws IOException, SpecException {
        assertThat(RuleFile.read(file("rules: []\n"), KNOWN)).isEmpty();
    }
}
