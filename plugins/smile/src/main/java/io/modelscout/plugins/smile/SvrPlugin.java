package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.math.kernel.GaussianKernel;
import smile.regression.SVM;

/**
 * Smile's epsilon support vector regression ({@link SVM}) with a Gaussian RBF kernel. The target is standardised
 * before the fit and the predictions mapped back, so that {@code epsilon} (the width of the tube in which errors
 * cost nothing) is a share of the target's standard deviation and {@code C} means the same whatever the target's
 * unit. The solver draws no random number.
 */
public final class SvrPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("C", "Penalty on errors outside the tube (Smile's default 1).", 1.0, 1e-3, 1e3, true),
            new RealParam("sigma", "Width of the Gaussian kernel exp(-|x - y|^2 / (2 sigma^2)).", 1.0, 1e-3, 1e3,
                    true),
            new RealParam("epsilon", "Half-width of the error-free tube, in standard deviations of the target.",
                    0.1, 1e-4, 2.0, true),
            new RealParam("tol", "Convergence tolerance of the solver.", 1e-3, 1e-6, 1e-1, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.NEEDS_SCALING));

    /** Creates the plugin; it holds no state. */
    public SvrPlugin() {
    }

    @Override
    public String id() {
        return "smile.svr";
    }

    @Override
    public String displayName() {
        return "Support vector regression, RBF kernel (Smile)";
    }

    @Override
    public String description() {
        return "Fits a smooth curve in the feature space of a Gaussian kernel that ignores errors smaller than "
                + "epsilon and penalises larger ones linearly, so outliers pull on it less than on least squares. "
                + "Needs scaled features; training grows quickly with the number of rows.";
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
        double[] y = data.y();
        double mean = Arrays.stream(y).average().orElse(0.0);
        double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, y.length - 1));
        if (!(sd > 0)) {
            return SmileRegressor.of(data, rows -> {
                double[] out = new double[rows.length];
                Arrays.fill(out, mean);
                return out;
            }, "constant target: always " + String.format("%.4g", mean));
        }
        double[] z = Arrays.stream(y).map(v -> (v - mean) / sd).toArray();
        var parameters = request.parameters();
        var kernel = new GaussianKernel(parameters.getDouble("sigma"));
        var options = new SVM.Options(parameters.getDouble("epsilon"), parameters.getDouble("C"),
                parameters.getDouble("tol"));
        var model = SVM.fit(data.x(), z, kernel, options);
        return SmileRegressor.of(data, rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = mean + sd * model.predict(rows[i]);
            }
            return out;
        }, "epsilon-SVR with " + model.vectors().length + " support vectors, C " + options.C() + ", sigma "
                + kernel.scale() + ", epsilon " + options.eps() + " target sd");
    }
}
