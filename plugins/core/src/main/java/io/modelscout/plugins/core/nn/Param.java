package io.modelscout.plugins.core.nn;

/** A trainable array of a layer with the gradient accumulated for it. */
public final class Param {
    private final double[] value;
    private final double[] grad;

    /**
     * A parameter of the given size, all zero.
     *
     * @param size number of values
     */
    public Param(int size) {
        this.value = new double[size];
        this.grad = new double[size];
    }

    /** @return the values, shared: the optimiser updates them in place */
    public double[] value() {
        return value;
    }

    /** @return the accumulated gradient, shared */
    public double[] grad() {
        return grad;
    }

    /** Sets the accumulated gradient to zero. */
    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0);
    }
}
