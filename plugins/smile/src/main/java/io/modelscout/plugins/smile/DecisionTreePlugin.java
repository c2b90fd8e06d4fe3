package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.classification.DecisionTree;
import smile.model.cart.SplitRule;
import smile.regression.RegressionTree;

/**
 * Smile's CART: a classification tree ({@link DecisionTree}) or a regression tree ({@link RegressionTree}). Every
 * split tries every feature, so no random number is drawn.
 * Nominal and ordinal features are taken as they are, not one-hot encoded (see {@link SmileData}): split by level,
 * except ordinal features of a regression, which are split in their order.
 */
public final class DecisionTreePlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxDepth", "Deepest the tree may grow.", 20, 2, 200, false),
            new IntParam("maxNodes", "Most leaves; 0 lets Smile choose (training rows / nodeSize).", 0, 0, 100_000,
                    false),
            new IntParam("nodeSize", "Fewest training rows in a leaf.", 5, 1, 100, true),
            new ChoiceParam("splitRule", "Impurity a classification split reduces; regression always uses the "
                    + "squared error.", "gini", List.of("gini", "entropy", "classification-error")));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.NOMINAL_FEATURES, Capability.PROBABILISTIC, Capability.INTERPRETABLE, Capability.FAST_INFERENCE));

    /** Creates the plugin; it holds no state. */
    public DecisionTreePlugin() {
    }

    @Override
    public String id() {
        return "smile.decision-tree";
    }

    @Override
    public String displayName() {
        return "Decision tree, CART (Smile)";
    }

    @Override
    public String description() {
        return "One tree of yes/no questions on single features, grown greedily. Readable and quick to apply, "
                + "needs no scaling; on its own it tends to overfit and to change with small changes of the data.";
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
        var layout = data.layout();
        var model = DecisionTree.fit(SmileData.formula(), SmileData.frame(data.x(), data.y(), layout),
                classificationOptions(request.parameters(), data.x().length));
        return SmileClassifier.of(data,
                SmileClassifier.posteriors(model, data.classes().count(), x -> SmileData.tuples(x, layout)),
                "classification tree of " + model.size() + " nodes");
    }

    private static FittedModel regressor(FitRequest request) {
        var data = SmileData.regression(request, SmileData.Categories.ORDERED);
        var layout = data.layout();
        var model = RegressionTree.fit(SmileData.formula(), SmileData.frame(data.x(), data.y(), layout),
                regressionOptions(request.parameters(), data.x().length));
        return SmileRegressor.of(data, SmileRegressor.predictions(model, x -> SmileData.tuples(x, layout)),
                "regression tree of " + model.size() + " nodes");
    }

    private static DecisionTree.Options classificationOptions(ParameterValues parameters, int rows) {
        var rule = switch (parameters.getString("splitRule")) {
            case "entropy" -> SplitRule.ENTROPY;
            case "classification-error" -> SplitRule.CLASSIFICATION_ERROR;
            default -> SplitRule.GINI;
        };
        return new DecisionTree.Options(rule, parameters.getInt("maxDepth"), maxNodes(parameters, rows),
                parameters.getInt("nodeSize"));
    }

    private static RegressionTree.Options regressionOptions(ParameterValues parameters, int rows) {
        return new RegressionTree.Options(parameters.getInt("maxDepth"), maxNodes(parameters, rows),
                parameters.getInt("nodeSize"));
    }

    // Smile's own choice for 0, rows / nodeSize, is 0 or 1 on a handful of rows, which no tree can have
    private static int maxNodes(ParameterValues parameters, int rows) {
        int maxNodes = parameters.getInt("maxNodes");
        return maxNodes > 0 ? maxNodes : Math.max(2, rows / parameters.getInt("nodeSize"));
    }
}
