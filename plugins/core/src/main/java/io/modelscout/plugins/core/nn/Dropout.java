package io.modelscout.plugins.core.nn;

import java.util.SplittableRandom;

/** Inverted dropout: in training each value is zeroed with probability {@code rate} and the rest scaled up. */
public final class Dropout implements Layer {
    private final double rate;
    private final int width;
    private double[] mask;

    /**
     * Dropout over rows of the given width.
     *
     * @param rate the probability of dropping a value, in {@code [0, 1)}
     * @param width the row width
     */
    public Dropout(double rate, int width) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
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
        if (random == null || rate == 0) {
            mask = null;
            return x.clone();
        }
        mask = new double[n];
        double keep = 1 / (1 - rate);
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            mask[k] = random.nextDouble() < rate ? 0 : keep;
            y[k] = x[k] * mask[k];
        }
        return y;
    }

    @Override
    public double[] backward(double[] gradOut, int rows, boolean accumulate) {
        return scale(gradOut, rows);
    }

    @Override
    public double[] tangent(double[] adjoint, int rows) {
        return scale(adjoint, rows);
    }

    private double[] scale(double[] g, int rows) {
        if (mask == null) {
            return g.clone();
        }
        int n = rows * width;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = g[k] * mask[k];
        }
        return out;
    }
}
