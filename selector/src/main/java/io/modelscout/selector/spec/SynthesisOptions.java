package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The options of the goal {@code generate}, read from the task's {@code synthesis} section.
 *
 * @param rows how many synthetic rows to write; empty: as many as the data has (the command line's {@code --rows}
 *     replaces it)
 * @param format the file format of the synthetic rows
 * @param priority what the recommendation favours
 * @param condition when present, every written row takes this level of this categorical column
 * @param target the column whose prediction measures utility (train on synthetic, test on real); empty: the task's
 *     {@code data.target}, or no utility measure
 * @param folds how many folds the real rows are split into: each fold is once the held-out test part
 * @param judge plugin ids replacing the bundled defaults of the fixed models, by role: {@code classify} (detection,
 *     and utility for a categorical target) and {@code regress} (utility for a numeric target)
 * @param timeBudgetSeconds when present, replaces the bundled time budget of the neural synthesizers (seconds per fit)
 */
public record SynthesisOptions(Optional<Long> rows, OutputFormat format, Priority priority,
                               Optional<Condition> condition, Optional<String> target, int folds,
                               Map<String, String> judge, Optional<Long> timeBudgetSeconds) implements GoalOptions {
    /** The fewest folds. */
    public static final int MIN_FOLDS = 2;
    /** The most folds. */
    public static final int MAX_FOLDS = 10;
    /** Folds when the task names none: three fits per synthesizer keep GAN and VAE affordable. */
    public static final int DEFAULT_FOLDS = 3;
    /** The most rows one run writes. */
    public static final long MAX_ROWS = 10_000_000L;

    /** Checks the values. */
    public SynthesisOptions {
        requireNonNull(rows, "rows is null");
        rows.ifPresent(r -> {
            if (r < 1 || r > MAX_ROWS) {
                throw new IllegalArgumentException("rows must be between 1 and " + MAX_ROWS + ", got " + r);
            }
        });
        requireNonNull(format, "format is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(condition, "condition is null");
        requireNonNull(target, "target is null");
        if (folds < MIN_FOLDS || folds > MAX_FOLDS) {
            throw new IllegalArgumentException("folds must be between " + MIN_FOLDS + " and " + MAX_FOLDS + ", got "
                    + folds);
        }
        judge = Map.copyOf(judge);
        requireNonNull(timeBudgetSeconds, "timeBudgetSeconds is null");
    }

    /**
     * Defaults: as many rows as the data, CSV, fidelity first, no condition, three folds.
     *
     * @return the options of a task with an empty {@code synthesis} section
     */
    public static SynthesisOptions defaults() {
        return new SynthesisOptions(Optional.empty(), OutputFormat.CSV, Priority.FIDELITY, Optional.empty(),
                Optional.empty(), DEFAULT_FOLDS, Map.of(), Optional.empty());
    }

    /**
     * Generate only rows in which a categorical column takes one level.
     *
     * @param column the column
     * @param level the level
     */
    public record Condition(String column, String level) {
        /** Checks for nulls. */
        public Condition {
            requireNonNull(column, "column is null");
            requireNonNull(level, "level is null");
        }
    }

    /** The file format of the synthetic rows. */
    public enum OutputFormat {
        /** Comma-separated values with a header row; a missing cell is empty. */
        CSV,
        /** Weka's attribute-relation file format with the original declarations; a missing cell is {@code ?}. */
        ARFF;

        /**
         * The name in task files and the file extension.
         *
         * @return {@code csv} or {@code arff}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the recommendation favours among synthesizers that beat the independent-marginals baseline. */
    public enum Priority {
        /** Rows that look like the real ones: column shapes, pair trends, detection. */
        FIDELITY,
        /** Rows a model can learn the task from: train on synthetic, test on real. */
        UTILITY,
        /** Rows far from any real training row. */
        PRIVACY;

        /**
         * The name in task files.
         *
         * @return e.g. {@code fidelity}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
