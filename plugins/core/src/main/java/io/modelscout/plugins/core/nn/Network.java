package io.modelscout.plugins.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A stack of layers applied in order. */
public final class Network {
    private final List<Layer> layers;

    /**
     * A network of the given layers.
     *
     * @param layers the layers; each one's input width equals the previous one's output width
     */
    public Network(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int k = 1; k < this.layers.size(); k++) {
            if (this.layers.get(k).inputSize() != this.layers.get(k - 1).outputSize()) {
                throw new IllegalArgumentException("layer " + k + " takes " + this.layers.get(k).inputSize()
                        + " inputs but layer " + (k - 1) + " gives " + this.layers.get(k - 1).outputSize());
            }
        }
    }

    /**
     * A multi-layer perceptron: dense layers of the given hidden widths, each followed by an activation (and
     * dropout when {@code dropout > 0}), then a dense output layer without activation.
     *
     * @param in input width
     * @param hidden hidden widths, possibly none
     * @param out output width
     * @param activation the hidden activation
     * @param dropout the dropout rate after each hidden activation; 0 for none
     * @param random the initialisation draws
     * @return the layers, to which a caller may append a head
     */
    public static List<Layer> mlp(int in, int[] hidden, int out, Activation.Kind activation, double dropout,
                                  SplittableRandom random) {
        var layers = new ArrayList<Layer>();
        int width = in;
        for (int h : hidden) {
            layers.add(new Dense(width, h, random));
            layers.add(new Activation(activation, h));
            if (dropout > 0) {
                layers.add(new Dropout(dropout, h));
            }
            width = h;
        }
        layers.add(new Dense(width, out, random));
        return layers;
    }

    /** @return the input width */
    public int inputSize() {
        return layers.getFirst().inputSize();
    }

    /** @return the output width */
    public int outputSize() {
        return layers.getLast().outputSize();
    }

    /**
     * Runs a batch forward.
     *
     * @param x inputs, {@code rows x inputSize()}
     * @param rows the batch size
     * @param random training noise; {@code null} for inference
     * @return the outputs
     */
    public double[] forward(double[] x, int rows, SplittableRandom random) {
        if (x.length != rows * inputSize()) {
            throw new IllegalArgumentException("expected " + rows + " x " + inputSize() + " inputs, got " + x.length);
        }
        double[] h = x;
        for (Layer layer : layers) {
            h = layer.forward(h, rows, random);
        }
        return h;
    }

    /**
     * Back-propagates through the last forward pass, adding to the parameter gradients.
     *
     * @param gradOut d loss / d output
     * @param rows the batch size
     * @return d loss / d input
     */
    public double[] backward(double[] gradOut, int rows) {
        return backward(gradOut, rows, true);
    }

    private double[] backward(double[] gradOut, int rows, boolean accumulate) {
        double[] g = gradOut;
        for (int k = layers.size() - 1; k >= 0; k--) {
            g = layers.get(k).backward(g, rows, accumulate);
        }
        return g;
    }

    /**
     * The gradient of a scalar-output network with respect to its inputs, row by row. The parameter gradients are
     * left alone; the pass is kept for {@link #penaltyBackward}.
     *
     * @param x inputs, {@code rows x inputSize()}
     * @param rows the batch size
     * @param random training noise (dropout masks); {@code null} for inference
     * @return d output_r / d x_r, {@code rows x inputSize()}
     */
    public double[] inputGradient(double[] x, int rows, SplittableRandom random) {
        if (outputSize() != 1) {
            throw new IllegalStateException("input gradients need a scalar output, have " + outputSize());
        }
        forward(x, rows, random);
        double[] ones = new double[rows];
        java.util.Arrays.fill(ones, 1);
        return backward(ones, rows, false);
    }

    /**
     * Adds to the parameter gradients the gradient of a penalty {@code P(g)} on the input gradient {@code g} of
     * the last {@link #inputGradient} call, given {@code dP/dg}. Needs piecewise-linear layers only (dense, ReLU,
     * leaky ReLU, dropout).
     *
     * @param adjoint dP / dg, {@code rows x inputSize()}
     * @param rows the batch size
     */
    public void penaltyBackward(double[] adjoint, int rows) {
        double[] a = adjoint;
        for (Layer layer : layers) {
            a = layer.tangent(a, rows);
        }
    }

    /** @return every trainable parameter, layer by layer */
    public List<Param> params() {
        var params = new ArrayList<Param>();
        for (Layer layer : layers) {
            params.addAll(layer.params());
        }
        return params;
    }

    /** Sets all parameter gradients to zero. */
    public void zeroGrad() {
        for (Param p : params()) {
            p.zeroGrad();
        }
    }

    /** @return the layers in order */
    public List<Layer> layers() {
        return layers;
    }
}
