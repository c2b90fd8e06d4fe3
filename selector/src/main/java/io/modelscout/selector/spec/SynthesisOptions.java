package io.modelscout.selector.spec;

/**
 * The options of the goal {@code generate}.
 *
 * @param rows how many synthetic rows to write
 */
public record SynthesisOptions(int rows) implements GoalOptions {
    /** Checks the row count. */
    public SynthesisOptions {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
    }
}
