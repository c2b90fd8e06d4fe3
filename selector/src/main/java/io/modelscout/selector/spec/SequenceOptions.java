package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.SequenceTask;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of the goal {@code model-sequences}: the task's {@code sequences} section.
 *
 * @param task label positions, classify sequences or predict the next symbol
 * @param shape how the data file holds its sequences
 * @param id the sequence id column: required for the long shape; for the wide shape an optional column naming each
 *     row, left out of the positions
 * @param order the long shape's column giving each position's place in its sequence; empty for the other shapes
 * @param label the long shape's per-position label column (task label); empty otherwise
 * @param sequenceClass the class column of each sequence (task classify), for the long and wide shapes
 * @param test a fixed test file of the same shape, used instead of cross-validation folds; empty for folds
 * @param continuations for task next, how many held-out sequences the winning model continues (0 to 20)
 * @param prefixLength the positions of a held-out sequence the continuation starts from
 * @param continuationLength how many positions each continuation adds
 */
public record SequenceOptions(SequenceTask task, Shape shape, Optional<String> id, Optional<String> order,
                              Optional<String> label, Optional<String> sequenceClass, Optional<Path> test,
                              int continuations, int prefixLength, int continuationLength) implements GoalOptions {
    /** Continuations when the task names none. */
    public static final int DEFAULT_CONTINUATIONS = 3;
    /** The prefix length when the task names none. */
    public static final int DEFAULT_PREFIX = 20;
    /** The continuation length when the task names none. */
    public static final int DEFAULT_CONTINUATION = 20;

    /** Checks for nulls and ranges. */
    public SequenceOptions {
        requireNonNull(task, "task is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(id, "id is null");
        requireNonNull(order, "order is null");
        requireNonNull(label, "label is null");
        requireNonNull(sequenceClass, "sequenceClass is null");
        requireNonNull(test, "test is null");
        if (continuations < 0 || prefixLength < 1 || continuationLength < 1) {
            throw new IllegalArgumentException("continuations must be at least 0, lengths at least 1");
        }
    }

    /**
     * Options with the defaults: wide shape, no columns named, folds, the default continuations.
     *
     * @param task the task
     */
    public SequenceOptions(SequenceTask task) {
        this(task, Shape.WIDE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_CONTINUATIONS, DEFAULT_PREFIX, DEFAULT_CONTINUATION);
    }

    /** How a data file holds its sequences. */
    public enum Shape {
        /** One row per position: a sequence id column, an order column, feature columns, an optional label. */
        LONG("long"),
        /** One row per sequence, its positions as columns (and an optional class and name column). */
        WIDE("wide"),
        /**
         * The sparse binary feature format: a header line {@code sequences classes features}, then one line per
         * position {@code seqId pos nActive f1..fn label}.
         */
        SPARSE("sparse");

        private final String id;

        Shape(String id) {
            this.id = id;
        }

        /**
         * The name written in task files.
         *
         * @return e.g. {@code long}
         */
        public String id() {
            return id;
        }
    }
}
