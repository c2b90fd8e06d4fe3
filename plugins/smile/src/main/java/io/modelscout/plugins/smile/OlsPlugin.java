package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.regression.OLS;

/**
 * Smile's ordinary least squares linear regression with an intercept. Needs OpenBLAS (Smile calls it through FFM).
 */
public final class OlsPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new ChoiceParam("method", "Solver: QR decomposition (Smile's default; falls back to SVD when the "
                    + "features are collinear) or SVD.", "qr", List.of("qr", "svd")));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.INTERPRETABLE, Capability.FAST_INFERENCE));

    /** Creates the plugin; it holds no state. */
    public OlsPlugin() {
    }

    @Override
    public String id() {
        return "smile.ols";
    }

    @Override
    public String displayName() {
        return "Linear regression, least squares (Smile)";
    }

    @Override
    public String description() {
        return "A straight-line (hyperplane) fit that minimises the squared errors. The reference model for a "
                + "numeric target: fast, readable coefficients; misses curvature and interactions.";
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
        var model = OLS.fit(SmileData.formula(), SmileData.frame(data.x(), data.y(), data.features()),
                options(request.parameters()));
        return SmileRegressor.of(data, x -> {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = model.predict(x[i]);
            }
            return y;
        }, "least squares over " + data.features() + " features, intercept "
                + String.format("%.4g", model.intercept()) + ", R squared " + String.format("%.3f", model.RSquared()));
    }

    private static OLS.Options options(ParameterValues parameters) {
        var method = "svd".equals(parameters.getString("method")) ? OLS.Method.SVD : OLS.Method.QR;
        // no standard errors: they need a Cholesky factor, which fails on the collinear one-hot columns SVD copes with
        return new OLS.Options(method, false, false);
    }
}
