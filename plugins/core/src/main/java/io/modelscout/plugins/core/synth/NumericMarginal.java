package io.modelscout.plugins.core.synth;

import io.modelscout.api.data.NumericColumn;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The empirical distribution of a numeric column, smoothed: its inverse CDF interpolates linearly between the
 * sorted training values placed at the plotting positions {@code (i + 1/2) / n}, so a draw falls between two
 * training values rather than on one, and never outside the training range. Tied values keep a flat stretch of the
 * inverse CDF, so a column of a few distinct values keeps them.
 */
public final class NumericMarginal {
    private final double[] sorted;

    private NumericMarginal(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * The marginal of a column's present values.
     *
     * @param column the column
     * @return the marginal; empty when the column has no value
     */
    public static NumericMarginal of(NumericColumn column) {
        return of(column, null);
    }

    /**
     * The marginal of some rows of a column.
     *
     * @param column the column
     * @param rows the rows to use; null for all
     * @return the marginal of their present values
     */
    public static NumericMarginal of(NumericColumn column, int[] rows) {
        int n = rows == null ? column.size() : rows.length;
        double[] values = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            double v = column.value(rows == null ? k : rows[k]);
            if (!Double.isNaN(v)) {
                values[m++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(values, m);
        Arrays.sort(sorted);
        return new NumericMarginal(sorted);
    }

    /**
     * The number of values.
     *
     * @return the count
     */
    public int size() {
        return sorted.length;
    }

    /**
     * The inverse CDF.
     *
     * @param u a probability in {@code [0, 1]}
     * @return the interpolated quantile; NaN when the marginal is empty
     */
    public double quantile(double u) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double p = u * n - 0.5;
        if (p <= 0) {
            return sorted[0];
        }
        if (p >= n - 1) {
            return sorted[n - 1];
        }
        int i = (int) p;
        double w = p - i;
        return sorted[i] + w * (sorted[i + 1] - sorted[i]);
    }

    /**
     * A smoothed draw.
     *
     * @param random the source of randomness
     * @return a value within the training range
     */
    public double draw(SplittableRandom random) {
        return quantile(random.nextDouble());
    }

    /**
     * The share of values strictly below and up to a value: the CDF jumps from the first to the second at it.
     *
     * @param x a value
     * @return {@code {F(x-), F(x)}}
     */
    public double[] cdfStep(double x) {
        int below = lowerBound(x);
        int upTo = upperBound(x);
        return new double[] {below / (double) sorted.length, upTo / (double) sorted.length};
    }

    /**
     * The distributional transform of a value: a uniform draw within its CDF step, so that tied values spread
     * over their share of {@code [0, 1]} instead of piling up on one point. Kept away from 0 and 1 so that normal
     * scores stay finite.
     *
     * @param x a training value
     * @param v a uniform draw in {@code [0, 1)}
     * @return a probability in {@code [1/(2n), 1 - 1/(2n)]}
     */
    public double toUniform(double x, double v) {
        double[] step = cdfStep(x);
        double u = step[0] + v * (step[1] - step[0]);
        double edge = 0.5 / sorted.length;
        return Math.min(1 - edge, Math.max(edge, u));
    }

    private int lowerBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int upperBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
