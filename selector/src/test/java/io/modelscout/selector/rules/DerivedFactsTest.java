package io.modelscout.selector.rules;

import static io.modelscout.selector.rules.Profiles.nominal;
import static io.modelscout.selector.rules.Profiles.numeric;
import static io.modelscout.selector.rules.Profiles.ordinal;
import static io.modelscout.selector.rules.Profiles.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Goal;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.spec.Facts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class DerivedFactsTest {
    /** 1000 complete rows, four numeric features, two balanced classes. */
    private static final DataProfile PLENTIFUL = profile(1000, 4, 0, 0, nominal(500, 500));

    private static Map<String, Boolean> values(Goal goal, DataProfile profile, Map<String, Boolean> stated) {
        var values = new java.util.HashMap<String, Boolean>();
        DerivedFacts.of(goal, profile, stated).forEach(f -> values.put(f.name(), f.value()));
        return values;
    }

    private static FactValue fact(List<FactValue> facts, String name) {
        return facts.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void knownNamesAreTheStatedAndTheDerivedOnes() {
        assertThat(DerivedFacts.knownNames()).containsExactlyInAnyOrder("missing_values", "little_data", "labelled",
                "nominal_features", "imbalanced", "binary_target", "multiclass_target", "ordered_target", "large_data",
                "sequential", "few_rows", "new_categories", "explain_decisions", "tight_latency", "outcome_only",
                "groups_known");
        assertThat(DerivedFacts.knownNames()).containsAll(Facts.KNOWN.keySet()).containsAll(DerivedFacts.DERIVED);
    }

    @Test
    void everyKnownFactIsReportedOnceSortedByName() {
        List<FactValue> facts = DerivedFacts.of(Goal.CLASSIFY, PLENTIFUL, Map.of());

        assertThat(facts).extracting(FactValue::name).isSorted().doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(DerivedFacts.knownNames());
    }

    @Test
    void plentifulCompleteBalancedBinaryData() {
        List<FactValue> facts = DerivedFacts.of(Goal.CLASSIFY, PLENTIFUL, Map.of());
        Map<String, Boolean> values = values(Goal.CLASSIFY, PLENTIFUL, Map.of());

        assertThat(values).containsEntry("missing_values", false).containsEntry("little_data", false)
                .containsEntry("labelled", true).containsEntry("nominal_features", false)
                .containsEntry("imbalanced", false).containsEntry("binary_target", true)
                .containsEntry("multiclass_target", false).containsEntry("ordered_target", false)
                .containsEntry("large_data", false).containsEntry("sequential", false)
                .containsEntry("new_categories", false).containsEntry("explain_decisions", false)
                .containsEntry("tight_latency", false).containsEntry("outcome_only", false);
        assertThat(fact(facts, "missing_values").source()).isEqualTo("profile");
        assertThat(fact(facts, "labelled").detail()).isEqualTo("target column 'class'");
        assertThat(fact(facts, "little_data").detail())
                .isEqualTo("250.0 rows per feature (little below 20); the rarest present class has 500 rows (little below 10)");
        assertThat(fact(facts, "new_categories").source()).isEqualTo("default");
        assertThat(fact(facts, "new_categories").detail()).isEqualTo("not stated: " + Facts.KNOWN.get("new_categories"));
    }

    @Test
    void missingCellsMakeMissingValues() {
        DataProfile profile = profile(100, 4, 0, 10, nominal(50, 50));
        FactValue missing = fact(DerivedFacts.of(Goal.CLASSIFY, profile, Map.of()), "missing_values");

        assertThat(missing.value()).isTrue();
        assertThat(missing.source()).isEqualTo("profile");
        assertThat(missing.detail()).isEqualTo("10 of the feature cells (2.5 %) are missing, in 10 rows");
    }

    @Test
    void fewerThanTwentyRowsPerFeatureIsLittleData() {
        assertThat(values(Goal.CLASSIFY, profile(199, 10, 0, 0, nominal(100, 99)), Map.of()))
                .containsEntry("little_data", true);
        assertThat(values(Goal.CLASSIFY, profile(200, 10, 0, 0, nominal(100, 100)), Map.of()))
                .containsEntry("little_data", false);
    }

    @Test
    void aRarePresentClassIsLittleDataForClassification() {
        assertThat(values(Goal.CLASSIFY, profile(1000, 2, 0, 0, nominal(991, 9)), Map.of()))
                .containsEntry("little_data", true);
        assertThat(values(Goal.CLASSIFY, profile(1000, 2, 0, 0, nominal(990, 10)), Map.of()))
                .containsEntry("little_data", false);
        // A declared class that never occurs is not the rarest class.
        assertThat(values(Goal.CLASSIFY, profile(1000, 2, 0, 0, nominal(500, 0, 500)), Map.of()))
                .containsEntry("little_data", false).containsEntry("binary_target", true)
                .containsEntry("multiclass_target", false);
    }

    @Test
    void regressionIsNeverScarceByClassAndHasNoClassFacts() {
        Map<String, Boolean> values = values(Goal.REGRESS, profile(1000, 2, 0, 0, numeric()), Map.of());

        assertThat(values).containsEntry("little_data", false).containsEntry("labelled", true)
                .containsEntry("imbalanced", false).containsEntry("binary_target", false)
                .containsEntry("multiclass_target", false).containsEntry("ordered_target", false);
        FactValue little = fact(DerivedFacts.of(Goal.REGRESS, profile(1000, 2, 0, 0, numeric()), Map.of()), "little_data");
        assertThat(little.detail()).isEqualTo("500.0 rows per feature (little below 20)");
    }

    @Test
    void imbalanceAboveThreeToOne() {
        assertThat(values(Goal.CLASSIFY, profile(1000, 2, 0, 0, nominal(750, 250)), Map.of()))
                .containsEntry("imbalanced", false);
        assertThat(values(Goal.CLASSIFY, profile(1000, 2, 0, 0, nominal(780, 220)), Map.of()))
                .containsEntry("imbalanced", true);
    }

    @Test
    void threePresentClassesAreMulticlass() {
        assertThat(values(Goal.CLASSIFY, profile(900, 2, 0, 0, nominal(300, 300, 300)), Map.of()))
                .containsEntry("multiclass_target", true).containsEntry("binary_target", false);
    }

    @Test
    void anOrdinalTargetIsOrderedForClassification() {
        assertThat(values(Goal.CLASSIFY, profile(900, 2, 0, 0, ordinal(300, 300, 300)), Map.of()))
                .containsEntry("ordered_target", true);
        assertThat(values(Goal.CLASSIFY, profile(900, 2, 0, 0, nominal(300, 300, 300)), Map.of()))
                .containsEntry("ordered_target", false);
    }

    @Test
    void tenThousandRowsAreLargeData() {
        assertThat(values(Goal.CLASSIFY, profile(10_000, 2, 0, 0, nominal(5000, 5000)), Map.of()))
                .containsEntry("large_data", true);
        assertThat(values(Goal.CLASSIFY, profile(9_999, 2, 0, 0, nominal(5000, 4999)), Map.of()))
                .containsEntry("large_data", false);
    }

    @Test
    void categoricalFeaturesAreNominalFeatures() {
        FactValue nominalFeatures = fact(DerivedFacts.of(Goal.CLASSIFY, profile(1000, 3, 2, 0, nominal(500, 500)), Map.of()),
                "nominal_features");
        assertThat(nominalFeatures.value()).isTrue();
        assertThat(nominalFeatures.detail()).isEqualTo("2 of 5 features are nominal or ordinal");
    }

    @Test
    void noTargetIsUnlabelled() {
        Map<String, Boolean> values = values(Goal.CLUSTER, profile(100, 0, 0, 0, Optional.empty()), Map.of());

        assertThat(values).containsEntry("labelled", false).containsEntry("binary_target", false)
                .containsEntry("imbalanced", false);
    }

    @Test
    void aStatedFactOverridesTheDerivedOne() {
        DataProfile withGaps = profile(1000, 4, 0, 40, nominal(500, 500));
        List<FactValue> facts = DerivedFacts.of(Goal.CLASSIFY, withGaps,
                Map.of("missing_values", false, "little_data", true, "sequential", true, "explain_decisions", true));

        FactValue missing = fact(facts, "missing_values");
        assertThat(missing.value()).isFalse();
        assertThat(missing.source()).isEqualTo("task");
        assertThat(missing.detail()).isEqualTo("stated in the task: " + Facts.KNOWN.get("missing_values"));
        assertThat(fact(facts, "little_data").value()).isTrue();
        assertThat(fact(facts, "sequential").value()).isTrue();
        assertThat(fact(facts, "sequential").source()).isEqualTo("task");
        assertThat(fact(facts, "explain_decisions").value()).isTrue();
        assertThat(fact(facts, "labelled").source()).isEqualTo("profile");
    }
}
