package io.modelscout.plugins.smile;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean silhouette of a clustering (Rousseeuw, 1987): for each row, {@code (b - a) / max(a, b)} where {@code a}
 * is its mean distance to the rest of its cluster and {@code b} the smallest mean distance to another cluster; a row
 * alone in its cluster scores 0. Used to choose a number of clusters; on more than {@link #ROWS} rows it is computed
 * on a seeded subset.
 */
final class Silhouette {
    static final int ROWS = 1000;

    private Silhouette() {
    }

    /** A seeded subset of at most {@link #ROWS} row indices, ascending. */
    static int[] subset(int n, long seed) {
        if (n <= ROWS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        var random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] rows = Arrays.copyOf(order, ROWS);
        Arrays.sort(rows);
        return rows;
    }

    /** The Euclidean distances between the given rows. */
    static double[][] distances(double[][] x) {
        int n = x.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int c = 0; c < x[i].length; c++) {
                    double z = x[i][c] - x[j][c];
                    s += z * z;
                }
                d[i][j] = d[j][i] = Math.sqrt(s);
            }
        }
        return d;
    }

    /**
     * The mean silhouette of labelled rows; noise ({@code -1}) is left out.
     *
     * @param d the distances between the rows
     * @param labels the cluster of each row
     * @param k the number of clusters
     * @return the mean over clustered rows, or NaN when fewer than two clusters hold rows
     */
    static double mean(double[][] d, int[] labels, int k) {
        int n = labels.length;
        int[] sizes = new int[k];
        for (int label : labels) {
            if (label >= 0) {
                sizes[label]++;
            }
        }
        if (Arrays.stream(sizes).filter(s -> s > 0).count() < 2) {
            return Double.NaN;
        }
        double total = 0;
        int counted = 0;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) {
                continue;
            }
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i && labels[j] >= 0) {
                    sums[labels[j]] += d[i][j];
                }
            }
            counted++;
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double max = Math.max(a, b);
            total += max > 0 ? (b - a) / max : 0;
        }
        return counted == 0 ? Double.NaN : total / counted;
    }
}
