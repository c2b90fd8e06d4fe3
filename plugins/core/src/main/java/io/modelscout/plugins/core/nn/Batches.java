package io.modelscout.plugins.core.nn;

import java.util.SplittableRandom;

/** Helpers for mini-batches over row-major data. */
public final class Batches {
    private Batches() {
    }

    /**
     * A uniformly random order of {@code 0 .. n-1} (Fisher-Yates).
     *
     * @param n the count
     * @param random the draws
     * @return the permutation
     */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Copies chosen rows into a new batch.
     *
     * @param data the rows, {@code n x width}
     * @param width the row width
     * @param rows the row indices
     * @param from first index into {@code rows}
     * @param count how many rows
     * @return {@code count x width}
     */
    public static double[] gather(double[] data, int width, int[] rows, int from, int count) {
        double[] out = new double[count * width];
        for (int r = 0; r < count; r++) {
            System.arraycopy(data, rows[from + r] * width, out, r * width, width);
        }
        return out;
    }

    /**
     * Standard normal draws.
     *
     * @param n how many
     * @param random the draws
     * @return the values
     */
    public static double[] gaussian(int n, SplittableRandom random) {
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = gaussian(random);
        }
        return z;
    }

    /**
     * One standard normal draw by the Box-Muller transform, so the sequence depends on the seed alone.
     *
     * @param random the draws
     * @return the value
     */
    public static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Joins two row-major blocks side by side.
     *
     * @param a left rows, {@code rows x wa}
     * @param wa left width
     * @param b right rows, {@code rows x wb}
     * @param wb right width
     * @param rows the row count
     * @return {@code rows x (wa + wb)}
     */
    public static double[] concat(double[] a, int wa, double[] b, int wb, int rows) {
        int w = wa + wb;
        double[] out = new double[rows * w];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, r * wa, out, r * w, wa);
            System.arraycopy(b, r * wb, out, r * w + wa, wb);
        }
        return out;
    }
}
