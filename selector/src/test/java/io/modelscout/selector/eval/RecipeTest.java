package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Capability;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RecipeTest {
    private static final Table NUMERIC_COMPLETE = new Table("t", List.of(
            NumericColumn.of("x", new double[] {1, 2, 3}),
            NumericColumn.of("y", new double[] {4, 5, 6})));
    private static final Table MIXED_WITH_MISSING = new Table("t", List.of(
            NumericColumn.of("x", new double[] {1, Double.NaN, 3}),
            NominalColumn.of("c", List.of("a", "b"), new int[] {0, 1, CategoricalColumn.MISSING})));

    @Test
    void aPlainNumericPluginOnCompleteNumericDataOnlyDropsConstantColumns() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(), NUMERIC_COMPLETE);

        assertThat(recipe).isEqualTo(new Recipe(false, false, false, true));
        assertThat(recipe.any()).isTrue();
        assertThat(recipe.describe(NUMERIC_COMPLETE)).containsExactly("drop columns that are constant in the training fold");
    }

    @Test
    void aPlainNumericPluginOnMixedDataWithGapsGetsImputationAndEncoding() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(), MIXED_WITH_MISSING);

        assertThat(recipe).isEqualTo(new Recipe(true, true, false, true));
        assertThat(recipe.describe(MIXED_WITH_MISSING)).containsExactly(
                "impute 2 missing cells with the training fold's mean (numeric) or mode (categorical)",
                "encode 1 categorical columns: nominal as 0/1 indicators of the levels seen in the training fold "
                        + "(first level as reference), ordinal as ranks",
                "drop columns that are constant in the training fold");
    }

    @Test
    void handlingMissingDataSkipsImputation() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(Capability.HANDLES_MISSING_DATA), MIXED_WITH_MISSING);

        assertThat(recipe).isEqualTo(new Recipe(false, true, false, true));
    }

    @Test
    void nominalFeaturesSkipEncodingAndDropping() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(Capability.NOMINAL_FEATURES), MIXED_WITH_MISSING);

        assertThat(recipe).isEqualTo(new Recipe(true, false, false, false));
    }

    @Test
    void needsScalingAddsStandardisation() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(Capability.NEEDS_SCALING), NUMERIC_COMPLETE);

        assertThat(recipe).isEqualTo(new Recipe(false, false, true, true));
        assertThat(recipe.describe(NUMERIC_COMPLETE)).contains(
                "standardise numeric columns with the training fold's mean and standard deviation");
    }

    @Test
    void aPluginTakingEverythingAsItIsNeedsNothing() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA),
                MIXED_WITH_MISSING);

        assertThat(recipe).isEqualTo(Recipe.NONE);
        assertThat(recipe.any()).isFalse();
        assertThat(recipe.describe(MIXED_WITH_MISSING)).isEmpty();
    }

    @Test
    void otherCapabilitiesDoNotChangeTheRecipe() {
        Recipe recipe = Recipe.of(new TestPlugins.Declared(Capability.INTERPRETABLE, Capability.PROBABILISTIC,
                Capability.FAST_INFERENCE), NUMERIC_COMPLETE);

        assertThat(recipe).isEqualTo(Recipe.of(new TestPlugins.Declared(), NUMERIC_COMPLETE));
    }
}
