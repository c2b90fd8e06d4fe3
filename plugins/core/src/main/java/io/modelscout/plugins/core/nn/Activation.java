package io.modelscout.plugins.core.nn;

import java.util.SplittableRandom;

/** An element-wise activation: ReLU, leaky ReLU, tanh or the logistic sigmoid. */
public final class Activation implements Layer {

    /** The function applied to each value. */
    public enum Kind {
        /** {@code max(0, z)}. */
        RELU,
        /** {@code z} for positive {@code z}, else {@code 0.2 z}. */
        LEAKY_RELU,
        /** The hyperbolic tangent. */
        TANH,
        /** {@code 1 / (1 + exp(-z))}. */
        SIGMOID
    }

    /** The negative slope of {@link Kind#LEAKY_RELU}, as in the usual GAN critics. */
    public static final double LEAK = 0.2;

    private final Kind kind;
    private final int width;
    private double[] lastInput;
    private double[] lastOutput;

    /**
     * An activation over rows of the given width.
     *
     * @param kind the function
     * @param width the row width
     */
    public Activation(Kind kind, int width) {
        this.kind = java.util.Objects.requireNonNull(kind, "kind is null");
        this.width = width;
    }

    @Override
    public int inputSize() {
        return width;
    }

    @Override
    public int outputSize() {
        return width;
    }

    @Override
    public double[] forward(double[] x, int rows, SplittableRandom random) {
        int n = rows * width;
        double[] y = new double[n];
        switch (kind) {
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    y[k] = x[k] > 0 ? x[k] : 0;
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    y[k] = x[k] > 0 ? x[k] : LEAK * x[k];
                }
            }
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    y[k] = Math.tanh(x[k]);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    y[k] = 1 / (1 + Math.exp(-x[k]));
                }
            }
        }
        lastInput = x;
        lastOutput = y;
        return y;
    }

    @Override
    public double[] backward(double[] gradOut, int rows, boolean accumulate) {
        int n = rows * width;
        double[] g = new double[n];
        double[] x = lastInput;
        double[] y = lastOutput;
        switch (kind) {
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    g[k] = x[k] > 0 ? gradOut[k] : 0;
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    g[k] = x[k] > 0 ? gradOut[k] : LEAK * gradOut[k];
                }
            }
            case TANH -> {
                for (int k = 0; k < n; k++) {
                    g[k] = gradOut[k] * (1 - y[k] * y[k]);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    g[k] = gradOut[k] * y[k] * (1 - y[k]);
                }
            }
        }
        return g;
    }

    @Override
    public double[] tangent(double[] adjoint, int rows) {
        int n = rows * width;
        double[] x = lastInput;
        double[] next = new double[n];
        switch (kind) {
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    next[k] = x[k] > 0 ? adjoint[k] : 0;
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    next[k] = x[k] > 0 ? adjoint[k] : LEAK * adjoint[k];
                }
            }
            default -> throw new UnsupportedOperationException(kind + " is not piecewise linear");
        }
        return next;
    }
}
