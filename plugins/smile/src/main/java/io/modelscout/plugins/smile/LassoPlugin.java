package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.regression.LASSO;

/**
 * Smile's LASSO: least squares with an L1 penalty on the coefficients of the standardised features, solved by an
 * interior-point method; it sets some coefficients exactly to zero. Smile cannot standardise a constant feature, so
 * such a column is left out (see {@link FeatureSubset}). Needs OpenBLAS.
 */
public final class LassoPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("lambda", "Strength of the L1 penalty on the standardised coefficients, against the sum "
                    + "(not the mean) of squared errors.", 1.0, 1e-4, 1e4, true),
            new RealParam("tol", "Relative duality-gap tolerance of the solver (Smile's default 1e-4).", 1e-4, 1e-8,
                    1e-2, true),
            new IntParam("maxIter", "Most iterations of the solver (Smile's default 1000).", 1_000, 10, 10_000, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.INTERPRETABLE, Capability.FAST_INFERENCE));

    /** Creates the plugin; it holds no state. */
    public LassoPlugin() {
    }

    @Override
    public String id() {
        return "smile.lasso";
    }

    @Override
    public String displayName() {
        return "LASSO regression (Smile)";
    }

    @Override
    public String description() {
        return "Linear least squares with an L1 penalty that shrinks coefficients and sets the weakest exactly to "
                + "zero, so it also picks features. Readable; good when only a few of many features matter.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.REGRESS);
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
        var data = SmileData.regression(request);
        var subset = FeatureSubset.varying(data.x(), data.features());
        if (subset.size() == 0) {
            double mean = Arrays.stream(data.y()).average().orElse(0.0);
            return SmileRegressor.of(data, rows -> {
                double[] y = new double[rows.length];
                Arrays.fill(y, mean);
                return y;
            }, "every feature is constant: always the training mean " + String.format("%.4g", mean));
        }
        var parameters = request.parameters();
        var options = new LASSO.Options(parameters.getDouble("lambda"), parameters.getDouble("tol"),
                parameters.getInt("maxIter"));
        var model = LASSO.fit(SmileData.formula(), SmileData.frame(subset.apply(data.x()), data.y(), subset.size()),
                options);
        long zeros = Arrays.stream(model.coefficients().toArray(new double[subset.size()])).filter(w -> w == 0.0).count();
        return SmileRegressor.of(data, rows -> {
            double[][] kept = subset.apply(rows);
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = model.predict(kept[i]);
            }
            return y;
        }, "LASSO over " + subset.describe() + ", lambda " + options.lambda() + ", " + zeros
                + " coefficients at zero");
    }
}
