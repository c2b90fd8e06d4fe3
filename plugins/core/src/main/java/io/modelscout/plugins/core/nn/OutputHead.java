package io.modelscout.plugins.core.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The output layer of a tabular generator: tanh on scalar blocks, softmax with a temperature on one-hot blocks.
 * In training (a random source given) the softmax is a Gumbel-softmax: Gumbel noise is added to the logits, so a
 * block is a differentiable, nearly one-hot sample.
 */
public final class OutputHead implements Layer {
    private final List<Block> blocks;
    private final int width;
    private final double temperature;
    private double[] lastOutput;

    /**
     * A head over the given blocks.
     *
     * @param blocks the blocks, covering {@code [0, width)} without gaps
     * @param width the row width
     * @param temperature the softmax temperature, e.g. 0.2
     */
    public OutputHead(List<Block> blocks, int width, double temperature) {
        this.blocks = List.copyOf(blocks);
        this.width = width;
        this.temperature = temperature;
        int at = 0;
        for (Block b : this.blocks) {
            if (b.start() != at) {
                throw new IllegalArgumentException("blocks leave a gap at column " + at);
            }
            at = b.end();
        }
        if (at != width) {
            throw new IllegalArgumentException("blocks cover " + at + " of " + width + " columns");
        }
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
        double[] y = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (Block b : blocks) {
                if (!b.oneHot()) {
                    y[o + b.start()] = Math.tanh(x[o + b.start()]);
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = b.start(); k < b.end(); k++) {
                    double logit = x[o + k];
                    if (random != null) {
                        logit += gumbel(random);
                    }
                    y[o + k] = logit / temperature;
                    max = Math.max(max, y[o + k]);
                }
                double sum = 0;
                for (int k = b.start(); k < b.end(); k++) {
                    y[o + k] = Math.exp(y[o + k] - max);
                    sum += y[o + k];
                }
                for (int k = b.start(); k < b.end(); k++) {
                    y[o + k] /= sum;
                }
            }
        }
        lastOutput = y;
        return y;
    }

    /**
     * A standard Gumbel draw.
     *
     * @param random the source
     * @return {@code -log(-log(u))}
     */
    static double gumbel(SplittableRandom random) {
        double u = random.nextDouble();
        return -Math.log(-Math.log(u + 1e-20) + 1e-20);
    }

    @Override
    public double[] backward(double[] gradOut, int rows, boolean accumulate) {
        double[] y = lastOutput;
        double[] g = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (Block b : blocks) {
                if (!b.oneHot()) {
                    double t = y[o + b.start()];
                    g[o + b.start()] = gradOut[o + b.start()] * (1 - t * t);
                    continue;
                }
                double dot = 0;
                for (int k = b.start(); k < b.end(); k++) {
                    dot += gradOut[o + k] * y[o + k];
                }
                for (int k = b.start(); k < b.end(); k++) {
                    g[o + k] = y[o + k] * (gradOut[o + k] - dot) / temperature;
                }
            }
        }
        return g;
    }

    @Override
    public double[] tangent(double[] adjoint, int rows) {
        throw new UnsupportedOperationException("tanh and softmax are not piecewise linear");
    }
}
