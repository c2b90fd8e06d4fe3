package io.modelscout.plugins.core.nn;

import java.util.List;
import java.util.SplittableRandom;

/** A fully connected layer {@code y = x W + b}, the weights stored {@code in x out} row-major. */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Param weights;
    private final Param bias;
    private double[] lastInput;
    private double[] lastGradOut;
    private double[] transpose;

    /**
     * A layer initialised like PyTorch's {@code Linear}: weights and biases uniform in {@code +-1/sqrt(in)}.
     *
     * @param in input width
     * @param out output width
     * @param random the initialisation draws
     */
    public Dense(int in, int out, SplittableRandom random) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("dense layer needs positive widths, got " + in + " x " + out);
        }
        this.in = in;
        this.out = out;
        this.weights = new Param(in * out);
        this.bias = new Param(out);
        double bound = 1 / Math.sqrt(in);
        double[] w = weights.value();
        for (int k = 0; k < w.length; k++) {
            w[k] = (2 * random.nextDouble() - 1) * bound;
        }
        double[] b = bias.value();
        for (int k = 0; k < b.length; k++) {
            b[k] = (2 * random.nextDouble() - 1) * bound;
        }
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    /** @return the weights, {@code in x out} row-major */
    public Param weights() {
        return weights;
    }

    /** @return the biases */
    public Param bias() {
        return bias;
    }

    @Override
    public double[] forward(double[] x, int rows, SplittableRandom random) {
        lastInput = x;
        double[] w = weights.value();
        double[] b = bias.value();
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            int yo = r * out;
            System.arraycopy(b, 0, y, yo, out);
            int xo = r * in;
            for (int i = 0; i < in; i++) {
                double xi = x[xo + i];
                if (xi == 0) {
                    continue;
                }
                int wo = i * out;
                for (int o = 0; o < out; o++) {
                    y[yo + o] += xi * w[wo + o];
                }
            }
        }
        return y;
    }

    @Override
    public double[] backward(double[] gradOut, int rows, boolean accumulate) {
        // Through the transpose, the inner loop runs over contiguous memory without a reduction, which the JIT
        // vectorises; a dot product per input would not be.
        double[] wt = transposed();
        double[] gradIn = new double[rows * in];
        for (int r = 0; r < rows; r++) {
            int go = r * out;
            int gi = r * in;
            for (int o = 0; o < out; o++) {
                double g = gradOut[go + o];
                if (g == 0) {
                    continue;
                }
                int to = o * in;
                for (int i = 0; i < in; i++) {
                    gradIn[gi + i] += g * wt[to + i];
                }
            }
        }
        if (accumulate) {
            double[] gw = weights.grad();
            double[] gb = bias.grad();
            double[] x = lastInput;
            for (int r = 0; r < rows; r++) {
                int go = r * out;
                int xo = r * in;
                for (int o = 0; o < out; o++) {
                    gb[o] += gradOut[go + o];
                }
                for (int i = 0; i < in; i++) {
                    double xi = x[xo + i];
                    if (xi == 0) {
                        continue;
                    }
                    int wo = i * out;
                    for (int o = 0; o < out; o++) {
                        gw[wo + o] += xi * gradOut[go + o];
                    }
                }
            }
        } else {
            lastGradOut = gradOut;
        }
        return gradIn;
    }

    private double[] transposed() {
        double[] w = weights.value();
        if (transpose == null) {
            transpose = new double[in * out];
        }
        for (int i = 0; i < in; i++) {
            int wo = i * out;
            for (int o = 0; o < out; o++) {
                transpose[o * in + i] = w[wo + o];
            }
        }
        return transpose;
    }

    @Override
    public double[] tangent(double[] adjoint, int rows) {
        if (lastGradOut == null) {
            throw new IllegalStateException("tangent needs a preceding backward pass without accumulation");
        }
        double[] w = weights.value();
        double[] gw = weights.grad();
        double[] next = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            int ao = r * in;
            int no = r * out;
            for (int i = 0; i < in; i++) {
                double a = adjoint[ao + i];
                if (a == 0) {
                    continue;
                }
                int wo = i * out;
                for (int o = 0; o < out; o++) {
                    next[no + o] += a * w[wo + o];
                    gw[wo + o] += a * lastGradOut[no + o];
                }
            }
        }
        lastGradOut = null;
        return next;
    }

    @Override
    public List<Param> params() {
        return List.of(weights, bias);
    }
}
