package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.linalg.UPLO;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.tensor.DenseMatrix;

/**
 * Smile's quadratic discriminant analysis: each class a multivariate normal distribution with its own covariance
 * matrix, and Bayes' rule on top, which makes the boundaries quadratic. Each class covariance is shrunk a little
 * towards a sphere, so collinear features (one-hot columns) or a small class do not make it singular; a class with no
 * more rows than features is shrunk by half. Constant features are left out (see {@link FeatureSubset}). Smile's
 * {@code QDA.fit} offers no shrinkage, so the class Gaussians are Smile's {@code MultivariateGaussianDistribution}
 * with covariances estimated here. Needs OpenBLAS.
 */
public final class QdaPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new ChoiceParam("priors", "Class priors: the class shares of the training rows (empirical) or equal for "
                    + "every class (uniform).", "empirical", List.of("empirical", "uniform")),
            new RealParam("shrinkage", "Share s of each class covariance replaced by s times its average variance on "
                    + "the diagonal (shrinkage towards a sphere): keeps a covariance invertible when features are "
                    + "collinear, e.g. the one-hot columns of a nominal feature, or a class has few rows.",
                    1e-3, 0.0, 1.0, false));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.GENERATIVE, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public QdaPlugin() {
    }

    @Override
    public String id() {
        return "smile.qda";
    }

    @Override
    public String displayName() {
        return "Quadratic discriminant analysis (Smile)";
    }

    @Override
    public String description() {
        return "A generative model: each class is a multivariate normal distribution with its own covariance, and "
                + "Bayes' rule turns them into class probabilities with curved (quadratic) boundaries. Needs more "
                + "rows per class than LDA, since every class estimates a full covariance matrix.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY);
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
        var data = SmileData.classification(request);
        int k = data.classes().count();
        if (k < 2) {
            return SmileClassifier.constant(data);
        }
        var subset = Discriminants.subset(id(), data);
        var parameters = request.parameters();
        double[][] x = subset.apply(data.x());
        double shrinkage = parameters.getDouble("shrinkage");
        double[] priors = Discriminants.priors(parameters, k);
        double[] logPrior = new double[k];
        var gaussians = new MultivariateGaussianDistribution[k];
        double pooledAverage = averageVariance(x);
        for (int c = 0; c < k; c++) {
            double[][] rows = rowsOf(x, data.y(), c);
            logPrior[c] = Math.log(priors == null ? rows.length / (double) x.length : priors[c]);
            gaussians[c] = shrunkGaussian(rows, shrinkage, pooledAverage);
        }
        return SmileClassifier.of(data, rows -> posteriors(gaussians, logPrior, subset.apply(rows)),
                "quadratic discriminant analysis over " + k + " classes and " + subset.describe() + ", "
                        + parameters.getString("priors") + " priors, shrinkage " + shrinkage);
    }

    private static double[][] rowsOf(double[][] x, int[] y, int c) {
        return java.util.stream.IntStream.range(0, x.length).filter(i -> y[i] == c).mapToObj(i -> x[i])
                .toArray(double[][]::new);
    }

    private static double averageVariance(double[][] x) {
        int p = x[0].length;
        double total = 0;
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / x.length;
            }
            for (double[] row : x) {
                total += (row[j] - mean) * (row[j] - mean) / (x.length * (double) p);
            }
        }
        return total;
    }

    /**
     * The class's Gaussian with covariance (1 - s) S + s a I, where a is the class's average variance, or the
     * average variance over all rows when the class has too few rows to have one.
     */
    private static MultivariateGaussianDistribution shrunkGaussian(double[][] rows, double shrinkage,
                                                                   double fallbackVariance) {
        int n = rows.length;
        int p = rows[0].length;
        double[] mean = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l <= j; l++) {
                    cov[j][l] += (row[j] - mean[j]) * (row[l] - mean[l]) / Math.max(1, n - 1);
                }
            }
        }
        double average = 0;
        for (int j = 0; j < p; j++) {
            average += cov[j][j] / p;
        }
        if (!(average > 0)) {
            average = fallbackVariance > 0 ? fallbackVariance : 1.0;
        }
        double s = n > p ? shrinkage : Math.max(shrinkage, 0.5);
        for (int j = 0; j < p; j++) {
            for (int l = 0; l <= j; l++) {
                cov[j][l] *= 1 - s;
            }
            cov[j][j] += s * average;
            for (int l = 0; l < j; l++) {
                cov[l][j] = cov[j][l];
            }
        }
        return new MultivariateGaussianDistribution(mean, DenseMatrix.of(cov).withUplo(UPLO.LOWER));
    }

    private static double[][] posteriors(MultivariateGaussianDistribution[] gaussians, double[] logPrior, double[][] x) {
        return BayesRule.posteriors(x.length, gaussians.length, (i, c) -> logPrior[c] + gaussians[c].logp(x[i]));
    }
}
