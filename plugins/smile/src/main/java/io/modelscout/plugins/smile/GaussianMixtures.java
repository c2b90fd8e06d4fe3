package io.modelscout.plugins.smile;

import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.plugins.smile.ConditionalGaussians.Gaussian;
import io.modelscout.plugins.smile.ConditionalGaussians.Mixture;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.TreeMap;
import smile.clustering.KMeans;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;
import smile.tensor.DenseMatrix;

/**
 * Fits Gaussian mixtures with Smile and chooses their number of components, for the plugins of the unsupervised
 * goals.
 *
 * <p>Each fit with {@code k >= 2} components starts from Smile's k-means (seeded on the calling thread): each cluster
 * gives a component its mean, covariance and weight, and Smile's EM for exponential-family mixtures (the engine of
 * {@code MultivariateGaussianMixture}, run here without its regularisation, which biases the posteriors) refines them.
 * Smile's own {@code MultivariateGaussianMixture.fit(k, x)} starts every component with the covariance of all rows,
 * which on well separated groups often ends with components astride them. The best of a few seeded restarts (by
 * training log-likelihood) is kept. A count EM cannot fit (a component collapses onto too few rows) is skipped. Counts
 * are tried upwards, and the search stops once the criterion has been worse than its best on two counts in a row.
 *
 * <p>Singular covariances are guarded against: a ridge of a millionth of each column's overall variance is added to
 * the diagonal of every fitted covariance, so that held-out rows off a flat stretch of the training rows still get a
 * finite density.
 */
final class GaussianMixtures {
    static final double RIDGE = 1e-6;
    private static final int EM_ITERATIONS = 500;
    private static final double EM_TOLERANCE = 1e-6;
    private static final double HOLDOUT_SHARE = 0.25;

    private GaussianMixtures() {
    }

    /**
     * A fitted mixture and how its count was chosen.
     *
     * @param mixture the mixture
     * @param choice the criterion by count
     * @param description a phrase for the summary
     */
    record Choice(Mixture mixture, CountChoice choice, String description) {
    }

    /** One Gaussian over all rows (maximum likelihood, ridge added). */
    static Mixture single(double[][] x, boolean diagonal, double[] columnVariance) {
        double[] mean = ConditionalGaussians.mean(x);
        double[][] cov = ConditionalGaussians.covariance(x, mean);
        if (diagonal) {
            diagonalOnly(cov);
        }
        ConditionalGaussians.ridge(cov, columnVariance, RIDGE);
        return Mixture.single(Gaussian.of(mean, cov));
    }

    /**
     * The largest count worth trying on {@code n} rows of {@code d} columns: each component needs a mean and a spread
     * of its own, a handful of rows more than its parameters per column at least.
     */
    static int feasible(int n, int d, boolean diagonal, int maxComponents) {
        int perComponent = diagonal ? 5 : d + 2;
        return Math.max(1, Math.min(maxComponents, n / perComponent));
    }

    /** The number of free parameters of a mixture. */
    static int parameters(int k, int d, boolean diagonal) {
        return (k - 1) + k * d + k * (diagonal ? d : d * (d + 1) / 2);
    }

    static double logLikelihood(Mixture mixture, double[][] x) {
        double sum = 0;
        for (double[] row : x) {
            sum += mixture.logDensity(row);
        }
        return sum;
    }

    /**
     * The mixture of {@code k} components with the highest training likelihood over a few seeded restarts.
     *
     * @return the mixture, or null when EM could fit none
     */
    static Mixture fit(double[][] x, int k, boolean diagonal, int restarts, long seed, double[] columnVariance) {
        if (k == 1) {
            return single(x, diagonal, columnVariance);
        }
        long[] seeds = Seeds.split(seed ^ (31L * k), restarts);
        Mixture best = null;
        double bestLogLikelihood = Double.NEGATIVE_INFINITY;
        for (long s : seeds) {
            Mixture candidate = em(x, k, diagonal, s, columnVariance);
            if (candidate == null) {
                continue;
            }
            double ll = logLikelihood(candidate, x);
            if (ll > bestLogLikelihood) {
                best = candidate;
                bestLogLikelihood = ll;
            }
        }
        return best;
    }

