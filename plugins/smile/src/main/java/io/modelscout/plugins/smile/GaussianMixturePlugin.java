package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.clustering.KMeans;
import smile.linalg.UPLO;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;
import smile.tensor.DenseMatrix;

/**
 * A class-conditional Gaussian mixture classifier: for each class, a mixture of multivariate normal distributions
 * fitted by Smile's EM ({@link MultivariateExponentialFamilyMixture}) from a Smile k-means start, its number of
 * components chosen by BIC from one up to a maximum; class priors are the training shares, and Bayes' rule gives the posteriors. Where one Gaussian per
 * class (QDA) is too rigid, a few per class can follow a class made of several clumps.
 *
 * <p>k-means starts from k-means++ centres drawn from Smile's thread-local generator; the calling thread is seeded
 * before each mixture with a seed derived from the request's seed, the class and the component count, so the model does
 * not depend on what ran before on that thread. Densities are combined in log space. Needs OpenBLAS.
 */
public final class GaussianMixturePlugin implements ModelPlugin {
    private static final int EM_ITERATIONS = 500;
    private static final double EM_TOLERANCE = 1e-6;
    private static final double RIDGE = 1e-6;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxComponents", "Most Gaussian components per class; BIC picks the number from 1 up to "
                    + "this (fewer when a class has too few rows).", 3, 1, 10, false),
            new ChoiceParam("covariance", "Shape of each component: a full covariance matrix, or a diagonal one "
                    + "(features independent within a component; fewer parameters).", "full",
                    List.of("full", "diagonal")));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.GENERATIVE, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public GaussianMixturePlugin() {
    }

    @Override
    public String id() {
        return "smile.gaussian-mixture";
    }

    @Override
    public String displayName() {
        return "Gaussian mixture classifier (Smile)";
    }

    @Override
    public String description() {
        return "A generative model: each class is a mixture of a few multivariate normal distributions, their number "
                + "chosen by BIC, and Bayes' rule gives the class probabilities. Follows classes made of several "
                + "clumps; needs a fair number of rows per class.";
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
        var subset = FeatureSubset.varying(data.x(), data.features());
        if (subset.size() == 0) {
            throw new IllegalArgumentException(id() + ": every feature is constant in the " + data.x().length
                    + " training rows; a mixture needs at least one that varies");
        }
        double[][] x = subset.apply(data.x());
        int maxComponents = request.parameters().getInt("maxComponents");
        boolean diagonal = "diagonal".equals(request.parameters().getString("covariance"));
        long[] classSeeds = Seeds.split(request.seed(), k);
        var mixtures = new MultivariateMixture[k];
        double[] logPrior = new double[k];
        var sizes = new ArrayList<String>(k);
        for (int c = 0; c < k; c++) {
            double[][] rows = rowsOf(x, data.y(), c);
            logPrior[c] = Math.log(rows.length / (double) x.length);
            mixtures[c] = best(rows, maxComponents, diagonal, classSeeds[c]);
            sizes.add(Integer.toString(mixtures[c].size()));
        }
        return SmileClassifier.of(data, rows -> posteriors(mixtures, logPrior, subset.apply(rows)),
                "Gaussian mixtures (" + (diagonal ? "diagonal" : "full") + " covariance) of " + String.join(", ", sizes)
                        + " components for " + k + " classes over " + subset.describe());
    }

    private static double[][] rowsOf(double[][] x, int[] y, int c) {
        var rows = new ArrayList<double[]>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] == c) {
                rows.add(x[i]);
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** The mixture with the highest BIC among those EM could fit, one component always being possible. */
    private static MultivariateMixture best(double[][] rows, int maxComponents, boolean diagonal, long seed) {
        int d = rows[0].length;
        MultivariateMixture best = new MultivariateMixture(new MultivariateMixture.Component(1.0,
                single(rows, diagonal)));
        double bestBic = bic(best, rows);
        long[] seeds = Seeds.split(seed, maxComponents + 1);
        // each component needs a mean and a spread of its own: a handful of rows more than features at least
        for (int m = 2; m <= maxComponents && rows.length >= m * (d + 2); m++) {
            Seeds.seedThisThread(seeds[m]);
            MultivariateMixture candidate;
            try {
                candidate = em(rows, m, diagonal);
            } catch (RuntimeException e) {
                // a component collapsed onto too few rows (a singular covariance): this count does not fit
                continue;
            }
            double bic = bic(candidate, rows);
            if (bic > bestBic) {
                best = candidate;
                bestBic = bic;
            }
        }
        return best;
    }

    /**
     * One Gaussian over the rows of a class, its covariance floored. A feature may be constant within a class while
     * it varies over all rows (an indicator of a nominal level, say), which makes the class's covariance singular; a
     * ridge of a millionth of the average variance on the diagonal keeps such a class fittable, and for such a
     * feature the class then claims a very narrow spread, which is what the training rows say.
     */
    private static MultivariateGaussianDistribution single(double[][] rows, boolean diagonal) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                for (int l = 0; l <= j; l++) {
                    cov[j][l] += (row[j] - mean[j]) * (row[l] - mean[l]) / n;
                }
            }
        }
        double average = 0;
        for (int j = 0; j < d; j++) {
            average += cov[j][j] / d;
        }
        double ridge = Math.max(RIDGE * average, Double.MIN_NORMAL);
        for (int j = 0; j < d; j++) {
            cov[j][j] += ridge;
            for (int l = 0; l < j; l++) {
                cov[l][j] = cov[j][l];
            }
        }
        if (diagonal) {
            double[] variance = new double[d];
            for (int j = 0; j < d; j++) {
                variance[j] = cov[j][j];
            }
            return new MultivariateGaussianDistribution(mean, variance);
        }
        return new MultivariateGaussianDistribution(mean, DenseMatrix.of(cov).withUplo(UPLO.LOWER));
    }

    /**
     * EM from a k-means start. Smile's own {@code MultivariateGaussianMixture.fit(k, x)} starts every component with
     * the covariance of all the rows around k-means++ centres and runs a regularised EM that biases the posteriors;
     * on two well separated clumps it often ends with both components astride them. Here Smile's k-means groups the
     * rows first, each group gives a component its mean, spread and weight, and Smile's plain EM (no
     * regularisation) refines them.
     */
    private static MultivariateMixture em(double[][] rows, int m, boolean diagonal) {
        var clusters = KMeans.fit(rows, m, 100);
        int d = rows[0].length;
        var components = new MultivariateMixture.Component[m];
        for (int j = 0; j < m; j++) {
            var members = new ArrayList<double[]>();
            for (int i = 0; i < rows.length; i++) {
                if (clusters.group(i) == j) {
                    members.add(rows[i]);
                }
            }
            // checked here rather than left to Smile, which logs every failed Cholesky factorisation as an error
            if (members.size() <= d || FeatureSubset.varying(members.toArray(double[][]::new), d).size() < d) {
                throw new IllegalArgumentException("cluster " + j + " of " + m + " is too small or flat to fit");
            }
            var gaussian = MultivariateGaussianDistribution.fit(members.toArray(double[][]::new), diagonal);
            components[j] = new MultivariateMixture.Component(members.size() / (double) rows.length, gaussian);
        }
        return MultivariateExponentialFamilyMixture.fit(rows, components, 0.0, EM_ITERATIONS, EM_TOLERANCE);
    }

    private static double bic(MultivariateMixture mixture, double[][] rows) {
        double logLikelihood = 0;
        for (double[] row : rows) {
            logLikelihood += logDensity(mixture, row);
        }
        return Double.isFinite(logLikelihood)
                ? logLikelihood - 0.5 * mixture.length() * Math.log(rows.length)
                : Double.NEGATIVE_INFINITY;
    }

    /** The log density of a mixture at a row, summed in log space so that far-away rows do not underflow. */
    private static double logDensity(MultivariateMixture mixture, double[] row) {
        var components = mixture.components;
        double[] terms = new double[components.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < components.length; j++) {
            terms[j] = Math.log(components[j].priori()) + components[j].distribution().logp(row);
            max = Math.max(max, terms[j]);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    private static double[][] posteriors(MultivariateMixture[] mixtures, double[] logPrior, double[][] x) {
        return BayesRule.posteriors(x.length, mixtures.length, (i, c) -> logPrior[c] + logDensity(mixtures[c], x[i]));
    }
}
