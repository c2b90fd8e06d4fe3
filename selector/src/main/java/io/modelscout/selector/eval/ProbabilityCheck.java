package io.modelscout.selector.eval;

/**
 * The check every evaluator applies to a row of probabilities a plugin returns, so that a model's invalid answer is
 * reported the same way whichever goal asked for it.
 */
public final class ProbabilityCheck {
    /** How far above one a probability may round before it counts as invalid. */
    public static final double ROUNDING = 1e-9;
    /** How far from one a row's sum may be. */
    public static final double SUM_TOLERANCE = 1e-6;

    private ProbabilityCheck() {
    }

    /**
     * What is wrong with one row of probabilities.
     *
     * @param row the probabilities of one row
     * @param levels how many classes or symbols the row must cover
     * @param what what the levels are called in the message, e.g. {@code classes}
     * @return the problem in a few words, or null when the row is valid
     */
    public static String problem(double[] row, int levels, String what) {
        if (row == null || row.length != levels) {
            return "probabilities for " + (row == null ? 0 : row.length) + " " + what + ", expected " + levels;
        }
        double sum = 0;
        for (double v : row) {
            if (!(v >= 0 && v <= 1 + ROUNDING)) {
                return "probability " + v + " outside [0, 1]";
            }
            sum += v;
        }
        return Math.abs(sum - 1.0) > SUM_TOLERANCE ? "probabilities summing to " + sum + ", not one" : null;
    }
}
