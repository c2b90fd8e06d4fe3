package io.modelscout.plugins.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A block whose output is its inner layers' output followed by its own input ({@code [f(x), x]}), as in CTGAN's
 * generator: later layers see the noise and the condition directly.
 */
public final class Residual implements Layer {
    private final List<Layer> inner;
    private final int in;
    private final int hidden;

    /**
     * A block of the given inner layers.
     *
     * @param inner layers applied in order to the input
     */
    public Residual(List<Layer> inner) {
        this.inner = List.copyOf(inner);
        this.in = this.inner.getFirst().inputSize();
        this.hidden = this.inner.getLast().outputSize();
    }

    /**
     * CTGAN's block: dense, batch normalisation, ReLU, then the input appended.
     *
     * @param in input width
     * @param width the dense layer's width
     * @param random the initialisation draws
     * @return the block, of output width {@code width + in}
     */
    public static Residual denseBatchNormRelu(int in, int width, SplittableRandom random) {
        return new Residual(List.of(new Dense(in, width, random), new BatchNorm(width),
                new Activation(Activation.Kind.RELU, width)));
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return hidden + in;
    }

    @Override
    public double[] forward(double[] x, int rows, SplittableRandom random) {
        double[] h = x;
        for (Layer layer : inner) {
            h = layer.forward(h, rows, random);
        }
        return Batches.concat(h, hidden, x, in, rows);
    }

    @Override
    public double[] backward(double[] gradOut, int rows, boolean accumulate) {
        int w = hidden + in;
        double[] g = new double[rows * hidden];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(gradOut, r * w, g, r * hidden, hidden);
        }
        for (int k = inner.size() - 1; k >= 0; k--) {
            g = inner.get(k).backward(g, rows, accumulate);
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) {
                g[r * in + i] += gradOut[r * w + hidden + i];
            }
        }
        return g;
    }

    @Override
    public double[] tangent(double[] adjoint, int rows) {
        throw new UnsupportedOperationException("residual blocks serve generators, not penalised critics");
    }

    @Override
    public List<Param> params() {
        var params = new ArrayList<Param>();
        for (Layer layer : inner) {
            params.addAll(layer.params());
        }
        return params;
    }
}
