package io.modelscout.selector.eval;

import io.modelscout.api.Capability;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The preprocessing a plugin needs on a table, decided from its declared capabilities and the table's schema.
 * Each step is fitted on the training part of a fold only.
 *
 * @param impute fill missing cells: the plugin does not declare {@link Capability#HANDLES_MISSING_DATA}
 * @param encode turn categorical columns into numbers: the plugin does not declare {@link Capability#NOMINAL_FEATURES}
 * @param scale standardise numeric columns: the plugin declares {@link Capability#NEEDS_SCALING}
 * @param dropConstant drop columns constant in the training fold: the plugin takes a plain numeric matrix
 */
public record Recipe(boolean impute, boolean encode, boolean scale, boolean dropConstant) {

    /** Nothing to do: the plugin sees the fold's row view itself. */
    public static final Recipe NONE = new Recipe(false, false, false, false);

    /**
     * The recipe for a plugin on a table of features.
     *
     * @param plugin the plugin
     * @param features the feature columns of the whole table
     * @return the recipe
     */
    public static Recipe of(ModelPlugin plugin, Table features) {
        var capabilities = plugin.capabilities();
        boolean numericOnly = !capabilities.contains(Capability.NOMINAL_FEATURES);
        boolean hasMissing = features.missingCount() > 0;
        boolean hasCategorical = !features.allNumeric();
        return new Recipe(
                hasMissing && !capabilities.contains(Capability.HANDLES_MISSING_DATA),
                hasCategorical && numericOnly,
                capabilities.contains(Capability.NEEDS_SCALING),
                numericOnly);
    }

    /**
     * Whether the recipe changes anything.
     *
     * @return false for {@link #NONE}
     */
    public boolean any() {
        return impute || encode || scale || dropConstant;
    }

    /**
     * The steps in words, as recorded with the candidate.
     *
     * @param features the feature columns of the whole table
     * @return one sentence per step
     */
    public List<String> describe(Table features) {
        var steps = new ArrayList<String>();
        if (impute) {
            steps.add("impute " + features.missingCount()
                    + " missing cells with the training fold's mean (numeric) or mode (categorical)");
        }
        if (encode) {
            long categorical = features.columns().stream().filter(c -> !(c instanceof io.modelscout.api.data.NumericColumn)).count();
            steps.add("encode " + categorical + " categorical columns: nominal as 0/1 indicators of the levels seen in "
                    + "the training fold (first level as reference), ordinal as ranks");
        }
        if (scale) {
            steps.add("standardise numeric columns with the training fold's mean and standard deviation");
        }
        if (dropConstant) {
            steps.add("drop columns that are constant in the training fold");
        }
        return List.copyOf(steps);
    }
}
