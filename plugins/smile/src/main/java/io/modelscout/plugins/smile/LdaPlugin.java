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
import smile.classification.LDA;
import smile.linalg.UPLO;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;

/**
 * Linear discriminant analysis on Smile's {@link LDA}: each class a multivariate normal distribution, all sharing
 * one covariance matrix, and Bayes' rule on top, which makes the boundaries between classes straight.
 *
 * <p>Smile's {@code LDA.fit} estimates the shared matrix from the scatter around the overall mean (the total
 * covariance), which mixes the distance between the classes into their spread and costs accuracy (on iris, about
 * one row in five is misplaced). The textbook estimate is the pooled within-class covariance, the scatter around
 * each row's own class mean; it is computed here, and Smile's eigen decomposition and its {@link LDA} (the Bayes
 * rule and posteriors) do the rest. Constant features are left out (see {@link FeatureSubset}); collinear ones, such
 * as every one-hot column of a nominal feature, make the covariance singular and the fit fails saying so. Needs
 * OpenBLAS.
 */
public final class LdaPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new ChoiceParam("priors", "Class priors: the class shares of the training rows (empirical) or equal for "
                    + "every class (uniform).", "empirical", List.of("empirical", "uniform")),
            new RealParam("shrinkage", "Share s of the pooled covariance replaced by s times its average variance on "
                    + "the diagonal (shrinkage towards a sphere): keeps it invertible when features are collinear, "
                    + "e.g. the one-hot columns of a nominal feature.", 1e-3, 0.0, 1.0, false),
            new RealParam("tol", "Singularity tolerance: a covariance eigenvalue below tol squared counts as zero "
                    + "(Smile's default 1e-4).", 1e-4, 1e-10, 1e-2, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.GENERATIVE, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public LdaPlugin() {
    }

    @Override
    public String id() {
        return "smile.lda";
    }

    @Override
    public String displayName() {
        return "Linear discriminant analysis (Smile)";
    }

    @Override
    public String description() {
        return "A generative model: each class is a multivariate normal distribution, all with the same covariance, "
                + "and Bayes' rule turns them into class probabilities with straight boundaries. Few parameters, so "
                + "it does well on small data; it suffers when classes differ in spread or features are collinear.";
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
        LDA model;
        try {
            model = pooled(subset.apply(data.x()), data.y(), k, Discriminants.priors(parameters, k),
                    parameters.getDouble("tol"), parameters.getDouble("shrinkage"));
        } catch (IllegalArgumentException e) {
            throw Discriminants.failure(id(), e);
        }
        return SmileClassifier.of(data, SmileClassifier.posteriors(model, k, subset::apply),
                "linear discriminant analysis over " + k + " classes and " + subset.describe() + ", "
                        + parameters.getString("priors") + " priors");
    }

    /** Smile's LDA over the pooled within-class covariance; {@code priors} null means the class shares. */
    private static LDA pooled(double[][] x, int[] y, int k, double[] priors, double tol, double shrinkage) {
        int n = x.length;
        int p = x[0].length;
        if (n <= k) {
            throw new IllegalArgumentException("Sample size is too small: " + n + " rows for " + k + " classes");
        }
        double[] counts = new double[k];
        double[][] mu = new double[k][p];
        for (int i = 0; i < n; i++) {
            counts[y[i]]++;
            for (int j = 0; j < p; j++) {
                mu[y[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                mu[c][j] /= counts[c];
            }
        }
        double[][] cov = new double[p][p];
        for (int i = 0; i < n; i++) {
            double[] mean = mu[y[i]];
            for (int j = 0; j < p; j++) {
                double dj = x[i][j] - mean[j];
                for (int l = 0; l <= j; l++) {
                    cov[j][l] += dj * (x[i][l] - mean[l]);
                }
            }
        }
        double tol2 = tol * tol;
        double average = 0;
        for (int j = 0; j < p; j++) {
            average += cov[j][j] / (n - k) / p;
        }
        for (int j = 0; j < p; j++) {
            for (int l = 0; l <= j; l++) {
                cov[j][l] = cov[j][l] / (n - k) * (1 - shrinkage);
                cov[l][j] = cov[j][l];
            }
            cov[j][j] += shrinkage * average;
            if (cov[j][j] < tol2) {
                throw new IllegalArgumentException("Covariance matrix (column " + j + ") is close to singular.");
            }
        }
        EVD eigen = DenseMatrix.of(cov).withUplo(UPLO.LOWER).eigen().sort();
        for (int j = 0; j < p; j++) {
            if (eigen.wr().get(j) < tol2) {
                throw new IllegalArgumentException("The covariance matrix is close to singular.");
            }
        }
        double[] priori = priors;
        if (priori == null) {
            priori = new double[k];
            for (int c = 0; c < k; c++) {
                priori[c] = counts[c] / n;
            }
        }
        return new LDA(priori, mu, eigen.wr(), eigen.Vr());
    }
}
