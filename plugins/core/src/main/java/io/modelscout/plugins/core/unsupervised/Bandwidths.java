package io.modelscout.plugins.core.unsupervised;

import java.util.Arrays;

/**
 * Bandwidths of product Gaussian kernels: the normal-reference rules, and a multiple of them chosen by leave-one-out
 * likelihood.
 */
final class Bandwidths {
    /** Multiples of Scott's bandwidths tried by leave-one-out likelihood, spaced evenly on a log scale. */
    static final double[] MULTIPLES = multiples(0.05, 3.0, 24);
    /** Rows scored in the leave-one-out likelihood at most; larger data are scored on a seeded subset. */
    static final int LOO_ROWS = 1500;

    private Bandwidths() {
    }

    private static double[] multiples(double from, double to, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = from * Math.pow(to / from, i / (count - 1.0));
        }
        return out;
    }

    /**
     * The spread of each column for the rules: the smaller of the standard deviation and the interquartile range over
     * 1.349 (robust to heavy tails and outliers), the standard deviation alone when the quartiles coincide, and a
     * tiny positive value for a constant column.
     */
    static double[] spread(double[][] x) {
        int d = x[0].length;
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            double[] mv = MixtureMath.meanVariance(x, j);
            double sd = Math.sqrt(mv[1]);
            int col = j;
            double[] sorted = Arrays.stream(x).mapToDouble(row -> row[col]).sorted().toArray();
            double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
            double s = iqr > 0 ? Math.min(sd, iqr / 1.349) : sd;
            out[j] = s > 0 ? s : 1e-6 * (1 + Math.abs(mv[0]));
        }
        return out;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /**
     * Scott's rule, {@code h_j = s_j n^(-1/(d+4))}, or Silverman's, which multiplies it by
     * {@code (4/(d+2))^(1/(d+4))}; both are optimal for normal data.
     */
    static double[] rule(double[][] x, boolean silverman) {
        int n = x.length;
        int d = x[0].length;
        double factor = Math.pow(n, -1.0 / (d + 4));
        if (silverman) {
            factor *= Math.pow(4.0 / (d + 2), 1.0 / (d + 4));
        }
        double[] h = spread(x);
        for (int j = 0; j < d; j++) {
            h[j] *= factor;
        }
        return h;
    }

    /**
     * The mean leave-one-out log-likelihood of some rows: each scored by the kernels of all the other rows.
     *
     * @param x the training rows
     * @param h the bandwidths
     * @param scored the rows to score
     * @return the mean
     */
    static double leaveOneOut(double[][] x, double[] h, int[] scored) {
        double logOthers = Math.log(x.length - 1);
        double sum = 0;
        for (int i : scored) {
            sum += MixtureMath.logSumExp(KernelDensity.logKernels(x, h, x[i], i)) - logOthers;
        }
        return sum / scored.length;
    }

    /** The rows scored by leave-one-out: all, or a seeded subset of {@link #LOO_ROWS}. */
    static int[] scoredRows(int n, long seed) {
        int[] order = MixtureMath.permutation(n, seed);
        int[] rows = Arrays.copyOf(order, Math.min(n, LOO_ROWS));
        Arrays.sort(rows);
        return rows;
    }
}