    /** The count with the lowest BIC, {@code -2 log L + p log n}, from 1 to {@code maxComponents}. */
    static Choice byBic(double[][] x, int maxComponents, boolean diagonal, int restarts, long seed) {
        int n = x.length;
        int d = x[0].length;
        double[] variance = ConditionalGaussians.columnVariance(x);
        int top = feasible(n, d, diagonal, maxComponents);
        var values = new TreeMap<Integer, Double>();
        Mixture best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= top; k++) {
            Mixture mixture = fit(x, k, diagonal, restarts, seed, variance);
            if (mixture == null) {
                continue;
            }
            double bic = -2 * logLikelihood(mixture, x) + parameters(k, d, diagonal) * Math.log(n);
            if (!Double.isFinite(bic)) {
                continue;
            }
            values.put(k, bic);
            if (bic < bestBic) {
                best = mixture;
                bestBic = bic;
            } else if (worseTwice(values, k, bestBic, false)) {
                break;
            }
        }
        return new Choice(best, new CountChoice("BIC", false, values),
                "chosen by BIC among 1 to " + top + " components");
    }

    /**
     * The count with the highest mean log-likelihood on a seeded quarter of the rows held out from fitting, refitted
     * on all rows.
     */
    static Choice byHoldout(double[][] x, int maxComponents, boolean diagonal, int restarts, long seed) {
        int n = x.length;
        int d = x[0].length;
        int[] order = shuffled(n, seed);
        int held = Math.max(1, (int) Math.round(n * HOLDOUT_SHARE));
        double[][] inner = new double[n - held][];
        double[][] outer = new double[held][];
        for (int i = 0; i < n; i++) {
            if (i < held) {
                outer[i] = x[order[i]];
            } else {
                inner[i - held] = x[order[i]];
            }
        }
        double[] innerVariance = ConditionalGaussians.columnVariance(inner);
        int top = feasible(inner.length, d, diagonal, maxComponents);
        var values = new TreeMap<Integer, Double>();
        int bestK = 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= top; k++) {
            Mixture mixture = fit(inner, k, diagonal, restarts, seed, innerVariance);
            if (mixture == null) {
                continue;
            }
            double score = logLikelihood(mixture, outer) / held;
            if (!Double.isFinite(score)) {
                continue;
            }
            values.put(k, score);
            if (score > bestScore) {
                bestK = k;
                bestScore = score;
            } else if (worseTwice(values, k, bestScore, true)) {
                break;
            }
        }
        double[] variance = ConditionalGaussians.columnVariance(x);
        Mixture chosen = null;
        for (int k = bestK; k >= 1 && chosen == null; k--) {
            chosen = fit(x, k, diagonal, restarts, seed, variance);
        }
        return new Choice(chosen, new CountChoice("held-out log-likelihood per row", true, values),
                "chosen by the log-likelihood of " + held + " held-out rows among 1 to " + top + " components");
    }

    /**
     * Whether the criterion at {@code k} and at {@code k - 1} are both worse than the best so far: past its optimum the
     * criterion rarely recovers (more components only add parameters), so the search stops there and spares the
     * costliest fits.
     */
    private static boolean worseTwice(TreeMap<Integer, Double> values, int k, double best, boolean higherIsBetter) {
        Double previous = values.get(k - 1);
        return previous != null && (higherIsBetter ? previous < best : previous > best);
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        var random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** One EM run from a seeded k-means start; null when a component cannot be fitted. */
    private static Mixture em(double[][] x, int k, boolean diagonal, long seed, double[] columnVariance) {
        int d = x[0].length;
        Seeds.seedThisThread(seed);
        var clusters = KMeans.fit(x, k, 100);
        var start = new MultivariateMixture.Component[k];
        for (int j = 0; j < k; j++) {
            var members = new ArrayList<double[]>();
            for (int i = 0; i < x.length; i++) {
                if (clusters.group(i) == j) {
                    members.add(x[i]);
                }
            }
            // checked here rather than left to Smile, which logs every failed Cholesky factorisation as an error
            if (members.size() < (diagonal ? 2 : d + 1)) {
                return null;
            }
            double[][] rows = members.toArray(double[][]::new);
            double[] mean = ConditionalGaussians.mean(rows);
            double[][] cov = ConditionalGaussians.covariance(rows, mean);
            ConditionalGaussians.ridge(cov, columnVariance, RIDGE);
            MultivariateGaussianDistribution gaussian;
            if (diagonal) {
                double[] variance = new double[d];
                for (int l = 0; l < d; l++) {
                    variance[l] = cov[l][l];
                }
                gaussian = new MultivariateGaussianDistribution(mean, variance);
            } else {
                if (ConditionalGaussians.cholesky(cov) == null) {
                    return null;
                }
                gaussian = new MultivariateGaussianDistribution(mean, DenseMatrix.of(cov));
            }
            start[j] = new MultivariateMixture.Component(rows.length / (double) x.length, gaussian);
        }
        MultivariateMixture fitted;
        try {
            fitted = MultivariateExponentialFamilyMixture.fit(x, start, 0.0, EM_ITERATIONS, EM_TOLERANCE);
        } catch (RuntimeException e) {
            // a component collapsed during EM (a singular covariance): this count does not fit these rows
            return null;
        }
        double[] weights = new double[k];
        var components = new Gaussian[k];
        for (int j = 0; j < k; j++) {
            var component = fitted.components[j];
            if (!(component.priori() > 0) || !(component.distribution() instanceof MultivariateGaussianDistribution g)) {
                return null;
            }
            weights[j] = component.priori();
            double[] mean = g.mean();
            var sigma = g.cov();
            double[][] cov = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] = diagonal && a != b ? 0.0 : sigma.get(a, b);
                }
            }
            ConditionalGaussians.ridge(cov, columnVariance, RIDGE);
            try {
                components[j] = Gaussian.of(mean, cov);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int j = 0; j < k; j++) {
            weights[j] /= total;
        }
        return new Mixture(weights, components);
    }

    private static void diagonalOnly(double[][] cov) {
        for (int a = 0; a < cov.length; a++) {
            for (int b = 0; b < cov.length; b++) {
                if (a != b) {
                    cov[a][b] = 0.0;
                }
            }
        }
    }
}
