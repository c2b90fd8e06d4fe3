package io.modelscout.plugins.core;

/**
 * The proportional-odds model {@code P(y <= k | x) = sigmoid(t_k - w.x)} over {@code K} ordered classes, with its
 * penalised mean negative log-likelihood and gradient.
 *
 * <p>Parameters, in order: the weights {@code w} (one per feature), the first threshold {@code t_0}, then
 * {@code d_1 .. d_(K-2)} with {@code t_k = t_(k-1) + exp(d_k)}, so the thresholds stay ordered whatever values the
 * optimiser tries. Probabilities of a class between two thresholds are computed as
 * {@code sigmoid(a) sigmoid(-b) (1 - exp(b - a))}, which keeps full precision where both cumulative probabilities
 * are close to one or to zero.
 */
final class CumulativeLogit implements Lbfgs.Objective {
    /** A slight pull of the thresholds towards unit gaps, so a level absent from the training rows stays finite. */
    static final double THRESHOLD_PENALTY = 1e-4;

    private final double[][] x;
    private final int[] y;
    private final int classes;
    private final double lambda;

    CumulativeLogit(double[][] x, int[] y, int classes, double lambda) {
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.lambda = lambda;
    }

    /** The number of parameters for {@code p} features and {@code classes} levels. */
    static int size(int p, int classes) {
        return p + classes - 1;
    }

    /** The ordered thresholds {@code t_0 .. t_(K-2)} of a parameter vector. */
    static double[] thresholds(double[] params, int p, int classes) {
        double[] t = new double[classes - 1];
        t[0] = params[p];
        for (int k = 1; k < classes - 1; k++) {
            t[k] = t[k - 1] + Math.exp(params[p + k]);
        }
        return t;
    }

    /** A start point: no effect of the features, thresholds at the smoothed cumulative class frequencies. */
    static double[] start(int[] y, int p, int classes) {
        double[] count = new double[classes];
        for (int c : y) {
            count[c]++;
        }
        double total = y.length + 0.5 * classes;
        double[] params = new double[size(p, classes)];
        double cumulative = 0;
        double previous = 0;
        for (int k = 0; k < classes - 1; k++) {
            cumulative += count[k] + 0.5;
            double q = cumulative / total;
            double t = Math.log(q / (1 - q));
            params[p + k] = k == 0 ? t : Math.log(t - previous);
            previous = t;
        }
        return params;
    }

    @Override
    public double evaluate(double[] params, double[] gradient) {
        int n = x.length;
        int p = x.length == 0 ? 0 : x[0].length;
        double[] t = thresholds(params, p, classes);
        double[] gt = new double[classes - 1];
        java.util.Arrays.fill(gradient, 0);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            double eta = 0;
            for (int j = 0; j < p; j++) {
                eta += params[j] * row[j];
            }
            int c = y[i];
            double ga = 0;
            double gb = 0;
            if (c == 0) {
                double a = t[0] - eta;
                loss -= logSigmoid(a);
                ga = sigmoid(-a);
                gt[0] -= ga;
            } else if (c == classes - 1) {
                double b = t[classes - 2] - eta;
                loss -= logSigmoid(-b);
                gb = -sigmoid(b);
                gt[classes - 2] -= gb;
            } else {
                double a = t[c] - eta;
                double b = t[c - 1] - eta;
                double q = gapFactor(params[p + c]);
                loss -= logSigmoid(a) + logSigmoid(-b) + Math.log(q);
                ga = Math.exp(logSigmoid(-a) - logSigmoid(-b)) / q;
                gb = -Math.exp(logSigmoid(b) - logSigmoid(a)) / q;
                gt[c] -= ga;
                gt[c - 1] -= gb;
            }
            double ge = ga + gb;
            for (int j = 0; j < p; j++) {
                gradient[j] += ge * row[j];
            }
        }
        double value = loss / n;
        for (int j = 0; j < p; j++) {
            gradient[j] = gradient[j] / n + lambda * params[j];
            value += 0.5 * lambda * params[j] * params[j];
        }
        // chain rule from the thresholds to t_0 and the log-gaps
        double tail = 0;
        for (int k = classes - 2; k >= 0; k--) {
            tail += gt[k] / n;
            double theta = params[p + k];
            gradient[p + k] = (k == 0 ? tail : Math.exp(theta) * tail) + THRESHOLD_PENALTY * theta;
            value += 0.5 * THRESHOLD_PENALTY * theta * theta;
        }
        return value;
    }

    /**
     * The class probabilities of one row.
     *
     * @param params fitted parameters
     * @param t the thresholds of {@code params}
     * @param row the standardised features
     * @return a probability per class, summing to one
     */
    static double[] probabilities(double[] params, double[] t, double[] row, int classes) {
        int p = row.length;
        double eta = 0;
        for (int j = 0; j < p; j++) {
            eta += params[j] * row[j];
        }
        double[] out = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            double logP;
            if (c == 0) {
                logP = logSigmoid(t[0] - eta);
            } else if (c == classes - 1) {
                logP = logSigmoid(eta - t[classes - 2]);
            } else {
                logP = logSigmoid(t[c] - eta) + logSigmoid(eta - t[c - 1]) + Math.log(gapFactor(params[p + c]));
            }
            out[c] = Math.exp(logP);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= sum;
        }
        return out;
    }

    /** {@code 1 - exp(-gap)} for the gap {@code exp(logGap)} between two thresholds, kept away from zero. */
    private static double gapFactor(double logGap) {
        return Math.max(-Math.expm1(-Math.exp(logGap)), Double.MIN_NORMAL);
    }

    static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
