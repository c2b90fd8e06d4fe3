package io.modelscout.plugins.core.unsupervised;

/** Small numeric helpers shared by the in-house unsupervised models. */
final class MixtureMath {
    private MixtureMath() {
    }

    /** The log of a sum of exponentials, shifted by the largest term so that nothing underflows. */
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

    /** The index whose cumulative (normalised) probability first exceeds {@code u} in {@code [0, 1)}. */
    static int pick(double[] weights, double u) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double cumulative = 0;
        for (int k = 0; k < weights.length; k++) {
            cumulative += weights[k] / total;
            if (u < cumulative) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** The mean and variance (divided by n) of the finite values of a column; {@code {0, 0}} when none is. */
    static double[] meanVariance(double[][] x, int j) {
        double sum = 0;
        int n = 0;
        for (double[] row : x) {
            if (!Double.isNaN(row[j])) {
                sum += row[j];
                n++;
            }
        }
        if (n == 0) {
            return new double[] {0, 0};
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] row : x) {
            if (!Double.isNaN(row[j])) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
        }
        return new double[] {mean, squares / n};
    }

    /** A seeded random permutation of {@code 0..n-1}. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        var random = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
