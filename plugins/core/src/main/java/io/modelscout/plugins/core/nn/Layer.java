package io.modelscout.plugins.core.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One step of a feed-forward network over a batch. A layer caches what its last {@link #forward} needs for the
 * following {@link #backward}; a layer instance therefore serves one batch at a time.
 */
public interface Layer {

    /** @return the width of one input row */
    int inputSize();

    /** @return the width of one output row */
    int outputSize();

    /**
     * Computes the outputs of a batch.
     *
     * @param x inputs, {@code rows x inputSize()} row-major
     * @param rows the batch size
     * @param random the source of training noise (dropout masks, Gumbel noise); {@code null} for inference
     * @return the outputs, {@code rows x outputSize()}
     */
    double[] forward(double[] x, int rows, SplittableRandom random);

    /**
     * Back-propagates the gradient of a loss through the last forward pass.
     *
     * @param gradOut d loss / d output, {@code rows x outputSize()}
     * @param rows the batch size
     * @param accumulate whether to add the parameter gradients to {@link Param#grad()}; when false the layer keeps
     *     {@code gradOut} for a following {@link #tangent} pass instead
     * @return d loss / d input
     */
    double[] backward(double[] gradOut, int rows, boolean accumulate);

    /**
     * For a penalty {@code P(g)} on the input gradient {@code g} of the last {@code backward(.., false)} pass:
     * carries the adjoint {@code a = dP/d(gradIn)} from the input side to the output side ({@code a} times this
     * layer's Jacobian, biases left out) and adds {@code dP/d(parameters)} to the parameter gradients. Exact for
     * piecewise-linear layers, whose second derivative is zero almost everywhere.
     *
     * @param adjoint dP / d(gradIn of this layer), {@code rows x inputSize()}
     * @param rows the batch size
     * @return dP / d(gradOut of this layer), {@code rows x outputSize()}
     * @throws UnsupportedOperationException for layers with curvature (tanh, sigmoid, softmax)
     */
    double[] tangent(double[] adjoint, int rows);

    /** @return the trainable parameters; empty for parameter-free layers */
    default List<Param> params() {
        return List.of();
    }
}
