package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.Set;

/**
 * A Gaussian mixture with full covariances, fitted by Smile's EM from seeded k-means starts, its number of components
 * chosen by BIC ({@link GaussianMixtures}). Clusters are the most probable components, the anomaly score is the
 * negative log-density, and missing cells are filled from the conditional Gaussians ({@link ConditionalGaussians}).
 * Needs OpenBLAS.
 */
public final class GmmPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxComponents", "Most Gaussian components tried; the count is chosen from 1 up to this "
                    + "(fewer when there are too few rows for more).", 8, 1, 20, false),
            new IntParam("restarts", "Seeded k-means starts of EM per count; the most likely fit is kept.", 3, 1, 20,
                    false));

    /** Creates the plugin; it holds no state. */
    public GmmPlugin() {
    }

    @Override
    public String id() {
        return "smile.gmm";
    }

    @Override
    public String displayName() {
        return "Gaussian mixture, BIC (Smile)";
    }

    @Override
    public String description() {
        return "A mixture of multivariate normal distributions with full covariances, the number chosen by BIC: soft clusters "
                + "of elliptical shape, a density, anomaly scores by low likelihood, and imputation by the conditional "
                + "Gaussians. The primer's model for an unknown number of groups.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLUSTER, Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.SAMPLES_NEW_DATA);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        var choice = GaussianMixtures.byBic(x, request.parameters().getInt("maxComponents"), false,
                request.parameters().getInt("restarts"), request.seed());
        if (choice.mixture() == null) {
            throw new IllegalArgumentException(id() + ": EM could fit no mixture to " + x.length + " rows");
        }
        return new GaussianModel(id(), request.features().columnNames(), choice.mixture(), choice.choice(),
                "Gaussian mixture of " + choice.mixture().size() + " components (full covariance), "
                        + choice.description() + "; a ridge of " + GaussianMixtures.RIDGE
                        + " x each column's variance keeps every covariance invertible", false);
    }
}
