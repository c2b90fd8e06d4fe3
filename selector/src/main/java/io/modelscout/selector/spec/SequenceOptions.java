package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.SequenceTask;

/**
 * The options of the goal {@code model-sequences}.
 *
 * @param task label positions, classify sequences or predict the next symbol
 */
public record SequenceOptions(SequenceTask task) implements GoalOptions {
    /** Checks for nulls. */
    public SequenceOptions {
        requireNonNull(task, "task is null");
    }
}
