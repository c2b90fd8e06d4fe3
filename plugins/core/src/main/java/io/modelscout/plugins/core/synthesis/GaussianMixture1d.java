package io.modelscout.plugins.core.synthesis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Gaussian mixture fitted by EM, its number of components chosen by BIC, for mode-specific
 * normalisation. Initialisation is by quantiles, so the fit needs no random draws.
 *
 * @param weights component weights, summing to 1
 * @param means component means
 * @param sds component standard deviations, at least the floor given to {@link #fit}
 */
record GaussianMixture1d(double[] weights, double[] means, double[] sds) {

    private static final int MAX_POINTS = 4000;
    private static final int ITERATIONS = 60;

    /**
     * Fits mixtures of 1 to {@code maxComponents} components and keeps the one of lowest BIC.
     *
     * @param values finite values, at least one
     * @param maxComponents the most components to try
     * @return the mixture
     */
    static GaussianMixture1d fit(double[] values, int maxComponents) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // Every m-th of the sorted values keeps the shape of the distribution at a bounded cost.
        double[] x = sorted;
        if (sorted.length > MAX_POINTS) {
            x = new double[MAX_POINTS];
            for (int i = 0; i < MAX_POINTS; i++) {
                x[i] = sorted[(int) ((i + 0.5) * sorted.length / MAX_POINTS)];
            }
        }
        double range = sorted[sorted.length - 1] - sorted[0];
        double floor = Math.max(range * 1e-3, 1e-9 * Math.max(1, Math.abs(sorted[0])));
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        GaussianMixture1d best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= Math.min(maxComponents, distinct); k++) {
            var fitted = em(x, k, floor);
            double bic = -2 * fitted.logLikelihood(x) + (3 * k - 1) * Math.log(x.length);
            if (bic < bestBic - 1e-9) {
                bestBic = bic;
                best = fitted;
            }
        }
        return best.pruned();
    }

    private static GaussianMixture1d em(double[] x, int k, double floor) {
        int n = x.length;
        double[] w = new double[k];
        double[] mu = new double[k];
        double[] sd = new double[k];
        double overall = sd(x, 0, n);
        for (int c = 0; c < k; c++) {
            int from = (int) ((long) c * n / k);
            int to = (int) ((long) (c + 1) * n / k);
            w[c] = 1.0 / k;
            mu[c] = mean(x, from, to);
            sd[c] = Math.max(k == 1 ? overall : Math.max(sd(x, from, to), overall / k), floor);
        }
        double[] resp = new double[k];
        double[] sw = new double[k];
        double[] sx = new double[k];
        double[] sxx = new double[k];
        for (int it = 0; it < ITERATIONS; it++) {
            Arrays.fill(sw, 0);
            Arrays.fill(sx, 0);
            Arrays.fill(sxx, 0);
            for (double v : x) {
                posterior(v, w, mu, sd, resp);
                for (int c = 0; c < k; c++) {
                    sw[c] += resp[c];
                    sx[c] += resp[c] * v;
                }
            }
            for (int c = 0; c < k; c++) {
                mu[c] = sw[c] > 1e-12 ? sx[c] / sw[c] : mu[c];
            }
            for (double v : x) {
                posterior(v, w, mu, sd, resp);
                for (int c = 0; c < k; c++) {
                    double d = v - mu[c];
                    sxx[c] += resp[c] * d * d;
                }
            }
            for (int c = 0; c < k; c++) {
                w[c] = Math.max(sw[c] / n, 1e-12);
                sd[c] = sw[c] > 1e-12 ? Math.max(Math.sqrt(sxx[c] / sw[c]), floor) : sd[c];
            }
        }
        return new GaussianMixture1d(w, mu, sd);
    }

    /** Components below half a percent of the weight are dropped; they only add modes the networks rarely see. */
    private GaussianMixture1d pruned() {
        int kept = 0;
        for (double w : weights) {
            if (w >= 0.005) {
                kept++;
            }
        }
        if (kept == weights.length) {
            return this;
        }
        double[] w = new double[kept];
        double[] mu = new double[kept];
        double[] sd = new double[kept];
        double total = 0;
        for (int c = 0, j = 0; c < weights.length; c++) {
            if (weights[c] >= 0.005) {
                w[j] = weights[c];
                mu[j] = means[c];
                sd[j] = sds[c];
                total += weights[c];
                j++;
            }
        }
        for (int j = 0; j < kept; j++) {
            w[j] /= total;
        }
        return new GaussianMixture1d(w, mu, sd);
    }

    int components() {
        return weights.length;
    }

    /**
     * Posterior probabilities of the components for a value.
     *
     * @param v the value
     * @param out receives one probability per component
     */
    void posterior(double v, double[] out) {
        posterior(v, weights, means, sds, out);
    }

    /**
     * Draws the component of a value from its posterior.
     *
     * @param v the value
     * @param random the draw
     * @param scratch an array of {@link #components()} values
     * @return the component
     */
    int drawComponent(double v, SplittableRandom random, double[] scratch) {
        posterior(v, scratch);
        double u = random.nextDouble();
        double acc = 0;
        for (int c = 0; c < scratch.length; c++) {
            acc += scratch[c];
            if (u < acc) {
                return c;
            }
        }
        return scratch.length - 1;
    }

    private static void posterior(double v, double[] w, double[] mu, double[] sd, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = (v - mu[c]) / sd[c];
            out[c] = Math.log(w[c]) - Math.log(sd[c]) - 0.5 * z * z;
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < w.length; c++) {
            out[c] /= sum;
        }
    }

    private double logLikelihood(double[] x) {
        double ll = 0;
        for (double v : x) {
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[weights.length];
            for (int c = 0; c < weights.length; c++) {
                double z = (v - means[c]) / sds[c];
                terms[c] = Math.log(weights[c]) - Math.log(sds[c]) - 0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
                max = Math.max(max, terms[c]);
            }
            double sum = 0;
            for (double t : terms) {
                sum += Math.exp(t - max);
            }
            ll += max + Math.log(sum);
        }
        return ll;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / Math.max(1, to - from);
    }

    private static double sd(double[] x, int from, int to) {
        double m = mean(x, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (x[i] - m) * (x[i] - m);
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }
}
