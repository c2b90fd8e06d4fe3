package io.modelscout.plugins.core.synth;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * What a synthetic table keeps of the table a synthesizer was fitted on: the table's name, and per column its name,
 * type, levels, whether its values are all integers, its range, whether it is constant, whether it is all missing.
 * Samplers fill one {@code double[]} per column (values, or level codes for categorical columns) and
 * {@link #table(double[][])} turns them into a table of the same schema: integer columns rounded, numeric values
 * clipped to the training range, constant columns set to their constant.
 *
 * @param name the training table's name
 * @param columns one spec per column, in order
 */
public record Schema(String name, List<Spec> columns) {

    /**
     * One column of the schema.
     *
     * @param name the column name
     * @param levels the declared levels of a categorical column; empty for a numeric one
     * @param ordered whether a categorical column is ordinal
     * @param integer whether a numeric column holds only whole numbers
     * @param min the smallest training value of a numeric column (NaN when all missing)
     * @param max the largest training value of a numeric column (NaN when all missing)
     * @param constantCode the one level code of a categorical column that takes a single level, else -1
     * @param allMissing whether the column has no value at all; it is carried through as missing
     */
    public record Spec(String name, List<String> levels, boolean ordered, boolean integer, double min, double max,
                       int constantCode, boolean allMissing) {
        /** Copies the levels. */
        public Spec {
            requireNonNull(name, "name is null");
            levels = List.copyOf(levels);
        }

        /**
         * Whether the column is numeric.
         *
         * @return true for numeric columns
         */
        public boolean numeric() {
            return levels.isEmpty();
        }

        /**
         * Whether every value of the column is the same (or it has none).
         *
         * @return true for a constant or all-missing column
         */
        public boolean constant() {
            return allMissing || (numeric() ? min == max : constantCode >= 0);
        }
    }

    /** Copies the specs. */
    public Schema {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }

    /**
     * The schema of a training table.
     *
     * @param table the table
     * @return its schema
     */
    public static Schema of(Table table) {
        var specs = new ArrayList<Spec>(table.columnCount());
        for (Column column : table.columns()) {
            specs.add(switch (column) {
                case NumericColumn numeric -> numericSpec(numeric);
                case CategoricalColumn categorical -> categoricalSpec(categorical);
            });
        }
        return new Schema(table.name(), specs);
    }

    private static Spec numericSpec(NumericColumn column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integer = true;
        int present = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            present++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            integer &= v == Math.rint(v);
        }
        return present == 0
                ? new Spec(column.name(), List.of(), false, false, Double.NaN, Double.NaN, -1, true)
                : new Spec(column.name(), List.of(), false, integer, min, max, -1, false);
    }

    private static Spec categoricalSpec(CategoricalColumn column) {
        int[] counts = column.counts();
        int seen = 0;
        int only = -1;
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                seen++;
                only = code;
            }
        }
        return new Spec(column.name(), column.levels(), column.ordered(), false, Double.NaN, Double.NaN,
                seen == 1 ? only : -1, seen == 0);
    }

    /**
     * The number of columns.
     *
     * @return the column count
     */
    public int size() {
        return columns.size();
    }

    /**
     * A column's spec.
     *
     * @param index its position
     * @return the spec
     */
    public Spec column(int index) {
        return columns.get(index);
    }

    /**
     * The position of a column.
     *
     * @param column the column name
     * @return its position
     * @throws IllegalArgumentException naming the known columns when there is none of that name
     */
    public int indexOf(String column) {
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).name().equals(column)) {
                return j;
            }
        }
        throw new IllegalArgumentException("no column '" + column + "'; columns: "
                + String.join(", ", columns.stream().map(Spec::name).toList()));
    }

    /**
     * The code of a level of a categorical column, for conditional sampling.
     *
     * @param column the column name
     * @param level the level
     * @return the column's position and the level's code
     * @throws IllegalArgumentException when the column is unknown or numeric, or the level unknown
     */
    public int[] levelOf(String column, String level) {
        requireNonNull(column, "column is null");
        requireNonNull(level, "level is null");
        int j = indexOf(column);
        Spec spec = columns.get(j);
        if (spec.numeric()) {
            throw new IllegalArgumentException("column '" + column + "' is not categorical");
        }
        int code = spec.levels().indexOf(level);
        if (code < 0) {
            throw new IllegalArgumentException("column '" + column + "' has no level '" + level + "'; levels: "
                    + String.join(", ", spec.levels()));
        }
        return new int[] {j, code};
    }

    /**
     * Checks that a training table has no missing cell outside all-missing columns: the framework imputes before
     * fitting a synthesizer, which does not declare that it handles missing data.
     *
     * @param plugin the plugin id, for the message
     * @param table the training table
     * @throws IllegalArgumentException naming the first column with missing cells
     */
    public void requireComplete(String plugin, Table table) {
        for (int j = 0; j < columns.size(); j++) {
            int missing = table.column(j).missingCount();
            if (missing > 0 && !columns.get(j).allMissing()) {
                throw new IllegalArgumentException(plugin + ": column '" + columns.get(j).name() + "' has " + missing
                        + " missing cells; impute them before fitting");
            }
        }
    }

    /**
     * A table of this schema from sampled cells.
     *
     * @param cells one array per column, all of the same length: numeric values, or level codes of categorical
     *     columns; cells of all-missing and constant columns are ignored
     * @return the table, integer columns rounded, numeric values clipped to the training range
     */
    public Table table(double[][] cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " columns, got " + cells.length);
        }
        int rows = cells.length == 0 ? 0 : cells[0].length;
        var out = new ArrayList<Column>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            Spec spec = columns.get(j);
            if (cells[j].length != rows) {
                throw new IllegalArgumentException("column '" + spec.name() + "' has " + cells[j].length
                        + " rows, expected " + rows);
            }
            if (spec.numeric()) {
                double[] values = new double[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = spec.allMissing() ? Double.NaN : clip(spec, cells[j][i]);
                }
                out.add(NumericColumn.of(spec.name(), values));
            } else {
                int[] codes = new int[rows];
                for (int i = 0; i < rows; i++) {
                    codes[i] = spec.allMissing() ? CategoricalColumn.MISSING
                            : spec.constantCode() >= 0 ? spec.constantCode() : (int) cells[j][i];
                }
                out.add(spec.ordered() ? OrdinalColumn.of(spec.name(), spec.levels(), codes)
                        : NominalColumn.of(spec.name(), spec.levels(), codes));
            }
        }
        return new Table(name, out);
    }

    private static double clip(Spec spec, double v) {
        if (spec.min() == spec.max()) {
            return spec.min();
        }
        if (Double.isNaN(v)) {
            throw new IllegalStateException("column '" + spec.name() + "': a sampled value is NaN");
        }
        double x = Math.min(spec.max(), Math.max(spec.min(), v));
        return spec.integer() ? Math.rint(x) : x;
    }
}
