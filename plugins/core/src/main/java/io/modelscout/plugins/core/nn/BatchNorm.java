package io.modelscout.plugins.core.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Batch normalisation (Ioffe and Szegedy): in training each column is standardised with the batch's mean and
 * variance, then scaled and shifted by learnt parameters; running averages of mean and variance serve inference.
 */
public final class BatchNorm implements Layer {
    private static final double EPSILON = 1e-5;
    private static final double MOMENTUM = 0.1;
    private final int width;
    private final Param scale;
    private final Param shift;
    private final double[] runningMean;
    private final double[] runningVar;
    private double[] normalised;
    private double[] inverseSd;

    /**
     * A layer over rows of the given width, scale 1 and shift 0.
     *
     * @param width the row width
     */
    public BatchNorm(int width) {
        this.width = width;
        this.scale = new Param(width);
        this.shift = new Param(width);
        this.runningMean = new double[width];
        this.runningVar = new double[width];
        java.util.Arrays.fill(scale.value(), 1);
        java.util.Arrays.fill(runningVar, 1);
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
        double[] g = scale.value();
        double[] b = shift.value();
        double[] y = new double[rows * width];
        if (random == null || rows < 2) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < width; j++) {
                    int k = r * width + j;
                    y[k] = g[j] * (x[k] - runningMean[j]) / Math.sqrt(runningVar[j] + EPSILON) + b[j];
                }
            }
            normalised = null;
            return y;
        }
        double[] mean = new double[width];
        double[] var = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                mean[j] += x[r * width + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                double d = x[r * width + j] - mean[j];
                var[j] += d * d;
            }
        }
        inverseSd = new double[width];
        for (int j = 0; j < width; j++) {
            var[j] /= rows;
            inverseSd[j] = 1 / Math.sqrt(var[j] + EPSILON);
            runningMean[j] = (1 - MOMENTUM) * runningMean[j] + MOMENTUM * mean[j];
            runningVar[j] = (1 - MOMENTUM) * runningVar[j] + MOMENTUM * var[j] * rows / (rows - 1);
        }
        normalised = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                int k = r * width + j;
                normalised[k] = (x[k] - mean[j]) * inverseSd[j];
                y[k] = g[j] * normalised[k] + b[j];
            }
        }
        return y;
    }

    @Override
    public double[] backward(double[] gradOut, int rows, boolean accumulate) {
        double[] g = scale.value();
        double[] gradIn = new double[rows * width];
        if (normalised == null) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < width; j++) {
                    gradIn[r * width + j] = gradOut[r * width + j] * g[j] / Math.sqrt(runningVar[j] + EPSILON);
                }
            }
            return gradIn;
        }
        double[] sumG = new double[width];
        double[] sumGx = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                int k = r * width + j;
                sumG[j] += gradOut[k];
                sumGx[j] += gradOut[k] * normalised[k];
            }
        }
        if (accumulate) {
            for (int j = 0; j < width; j++) {
                scale.grad()[j] += sumGx[j];
                shift.grad()[j] += sumG[j];
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                int k = r * width + j;
                gradIn[k] = g[j] * inverseSd[j] * (gradOut[k] - sumG[j] / rows - normalised[k] * sumGx[j] / rows);
            }
        }
        return gradIn;
    }

    @Override
    public double[] tangent(double[] adjoint, int rows) {
        throw new UnsupportedOperationException("batch normalisation couples the rows of a batch");
    }

    @Override
    public List<Param> params() {
        return List.of(scale, shift);
    }
}
