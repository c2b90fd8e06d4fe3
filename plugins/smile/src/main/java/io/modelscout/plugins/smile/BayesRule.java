package io.modelscout.plugins.smile;

/** Bayes' rule in log space, shared by the generative classifiers that score each class by a log joint density. */
final class BayesRule {
    private BayesRule() {
    }

    /** The log of prior times class density for one row and class. */
    @FunctionalInterface
    interface LogJoint {
        double of(int row, int k);
    }

    /**
     * Posteriors from log joint densities, normalised with the log-sum-exp shift. A row that no class explains at all
     * (every log joint minus infinity or NaN) gets equal probabilities rather than none.
     *
     * @param rows the number of rows
     * @param classes the number of classes
     * @param logJoint the log joint density of a row and a class
     * @return per row, a probability per class summing to one
     */
    static double[][] posteriors(int rows, int classes, LogJoint logJoint) {
        double[][] p = new double[rows][classes];
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                p[i][c] = logJoint.of(i, c);
                if (p[i][c] > max) {
                    max = p[i][c];
                }
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[i][c] = Double.isFinite(max) && !Double.isNaN(p[i][c]) ? Math.exp(p[i][c] - max) : 0.0;
                sum += p[i][c];
            }
            for (int c = 0; c < classes; c++) {
                p[i][c] = sum > 0 ? p[i][c] / sum : 1.0 / classes;
            }
        }
        return p;
    }
}
