package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import smile.regression.RidgeRegression;

/**
 * Smile's ridge regression: least squares with an L2 penalty on the coefficients of the standardised features.
 * Smile refuses a constant feature (it cannot standardise it); such a column carries nothing a model with an
 * intercept could use, so it is left out of the fit and of every prediction. Needs OpenBLAS.
 */
public final class RidgePlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("lambda", "Strength of the L2 penalty on the standardised coefficients (Smile's default 1).",
                    1.0, 1e-6, 1e4, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.INTERPRETABLE, Capability.FAST_INFERENCE));

    /** Creates the plugin; it holds no state. */
    public RidgePlugin() {
    }

    @Override
    public String id() {
        return "smile.ridge";
    }

    @Override
    public String displayName() {
        return "Ridge regression (Smile)";
    }

    @Override
    public String description() {
        return "Linear least squares with the coefficients shrunk towards zero. Steadier than plain least squares "
                + "when features are many or correlated, at the price of a little bias.";
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
        int[] kept = varying(data.x(), data.features());
        double[][] x = project(data.x(), kept);
        if (kept.length == 0) {
            double mean = Arrays.stream(data.y()).average().orElse(0.0);
            return SmileRegressor.of(data, rows -> {
                double[] y = new double[rows.length];
                Arrays.fill(y, mean);
                return y;
            }, "every feature is constant: always the training mean " + String.format("%.4g", mean));
        }
        double lambda = lambda(request.parameters());
        var model = RidgeRegression.fit(SmileData.formula(), SmileData.frame(x, data.y(), kept.length), lambda);
        return SmileRegressor.of(data, rows -> {
            double[][] projected = project(rows, kept);
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = model.predict(projected[i]);
            }
            return y;
        }, "ridge regression over " + kept.length + " of " + data.features() + " features, lambda " + lambda);
    }

    private static double lambda(ParameterValues parameters) {
        return parameters.getDouble("lambda");
    }

    private static int[] varying(double[][] x, int p) {
        return IntStream.range(0, p)
                .filter(j -> Arrays.stream(x).anyMatch(row -> row[j] != x[0][j]))
                .toArray();
    }

    private static double[][] project(double[][] x, int[] columns) {
        double[][] out = new double[x.length][columns.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                out[i][j] = x[i][columns[j]];
            }
        }
        return out;
    }
}
