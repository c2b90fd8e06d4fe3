package io.modelscout.plugins.core.nn;

/**
 * A run of columns of an encoded row: one scalar in {@code [-1, 1]} or one one-hot group.
 *
 * @param start the first column
 * @param width the number of columns; 1 for a scalar
 * @param oneHot whether the columns form a one-hot group (softmax) rather than a scalar (tanh)
 */
public record Block(int start, int width, boolean oneHot) {
    /** Checks the block is not empty. */
    public Block {
        if (start < 0 || width < 1 || (!oneHot && width != 1)) {
            throw new IllegalArgumentException("bad block start " + start + " width " + width + " oneHot " + oneHot);
        }
    }

    /** @return the column after the last one */
    public int end() {
        return start + width;
    }
}
