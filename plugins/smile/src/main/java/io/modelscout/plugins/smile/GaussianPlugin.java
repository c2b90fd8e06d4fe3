package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.Set;
import smile.stat.distribution.MultivariateGaussianDistribution;

/**
 * One multivariate normal distribution over all columns, fitted by Smile (maximum likelihood). The anomaly score is
 * the squared Mahalanobis distance from the mean, the density is the Gaussian's, and missing cells are filled from
 * the conditional Gaussian given the known cells of the row ({@link ConditionalGaussians}).
 */
public final class GaussianPlugin implements ModelPlugin {

    /** Creates the plugin; it holds no state. */
    public GaussianPlugin() {
    }

    @Override
    public String id() {
        return "smile.gaussian";
    }

    @Override
    public String displayName() {
        return "Multivariate Gaussian (Smile)";
    }

    @Override
    public String description() {
        return "One multivariate normal distribution with a full covariance: anomalies by Mahalanobis distance, a "
                + "density, and imputation by the conditional Gaussian (regression on the known columns). Good when "
                + "the data form one elliptical cloud.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.SAMPLES_NEW_DATA, Capability.INTERPRETABLE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        var fitted = MultivariateGaussianDistribution.fit(x, false);
        int d = x[0].length;
        double[][] cov = new double[d][d];
        var sigma = fitted.cov();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] = sigma.get(a, b);
            }
        }
        ConditionalGaussians.ridge(cov, ConditionalGaussians.columnVariance(x), GaussianMixtures.RIDGE);
        var gaussian = ConditionalGaussians.Gaussian.of(fitted.mean(), cov);
        return new GaussianModel(id(), request.features().columnNames(),
                ConditionalGaussians.Mixture.single(gaussian), CountChoice.NONE,
                "One Gaussian over " + d + " columns (full covariance); a ridge of " + GaussianMixtures.RIDGE
                        + " x each column's variance keeps the covariance invertible", true);
    }
}
