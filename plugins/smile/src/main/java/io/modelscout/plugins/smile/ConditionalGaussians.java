package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Gaussian arithmetic shared by the single Gaussian and the Gaussian mixtures: log-densities with missing cells
 * marginalised out, the conditional distribution of the missing cells given the known ones, imputation by the
 * posterior-weighted conditional mean, and draws. Smile fits the parameters; the arithmetic on them is here so that
 * one row may have any pattern of missing cells (Smile's distributions take complete rows only).
 *
 * <p>A missing cell is {@code NaN}. For a Gaussian {@code N(mu, S)} and a row split into known cells {@code o} and
 * missing cells {@code m}, the known cells are distributed {@code N(mu_o, S_oo)} (marginalising needs no integral),
 * and the missing cells given the known ones {@code N(mu_m + S_mo S_oo^-1 (x_o - mu_o), S_mm - S_mo S_oo^-1 S_om)}.
 * In a mixture the component weights given the known cells are the posteriors under the marginals, so the
 * conditional mean of the mixture is the posterior-weighted average of the components' conditional means, and a draw
 * picks a component by its posterior, then draws from its conditional Gaussian.
 */
final class ConditionalGaussians {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private ConditionalGaussians() {
    }

    /**
     * One multivariate normal distribution, its covariance factored once.
     *
     * @param mean the mean
     * @param cov the covariance, symmetric positive definite
     * @param chol its lower Cholesky factor
     * @param logDet the log-determinant of the covariance
     */
    record Gaussian(double[] mean, double[][] cov, double[][] chol, double logDet) {
        Gaussian {
            requireNonNull(mean, "mean is null");
            requireNonNull(cov, "cov is null");
        }

        /**
         * A Gaussian from a mean and a covariance.
         *
         * @throws IllegalArgumentException when the covariance is not positive definite
         */
        static Gaussian of(double[] mean, double[][] cov) {
            double[][] chol = cholesky(cov);
            if (chol == null) {
                throw new IllegalArgumentException("covariance is not positive definite");
            }
            return new Gaussian(mean.clone(), copy(cov), chol, logDeterminant(chol));
        }

        int dimension() {
            return mean.length;
        }

        /** The log-density of the known cells of a row, the missing ones marginalised out; 0 when none is known. */
        double logMarginal(double[] x) {
            int[] known = known(x);
            if (known.length == 0) {
                return 0.0;
            }
            if (known.length == mean.length) {
                return logDensity(x, mean, chol, logDet);
            }
            double[][] sub = sub(cov, known, known);
            double[][] subChol = cholesky(sub);
            if (subChol == null) {
                return Double.NEGATIVE_INFINITY;
            }
            return logDensity(pick(x, known), pick(mean, known), subChol, logDeterminant(subChol));
        }

        /** The squared Mahalanobis distance of the known cells of a row from their mean. */
        double mahalanobis(double[] x) {
            int[] known = known(x);
            if (known.length == mean.length) {
                double[] z = forward(chol, difference(x, mean));
                return dot(z, z);
            }
            if (known.length == 0) {
                return 0.0;
            }
            double[][] subChol = cholesky(sub(cov, known, known));
            if (subChol == null) {
                return Double.POSITIVE_INFINITY;
            }
            double[] z = forward(subChol, difference(pick(x, known), pick(mean, known)));
            return dot(z, z);
        }

        /**
         * The distribution of the missing cells of a row given its known cells.
         *
         * @param x a row, missing cells NaN
         * @return the conditional mean and the Cholesky factor of the conditional covariance of the missing cells, in
         *     column order; empty arrays when no cell is missing
         */
        Conditional conditional(double[] x) {
            int[] missing = missing(x);
            int[] known = known(x);
            if (missing.length == 0) {
                return new Conditional(missing, new double[0], new double[0][0]);
            }
            if (known.length == 0) {
                return new Conditional(missing, mean.clone(), chol);
            }
            double[][] soo = sub(cov, known, known);
            double[][] lo = cholesky(soo);
            if (lo == null) {
                throw new IllegalStateException("the covariance of the known cells is singular");
            }
            double[][] smo = sub(cov, missing, known);
            double[] residual = difference(pick(x, known), pick(mean, known));
            double[] alpha = solve(lo, residual);
            double[] conditionalMean = new double[missing.length];
            for (int a = 0; a < missing.length; a++) {
                conditionalMean[a] = mean[missing[a]] + dot(smo[a], alpha);
            }
            // S_mm - S_mo S_oo^-1 S_om = S_mm - V^T V with V = L_oo^-1 S_om
            double[][] v = new double[missing.length][];
            for (int a = 0; a < missing.length; a++) {
                v[a] = forward(lo, smo[a]);
            }
            double[][] conditionalCov = sub(cov, missing, missing);
            for (int a = 0; a < missing.length; a++) {
                for (int b = 0; b < missing.length; b++) {
                    conditionalCov[a][b] -= dot(v[a], v[b]);
                }
            }
            double[][] factor = cholesky(conditionalCov);
            if (factor == null) {
                // rounding left the conditional covariance on the edge of singularity: draw from its diagonal
                factor = new double[missing.length][missing.length];
                for (int a = 0; a < missing.length; a++) {
                    factor[a][a] = Math.sqrt(Math.max(conditionalCov[a][a], 0.0));
                }
            }
            return new Conditional(missing, conditionalMean, factor);
        }

        /** One draw from the whole distribution. */
        double[] draw(SplittableRandom random) {
            double[] z = new double[mean.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = random.nextGaussian();
            }
            double[] x = mean.clone();
            for (int j = 0; j < x.length; j++) {
                for (int l = 0; l <= j; l++) {
                    x[j] += chol[j][l] * z[l];
                }
            }
            return x;
        }
    }

    /**
     * The conditional distribution of the missing cells of one row.
     *
     * @param missing the indices of the missing cells
     * @param mean their conditional mean
     * @param chol the lower Cholesky factor of their conditional covariance
     */
    record Conditional(int[] missing, double[] mean, double[][] chol) {
        /** One draw of the missing cells. */
        double[] draw(SplittableRandom random) {
            double[] z = new double[mean.length];
            for (int a = 0; a < z.length; a++) {
                z[a] = random.nextGaussian();
            }
            double[] out = mean.clone();
            for (int a = 0; a < out.length; a++) {
                for (int b = 0; b <= a; b++) {
                    out[a] += chol[a][b] * z[b];
                }
            }
            return out;
        }
    }

    /**
     * A mixture of Gaussians over the same columns.
     *
     * @param weights the component weights, positive, summing to one
     * @param components the components
     */
    record Mixture(double[] weights, Gaussian[] components) {
        Mixture {
            requireNonNull(weights, "weights is null");
            requireNonNull(components, "components is null");
            if (weights.length != components.length || weights.length == 0) {
                throw new IllegalArgumentException(weights.length + " weights for " + components.length + " components");
            }
        }

        static Mixture single(Gaussian gaussian) {
            return new Mixture(new double[] {1.0}, new Gaussian[] {gaussian});
        }

        int size() {
            return components.length;
        }

        int dimension() {
            return components[0].dimension();
        }

        /** The log-density of the known cells of a row, summed over components in log space. */
        double logDensity(double[] x) {
            double[] terms = logJoint(x);
            return logSumExp(terms);
        }

        /** The posterior probability of each component given the known cells of a row. */
        double[] posterior(double[] x) {
            double[] terms = logJoint(x);
            double total = logSumExp(terms);
            double[] p = new double[terms.length];
            if (!Double.isFinite(total)) {
                // no component explains the row at all: fall back to the weights
                return weights.clone();
            }
            for (int k = 0; k < p.length; k++) {
                p[k] = Math.exp(terms[k] - total);
            }
            return p;
        }

        /** The most probable component of a row. */
        int assign(double[] x) {
            double[] terms = logJoint(x);
            int best = 0;
            for (int k = 1; k < terms.length; k++) {
                if (terms[k] > terms[best]) {
                    best = k;
                }
            }
            return best;
        }

        /** The row with each missing cell replaced by its conditional mean under the mixture. */
        double[] impute(double[] x) {
            if (known(x).length == x.length) {
                return x.clone();
            }
            double[] p = posterior(x);
            double[] out = x.clone();
            int[] missing = missing(x);
            for (int a : missing) {
                out[a] = 0.0;
            }
            for (int k = 0; k < components.length; k++) {
                if (p[k] == 0.0) {
                    continue;
                }
                Conditional conditional = components[k].conditional(x);
                for (int a = 0; a < missing.length; a++) {
                    out[missing[a]] += p[k] * conditional.mean()[a];
                }
            }
            return out;
        }

        /** The row with its missing cells drawn from their conditional distribution under the mixture. */
        double[] imputeDraw(double[] x, SplittableRandom random) {
            if (known(x).length == x.length) {
                return x.clone();
            }
            int k = pick(posterior(x), random.nextDouble());
            Conditional conditional = components[k].conditional(x);
            double[] values = conditional.draw(random);
            double[] out = x.clone();
            for (int a = 0; a < values.length; a++) {
                out[conditional.missing()[a]] = values[a];
            }
            return out;
        }

        /** One row drawn from the mixture. */
        double[] draw(SplittableRandom random) {
            return components[pick(weights, random.nextDouble())].draw(random);
        }

        private double[] logJoint(double[] x) {
            double[] terms = new double[components.length];
            for (int k = 0; k < terms.length; k++) {
                terms[k] = Math.log(weights[k]) + components[k].logMarginal(x);
            }
            return terms;
        }
    }

    /** The index whose cumulative probability first exceeds {@code u}. */
    static int pick(double[] probabilities, double u) {
        double total = 0;
        for (double p : probabilities) {
            total += p;
        }
        double cumulative = 0;
        for (int k = 0; k < probabilities.length; k++) {
            cumulative += probabilities[k] / total;
            if (u < cumulative) {
                return k;
            }
        }
        return probabilities.length - 1;
    }

    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        if (!Double.isFinite(max)) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Adds a ridge to the diagonal of a covariance so that it can be factored: a share of each column's variance over
     * the whole data (not of the component's own, which may be zero when a component sits on a flat stretch).
     *
     * @param cov the covariance, changed in place
     * @param columnVariance the variance of each column over all training rows
     * @param share the share, e.g. {@code 1e-6}
     */
    static void ridge(double[][] cov, double[] columnVariance, double share) {
        for (int j = 0; j < cov.length; j++) {
            cov[j][j] += Math.max(share * columnVariance[j], 1e-12);
        }
    }

    /** The variance of each column of complete rows (divided by n). */
    static double[] columnVariance(double[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] variance = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        return variance;
    }

    /** The mean and covariance (divided by n) of complete rows. */
    static double[][] covariance(double[][] x, double[] mean) {
        int d = mean.length;
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double dj = row[j] - mean[j];
                for (int l = 0; l <= j; l++) {
                    cov[j][l] += dj * (row[l] - mean[l]) / x.length;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < j; l++) {
                cov[l][j] = cov[j][l];
            }
        }
        return cov;
    }

    static double[] mean(double[][] x) {
        double[] mean = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        return mean;
    }

    private static double logDensity(double[] x, double[] mean, double[][] chol, double logDet) {
        double[] z = forward(chol, difference(x, mean));
        return -0.5 * (x.length * LOG_2PI + logDet + dot(z, z));
    }

    /** The lower Cholesky factor, or null when the matrix is not positive definite. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return null;
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    private static double logDeterminant(double[][] chol) {
        double sum = 0;
        for (int j = 0; j < chol.length; j++) {
            sum += Math.log(chol[j][j]);
        }
        return 2 * sum;
    }

    /** Solves {@code L z = b}. */
    private static double[] forward(double[][] l, double[] b) {
        double[] z = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }

    /** Solves {@code L L^T x = b}. */
    private static double[] solve(double[][] l, double[] b) {
        double[] z = forward(l, b);
        double[] x = new double[b.length];
        for (int i = b.length - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < b.length; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    static int[] known(double[] x) {
        return indices(x, false);
    }

    static int[] missing(double[] x) {
        return indices(x, true);
    }

    private static int[] indices(double[] x, boolean missing) {
        int[] out = new int[x.length];
        int n = 0;
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j]) == missing) {
                out[n++] = j;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double[][] sub(double[][] a, int[] rows, int[] cols) {
        double[][] out = new double[rows.length][cols.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                out[r][c] = a[rows[r]][cols[c]];
            }
        }
        return out;
    }

    private static double[] pick(double[] x, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = x[indices[i]];
        }
        return out;
    }

    private static double[] difference(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
