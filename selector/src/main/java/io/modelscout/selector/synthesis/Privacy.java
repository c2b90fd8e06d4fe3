package io.modelscout.selector.synthesis;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.Arrays;

/**
 * How near synthetic rows come to the real rows a synthesizer was fitted on. The distance between two rows is the
 * Euclidean distance over numeric cells standardised with the training rows' mean and standard deviation, plus 1 for
 * each categorical cell that differs (a cell missing on one side only differs by 1, missing on both by 0).
 */
public final class Privacy {
    private final Table training;
    private final double[] mean;
    private final double[] scale;
    private final double[][] numeric;
    private final int[][] codes;

    /**
     * Indexes the training rows.
     *
     * @param training the rows the synthesizer saw
     */
    public Privacy(Table training) {
        this.training = training;
        int p = training.columnCount();
        mean = new double[p];
        scale = new double[p];
        numeric = new double[p][];
        codes = new int[p][];
        for (int j = 0; j < p; j++) {
            switch (training.column(j)) {
                case NumericColumn c -> {
                    double[] values = c.toArray();
                    double sum = 0;
                    int n = 0;
                    for (double v : values) {
                        if (!Double.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                    double m = n == 0 ? 0 : sum / n;
                    double ss = 0;
                    for (double v : values) {
                        if (!Double.isNaN(v)) {
                            ss += (v - m) * (v - m);
                        }
                    }
                    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
                    mean[j] = m;
                    scale[j] = sd > 0 ? sd : 1;
                    numeric[j] = standardise(values, m, scale[j]);
                }
                case CategoricalColumn c -> codes[j] = c.toCodes();
            }
        }
    }

    private static double[] standardise(double[] values, double mean, double scale) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - mean) / scale;
        }
        return out;
    }

    /**
     * The distance from each row to its closest training row.
     *
     * @param rows rows with the training rows' schema
     * @return one distance per row; 0 for an exact copy
     */
    public double[] closest(Table rows) {
        int p = training.columnCount();
        double[][] x = new double[p][];
        int[][] k = new int[p][];
        for (int j = 0; j < p; j++) {
            switch (rows.column(j)) {
                case NumericColumn c -> x[j] = standardise(c.toArray(), mean[j], scale[j]);
                case CategoricalColumn c -> k[j] = c.toCodes();
            }
        }
        int n = rows.rowCount();
        int m = training.rowCount();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < m && best > 0; t++) {
                double d = 0;
                for (int j = 0; j < p && d < best; j++) {
                    if (x[j] != null) {
                        double a = x[j][i];
                        double b = numeric[j][t];
                        boolean ma = Double.isNaN(a);
                        boolean mb = Double.isNaN(b);
                        d += ma || mb ? (ma == mb ? 0 : 1) : (a - b) * (a - b);
                    } else if (k[j][i] != codes[j][t]) {
                        d += 1;
                    }
                }
                best = Math.min(best, d);
            }
            out[i] = Math.sqrt(best);
        }
        return out;
    }

    /**
     * The share of rows that equal a training row in every cell.
     *
     * @param distances distances from {@link #closest(Table)}
     * @return 0 to 1
     */
    public static double copyRate(double[] distances) {
        long copies = Arrays.stream(distances).filter(d -> d == 0).count();
        return distances.length == 0 ? 0 : copies / (double) distances.length;
    }

    /**
     * The median distance of synthetic rows to the training rows over that of real held-out rows: about 1 when the
     * synthetic rows are as far from the training rows as new real rows are, far below 1 when they hug the training
     * rows. Means are used when a median is 0 (many exact repeats in the data).
     *
     * @param synthetic distances of synthetic rows
     * @param holdout distances of real rows the synthesizer never saw
     * @return the ratio; 1 when both are 0
     */
    public static double dcrRatio(double[] synthetic, double[] holdout) {
        double s = median(synthetic);
        double h = median(holdout);
        if (h == 0) {
            s = Arrays.stream(synthetic).average().orElse(0);
            h = Arrays.stream(holdout).average().orElse(0);
        }
        if (h == 0) {
            return s == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return s / h;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
