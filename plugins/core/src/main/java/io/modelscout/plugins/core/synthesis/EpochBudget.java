package io.modelscout.plugins.core.synthesis;

/**
 * Caps the epochs of a network synthesizer by the work they cost, rows times encoded width per epoch, so that a large
 * table trains in bounded time. The cap depends on the data's shape alone, never on the clock, so a seed still gives
 * the same model on any machine.
 */
final class EpochBudget {
    private EpochBudget() {
    }

    /**
     * The epochs to run.
     *
     * @param epochs the epochs asked for
     * @param rows the training rows
     * @param width the encoded row width
     * @param millionCells the budget: at most this many million encoded cells (rows x width) over all epochs
     * @return {@code epochs}, or fewer (at least one) when the budget would be exceeded
     */
    static int epochs(int epochs, int rows, int width, int millionCells) {
        double perEpoch = (double) rows * Math.max(1, width);
        long allowed = (long) Math.ceil(millionCells * 1e6 / perEpoch);
        return (int) Math.max(1, Math.min(epochs, allowed));
    }
}
