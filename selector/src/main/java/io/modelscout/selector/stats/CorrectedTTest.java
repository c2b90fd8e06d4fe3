package io.modelscout.selector.stats;

import java.util.List;

/**
 * The corrected resampled t-test of Nadeau and Bengio (2003) for two models scored on the same splits of repeated
 * k-fold cross-validation. The folds share training rows, so their differences are correlated and the plain paired
 * t-test claims differences that are not there; the correction inflates the variance by the test/train size ratio:
 * {@code t = mean(d) / sqrt((1/n + nTest/nTrain) * var(d))}, with {@code n - 1} degrees of freedom, where {@code d}
 * are the per-split differences and {@code var} the sample variance.
 */
public final class CorrectedTTest {
    private CorrectedTTest() {
    }

    /**
     * The outcome of one comparison.
     *
     * @param meanDifference the mean of a minus b over the splits
     * @param t the corrected statistic; 0 when the two are identical on every split, infinite when they differ by the
     *          same amount on every split
     * @param degreesOfFreedom n - 1
     * @param p the two-sided p-value
     */
    public record Result(double meanDifference, double t, int degreesOfFreedom, double p) {
        /**
         * Whether the difference is significant at a level.
         *
         * @param alpha the level, e.g. 0.05
         * @return true when p is below alpha
         */
        public boolean significant(double alpha) {
            return p < alpha;
        }
    }

    /**
     * Compares two models' scores on the same splits.
     *
     * @param a the first model's score per split
     * @param b the second model's score per split, in the same split order
     * @param testTrainRatio test rows over training rows of one split, e.g. 1/(k-1) for k-fold
     * @return the comparison
     * @throws IllegalArgumentException when the lists differ in length, have fewer than two splits or hold non-finite
     *                                  values
     */
    public static Result compare(List<Double> a, List<Double> b, double testTrainRatio) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("the two score lists differ in length: " + a.size() + " and " + b.size());
        }
        int n = a.size();
        if (n < 2) {
            throw new IllegalArgumentException("the test needs at least 2 splits, got " + n);
        }
        if (!(testTrainRatio > 0) || Double.isInfinite(testTrainRatio)) {
            throw new IllegalArgumentException("test/train ratio must be positive, got " + testTrainRatio);
        }
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a.get(i) - b.get(i);
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("split " + i + " has a non-finite score");
            }
            mean += d[i];
        }
        mean /= n;
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double variance = ss / (n - 1);
        int df = n - 1;
        // Rounding noise in scores equal up to the last bits should read as equal, not as a perfect difference.
        double scale = 1e-12 * Math.max(1, Math.abs(mean));
        if (variance <= scale * scale) {
            if (Math.abs(mean) <= scale) {
                return new Result(mean, 0, df, 1);
            }
            return new Result(mean, Math.copySign(Double.POSITIVE_INFINITY, mean), df, 0);
        }
        double t = mean / Math.sqrt((1.0 / n + testTrainRatio) * variance);
        return new Result(mean, t, df, SpecialFunctions.studentTwoSided(t, df));
    }
}
