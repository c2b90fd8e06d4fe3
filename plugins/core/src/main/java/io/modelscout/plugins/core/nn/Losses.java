package io.modelscout.plugins.core.nn;

/**
 * Losses over a batch with their gradients. Each returns the loss and adds {@code scale} times its gradient into
 * the given gradient array, so several terms can share one back-propagation.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Squared error {@code scale * sum (p - t)^2}.
     *
     * @param prediction predictions
     * @param target targets, same length
     * @param grad receives {@code scale * 2 (p - t)}
     * @param scale weight of the term, e.g. {@code 1 / n} for a mean over rows
     * @return the weighted loss
     */
    public static double squaredError(double[] prediction, double[] target, double[] grad, double scale) {
        double loss = 0;
        for (int k = 0; k < prediction.length; k++) {
            double d = prediction[k] - target[k];
            loss += d * d;
            grad[k] += scale * 2 * d;
        }
        return scale * loss;
    }

    /**
     * Cross-entropy of a softmax over one block of logits against a one-hot (or soft) target in the same block of
     * another array: {@code -scale * sum_r sum_k t_rk log softmax(l_r)_k}.
     *
     * @param logits logits, {@code rows x width}
     * @param target targets, {@code rows x targetWidth}; the block is read at {@code targetStart}
     * @param rows the batch size
     * @param width row width of {@code logits} and {@code grad}
     * @param start first column of the block in {@code logits}
     * @param size block width
     * @param targetWidth row width of {@code target}
     * @param targetStart first column of the block in {@code target}
     * @param grad receives the gradient with respect to the logits
     * @param scale weight of the term
     * @return the weighted loss
     */
    public static double softmaxCrossEntropy(double[] logits, double[] target, int rows, int width, int start,
                                             int size, int targetWidth, int targetStart, double[] grad,
                                             double scale) {
        double loss = 0;
        double[] p = new double[size];
        for (int r = 0; r < rows; r++) {
            int o = r * width + start;
            int t = r * targetWidth + targetStart;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                max = Math.max(max, logits[o + k]);
            }
            double sum = 0;
            for (int k = 0; k < size; k++) {
                p[k] = Math.exp(logits[o + k] - max);
                sum += p[k];
            }
            double logSum = Math.log(sum) + max;
            double mass = 0;
            for (int k = 0; k < size; k++) {
                double tk = target[t + k];
                mass += tk;
                if (tk != 0) {
                    loss -= tk * (logits[o + k] - logSum);
                }
            }
            for (int k = 0; k < size; k++) {
                grad[o + k] += scale * (mass * p[k] / sum - target[t + k]);
            }
        }
        return scale * loss;
    }

    /**
     * Gaussian negative log-likelihood without its constant, for targets {@code x} with means {@code mu} and a
     * standard deviation {@code sigma} per column: {@code scale * sum ((x - mu)^2 / (2 sigma^2) + log sigma)}.
     *
     * @param mu means, {@code rows x width}
     * @param x targets, same shape
     * @param sigma one standard deviation per column, positive
     * @param rows the batch size
     * @param width row width
     * @param gradMu receives the gradient with respect to {@code mu}
     * @param gradSigma receives the gradient with respect to {@code sigma}
     * @param scale weight of the term
     * @return the weighted loss
     */
    public static double gaussianNll(double[] mu, double[] x, double[] sigma, int rows, int width, double[] gradMu,
                                     double[] gradSigma, double scale) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int k = 0; k < width; k++) {
                double s = sigma[k];
                double d = x[o + k] - mu[o + k];
                loss += d * d / (2 * s * s) + Math.log(s);
                gradMu[o + k] -= scale * d / (s * s);
                gradSigma[k] += scale * (1 / s - d * d / (s * s * s));
            }
        }
        return scale * loss;
    }

    /**
     * Kullback-Leibler divergence of diagonal Gaussians {@code N(mu, exp(logVar))} from the standard normal,
     * {@code scale * sum -0.5 (1 + logVar - mu^2 - exp(logVar))}.
     *
     * @param mu means
     * @param logVar log variances, same length
     * @param gradMu receives the gradient with respect to {@code mu}
     * @param gradLogVar receives the gradient with respect to {@code logVar}
     * @param scale weight of the term
     * @return the weighted divergence
     */
    public static double klStandardNormal(double[] mu, double[] logVar, double[] gradMu, double[] gradLogVar,
                                          double scale) {
        double loss = 0;
        for (int k = 0; k < mu.length; k++) {
            double e = Math.exp(logVar[k]);
            loss += -0.5 * (1 + logVar[k] - mu[k] * mu[k] - e);
            gradMu[k] += scale * mu[k];
            gradLogVar[k] += scale * 0.5 * (e - 1);
        }
        return scale * loss;
    }

    /**
     * Throws when a loss is not finite, naming the model, the epoch and the loss.
     *
     * @param model the model's name for the message
     * @param epoch the epoch, counted from 1
     * @param name the loss's name
     * @param value the loss
     * @throws ArithmeticException when {@code value} is NaN or infinite
     */
    public static void requireFinite(String model, int epoch, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException(model + " diverged at epoch " + epoch + ": " + name + " loss is " + value);
        }
    }
}
