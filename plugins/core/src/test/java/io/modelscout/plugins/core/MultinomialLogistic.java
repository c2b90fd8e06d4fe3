package io.modelscout.plugins.core;

import io.modelscout.api.data.Table;

/**
 * Multinomial (softmax) logistic regression with an intercept and a weight vector per class, an L2 penalty on the
 * weights, fitted with the same standardisation and optimiser as the ordinal model: the reference it is compared to.
 */
final class MultinomialLogistic {
    private final Standardiser standardiser;
    private final double[] params;
    private final int classes;
    private final int p;

    private MultinomialLogistic(Standardiser standardiser, double[] params, int classes, int p) {
        this.standardiser = standardiser;
        this.params = params;
        this.classes = classes;
        this.p = p;
    }

    static MultinomialLogistic fit(Table features, int[] y, int classes, double lambda) {
        Standardiser standardiser = Standardiser.fit("test.multinomial", features);
        double[][] x = standardiser.transform(features);
        int p = features.columnCount();
        int n = x.length;
        int stride = p + 1;
        Lbfgs.Objective objective = (w, gradient) -> {
            java.util.Arrays.fill(gradient, 0);
            double loss = 0;
            double[] score = new double[classes];
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    double s = w[k * stride + p];
                    for (int j = 0; j < p; j++) {
                        s += w[k * stride + j] * x[i][j];
                    }
                    score[k] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    sum += Math.exp(score[k] - max);
                }
                double logSum = max + Math.log(sum);
                loss += logSum - score[y[i]];
                for (int k = 0; k < classes; k++) {
                    double residual = Math.exp(score[k] - logSum) - (k == y[i] ? 1 : 0);
                    for (int j = 0; j < p; j++) {
                        gradient[k * stride + j] += residual * x[i][j] / n;
                    }
                    gradient[k * stride + p] += residual / n;
                }
            }
            double value = loss / n;
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < p; j++) {
                    double v = w[k * stride + j];
                    value += 0.5 * lambda * v * v;
                    gradient[k * stride + j] += lambda * v;
                }
                // the same slight pull as the ordinal thresholds get, so an absent class stays finite
                double b = w[k * stride + p];
                value += 0.5 * CumulativeLogit.THRESHOLD_PENALTY * b * b;
                gradient[k * stride + p] += CumulativeLogit.THRESHOLD_PENALTY * b;
            }
            return value;
        };
        var result = Lbfgs.minimise(objective, new double[classes * stride], 2000, 1e-7);
        return new MultinomialLogistic(standardiser, result.x(), classes, p);
    }

    int[] predict(Table features) {
        double[][] x = standardiser.transform(features);
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = params[k * (p + 1) + p];
                for (int j = 0; j < p; j++) {
                    s += params[k * (p + 1) + j] * x[i][j];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }
}
