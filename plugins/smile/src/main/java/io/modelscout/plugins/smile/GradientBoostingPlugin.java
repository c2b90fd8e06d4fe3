package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.classification.GradientTreeBoost;
import smile.model.cart.Loss;

/**
 * Smile's gradient tree boosting for classification (logistic / softmax loss) and regression (a choice of loss).
 * Trees are grown one after another on the calling thread, whose generator draws the row subsamples; it is seeded
 * right before the fit.
 * Nominal and ordinal features are taken as they are, not one-hot encoded (see {@link SmileData}): nominal ones split
 * by level, ordinal ones in their order.
 */
public final class GradientBoostingPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("ntrees", "Number of boosting rounds (trees per class for more than two classes).",
                    500, 1, 5_000, true),
            new RealParam("shrinkage", "Learning rate: how much of each tree is added.", 0.05, 1e-3, 1.0, true),
            new IntParam("maxDepth", "Deepest a tree may grow.", 20, 2, 200, false),
            new IntParam("maxNodes", "Most leaves per tree.", 6, 2, 1_000, true),
            new IntParam("nodeSize", "Fewest training rows in a leaf.", 5, 1, 100, true),
            new RealParam("subsample", "Share of rows, drawn without replacement, each tree is fitted on.",
                    0.7, 0.1, 1.0, false),
            new ChoiceParam("loss", "Regression loss: least squares, least absolute deviation (Smile's default) or "
                    + "Huber; classification always uses the logistic loss.", "lad", List.of("ls", "lad", "huber")));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.NOMINAL_FEATURES, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public GradientBoostingPlugin() {
    }

    @Override
    public String id() {
        return "smile.gradient-boosting";
    }

    @Override
    public String displayName() {
        return "Gradient tree boosting (Smile)";
    }

    @Override
    public String description() {
        return "Small regression trees added one at a time, each fitted to the errors left by those before it. "
                + "Often the most accurate choice on tabular data; slower to train and sensitive to its settings.";
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
        var data = SmileData.classification(request, SmileData.Categories.ORDERED);
        if (data.classes().count() < 2) {
            return SmileClassifier.constant(data);
        }
        var o = Settings.of(request.parameters());
        var options = new GradientTreeBoost.Options(o.ntrees(), o.maxDepth(), o.maxNodes(), o.nodeSize(),
                o.shrinkage(), o.subsample(), null, null);
        var layout = data.layout();
        var frame = SmileData.frame(data.x(), data.y(), layout);
        Seeds.seedThisThread(request.seed());
        var model = GradientTreeBoost.fit(SmileData.formula(), frame, options);
        return SmileClassifier.of(data,
                SmileClassifier.posteriors(model, data.classes().count(), x -> SmileData.tuples(x, layout)),
                "gradient boosting of " + trees(model) + ", shrinkage " + o.shrinkage());
    }

    private static FittedModel regressor(FitRequest request) {
        var data = SmileData.regression(request, SmileData.Categories.ORDERED);
        var o = Settings.of(request.parameters());
        var options = new smile.regression.GradientTreeBoost.Options(o.loss(), o.ntrees(), o.maxDepth(),
                o.maxNodes(), o.nodeSize(), o.shrinkage(), o.subsample(), null, null);
        var layout = data.layout();
        var frame = SmileData.frame(data.x(), data.y(), layout);
        Seeds.seedThisThread(request.seed());
        var model = smile.regression.GradientTreeBoost.fit(SmileData.formula(), frame, options);
        return SmileRegressor.of(data, SmileRegressor.predictions(model, x -> SmileData.tuples(x, layout)),
                "gradient boosting of " + model.size() + " trees, " + request.parameters().getString("loss")
                        + " loss, shrinkage " + o.shrinkage());
    }

    // Smile's size() counts the tree sequences (one for two classes, one per class otherwise), not the trees
    private static String trees(GradientTreeBoost model) {
        var sequences = model.trees();
        int rounds = sequences[0].length;
        return sequences.length == 1 ? rounds + " trees"
                : rounds + " rounds of " + sequences.length + " trees (one per class)";
    }

    /** The parameters as Smile's boosting options take them; classification ignores the loss. */
    private record Settings(int ntrees, double shrinkage, int maxDepth, int maxNodes, int nodeSize, double subsample,
                            Loss loss) {
        static Settings of(ParameterValues parameters) {
            var loss = switch (parameters.getString("loss")) {
                case "ls" -> Loss.ls();
                case "huber" -> Loss.huber(0.9);
                default -> Loss.lad();
            };
            return new Settings(parameters.getInt("ntrees"), parameters.getDouble("shrinkage"),
                    parameters.getInt("maxDepth"), parameters.getInt("maxNodes"), parameters.getInt("nodeSize"),
                    parameters.getDouble("subsample"), loss);
        }
    }
}
