package io.modelscout.selector.data;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the data looks like: size, column types, missing cells, class balance. Rules read it as facts.
 *
 * @param name the table's name
 * @param rows the number of rows
 * @param columns one profile per column, target included, in table order
 * @param target the target's profile, when the task has a target
 * @param missingCells missing cells over the feature columns
 * @param missingRate {@code missingCells} over the number of feature cells
 * @param rowsWithMissing rows with at least one missing feature cell
 */
public record DataProfile(String name, int rows, List<ColumnProfile> columns, Optional<TargetProfile> target,
                          long missingCells, double missingRate, int rowsWithMissing) {
    /** Copies the list and checks for nulls. */
    public DataProfile {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(target, "target is null");
    }

    /**
     * The number of feature columns (all but the target).
     *
     * @return the feature count
     */
    public int featureCount() {
        return (int) columns.stream().filter(c -> !c.target()).count();
    }

    /**
     * The number of nominal or ordinal feature columns.
     *
     * @return the count
     */
    public int categoricalFeatureCount() {
        return (int) columns.stream().filter(c -> !c.target() && !c.kind().equals("numeric")).count();
    }

    /**
     * One column's profile.
     *
     * @param name the column name
     * @param kind {@code numeric}, {@code nominal} or {@code ordinal}
     * @param target whether it is the task's target
     * @param missing missing cells
     * @param levels declared levels of a categorical column; 0 for numeric
     * @param distinct distinct values present
     * @param mean mean of a numeric column over present cells; NaN otherwise
     * @param sd standard deviation of a numeric column; NaN otherwise
     * @param min smallest value of a numeric column; NaN otherwise
     * @param max largest value of a numeric column; NaN otherwise
     */
    public record ColumnProfile(String name, String kind, boolean target, int missing, int levels, int distinct,
                                double mean, double sd, double min, double max) {
        /** Checks for nulls. */
        public ColumnProfile {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /**
     * The target's profile.
     *
     * @param name the target column
     * @param kind {@code numeric}, {@code nominal} or {@code ordinal}
     * @param classes per declared class (in level order), its name and count; empty for a numeric target
     * @param presentClasses classes that occur at least once
     * @param minorityShare share of the rarest present class; NaN for a numeric target
     * @param imbalanceRatio count of the commonest class over count of the rarest present class; NaN for numeric
     */
    public record TargetProfile(String name, String kind, List<ClassCount> classes, int presentClasses,
                                double minorityShare, double imbalanceRatio) {
        /** Copies the list and checks for nulls. */
        public TargetProfile {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            classes = List.copyOf(classes);
        }
    }

    /**
     * How often one class occurs.
     *
     * @param label the class
     * @param count rows with that class
     */
    public record ClassCount(String label, int count) {
        /** Checks for nulls. */
        public ClassCount {
            requireNonNull(label, "label is null");
        }
    }
}
