package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The options of the goals {@code cluster}, {@code detect-anomalies} and {@code estimate-density}.
 *
 * @param reference a column of known groups or known anomalies, hidden from fitting and used only to validate
 */
public record UnsupervisedOptions(Optional<String> reference) implements GoalOptions {
    /** Checks for nulls. */
    public UnsupervisedOptions {
        requireNonNull(reference, "reference is null");
    }
}
