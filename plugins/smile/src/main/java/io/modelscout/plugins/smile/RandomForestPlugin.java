package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.classification.RandomForest;
import smile.model.cart.SplitRule;

/**
 * Smile's random forest for classification and regression. Trees grow in parallel on pool threads; each tree is
 * given its own seed, derived from the request's, so the forest is the same whichever thread grows which tree.
 * Nominal and ordinal features are taken as they are, not one-hot encoded (see {@link SmileData}): split by level,
 * except ordinal features of a regression, which are split in their order.
 */
public final class RandomForestPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("trees", "Number of trees.", 500, 1, 5_000, true),
            new IntParam("mtry", "Features tried at each split; 0 lets Smile choose (the square root of the feature "
                    + "count for classification, a third for regression); lowered to the feature count when larger.",
                    0, 0, 1_000, false),
            new IntParam("maxDepth", "Deepest a tree may grow.", 20, 2, 200, false),
            new IntParam("maxNodes", "Most leaves per tree; 0 lets Smile choose (a fifth of the training rows).",
                    0, 0, 100_000, false),
            new IntParam("nodeSize", "Fewest training rows in a leaf.", 5, 1, 100, true),
            new RealParam("subsample", "Share of rows each tree sees: 1 draws a bootstrap sample with replacement, "
                    + "less draws that share without replacement.", 1.0, 0.1, 1.0, false));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.NOMINAL_FEATURES, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public RandomForestPlugin() {
    }

    @Override
    public String id() {
        return "smile.random-forest";
    }

    @Override
    public String displayName() {
        return "Random forest (Smile)";
    }

    @Override
    public String description() {
        return "Many decision trees, each grown on a bootstrap sample with a random subset of features tried at "
                + "each split, voting (or averaging) together. Accurate out of the box, robust to scale and outliers.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY, Goal.REGRESS);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        return switch (request.goal()) {
            case CLASSIFY -> classifier(request);
            case REGRESS -> regressor(request);
            default -> throw new IllegalArgumentException(id() + " does not serve goal " + request.goal().id());
        };
    }

    private static FittedModel classifier(FitRequest request) {
        var data = SmileData.classification(request, SmileData.Categories.BY_LEVEL);
        if (data.classes().count() < 2) {
            return SmileClassifier.constant(data);
        }
        var o = Settings.of(request.parameters(), data.features(), request.seed());
        var options = new RandomForest.Options(o.trees(), o.mtry(), SplitRule.GINI, o.maxDepth(), o.maxNodes(),
                o.nodeSize(), o.subsample(), null, o.seeds(), null);
        var layout = data.layout();
        var model = RandomForest.fit(SmileData.formula(), SmileData.frame(data.x(), data.y(), layout), options);
        return SmileClassifier.of(data,
                SmileClassifier.posteriors(model, data.classes().count(), x -> SmileData.tuples(x, layout)),
                "random forest of " + model.size() + " trees, out-of-bag accuracy "
                        + String.format("%.3f", model.metrics().accuracy()));
    }

    private static FittedModel regressor(FitRequest request) {
        var data = SmileData.regression(request, SmileData.Categories.ORDERED);
        var o = Settings.of(request.parameters(), data.features(), request.seed());
        var options = new smile.regression.RandomForest.Options(o.trees(), o.mtry(), o.maxDepth(), o.maxNodes(),
                o.nodeSize(), o.subsample(), o.seeds(), null);
        var layout = data.layout();
        var model = smile.regression.RandomForest.fit(SmileData.formula(), SmileData.frame(data.x(), data.y(), layout),
                options);
        return SmileRegressor.of(data, SmileRegressor.predictions(model, x -> SmileData.tuples(x, layout)),
                "random forest of " + model.size() + " trees, out-of-bag RMSE "
                        + String.format("%.4g", model.metrics().rmse()));
    }

    /** The parameters as Smile's forests take them; the classification and regression options share them. */
    private record Settings(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample,
                            long[] seeds) {
        static Settings of(ParameterValues parameters, int features, long seed) {
            int trees = parameters.getInt("trees");
            return new Settings(trees, Math.min(parameters.getInt("mtry"), features), parameters.getInt("maxDepth"),
                    parameters.getInt("maxNodes"), parameters.getInt("nodeSize"), parameters.getDouble("subsample"),
                    Seeds.split(seed, trees));
        }
    }
}
