package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The options of the goals {@code cluster}, {@code detect-anomalies} and {@code estimate-density}.
 *
 * @param reference a column of known groups or known anomalies, hidden from fitting and used only to validate
 * @param anomalyLevel the reference level that marks an anomaly (detect-anomalies); empty for the rarer level
 * @param queries joint-probability queries (estimate-density), each a parsed condition over columns
 * @param impute whether to compare imputations on masked cells and write the completed table (estimate-density)
 * @param maskShare the share of known cells of held-out rows masked to score imputations, in (0, 0.5]
 * @param top how many of the most anomalous rows the report lists (detect-anomalies)
 */
public record UnsupervisedOptions(Optional<String> reference, Optional<String> anomalyLevel, List<Query> queries,
                                  boolean impute, double maskShare, int top) implements GoalOptions {
    /** The share of known cells masked when the task does not say. */
    public static final double DEFAULT_MASK_SHARE = 0.10;
    /** How many anomalous rows are listed when the task does not say. */
    public static final int DEFAULT_TOP = 20;

    /** Checks for nulls and ranges. */
    public UnsupervisedOptions {
        requireNonNull(reference, "reference is null");
        requireNonNull(anomalyLevel, "anomalyLevel is null");
        queries = List.copyOf(queries);
        if (!(maskShare > 0 && maskShare <= 0.5)) {
            throw new IllegalArgumentException("maskShare must be in (0, 0.5], got " + maskShare);
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
    }

    /**
     * Options with a reference column only.
     *
     * @param reference the reference column, or empty
     */
    public UnsupervisedOptions(Optional<String> reference) {
        this(reference, Optional.empty(), List.of(), false, DEFAULT_MASK_SHARE, DEFAULT_TOP);
    }
}
