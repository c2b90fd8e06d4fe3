package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables in and out of the Smile models of the unsupervised goals. These plugins take numeric columns only (the
 * framework encodes nominal ones before they arrive); training rows must be complete, while the rows a density model
 * scores or imputes may have missing cells ({@code NaN}), which the Gaussian models marginalise.
 */
final class UnsupervisedData {
    private UnsupervisedData() {
    }

    /**
     * The complete, numeric training rows.
     *
     * @param table the training table
     * @param plugin the plugin id, for messages
     * @return one array per row
     */
    static double[][] training(Table table, String plugin) {
        requireNonNull(table, "table is null");
        if (table.columnCount() == 0 || table.rowCount() < 2) {
            throw new IllegalArgumentException(plugin + ": needs at least one column and two rows, got "
                    + table.columnCount() + " columns and " + table.rowCount() + " rows");
        }
        double[][] x = rows(table, table.columnCount(), plugin);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(plugin + ": column '" + table.column(j).name() + "', row " + i
                            + " is " + x[i][j] + "; this model is fitted on complete, finite rows (the framework imputes)");
                }
            }
        }
        return x;
    }

    /**
     * Rows to score, checked against the number of columns at fit time; missing cells are {@code NaN}.
     *
     * @param table the rows
     * @param columns the number of columns at fit time
     * @param plugin the plugin id, for messages
     * @return one array per row
     */
    static double[][] rows(Table table, int columns, String plugin) {
        requireNonNull(table, "table is null");
        if (table.columnCount() != columns) {
            throw new IllegalArgumentException(plugin + ": fitted on " + columns + " columns, got "
                    + table.columnCount() + ": " + table.columnNames());
        }
        for (Column column : table.columns()) {
            if (!(column instanceof NumericColumn)) {
                throw new IllegalArgumentException(plugin + ": column '" + column.name() + "' is " + column.kind()
                        + "; this model takes numeric columns only (the framework encodes the others)");
            }
        }
        return table.toMatrix();
    }

    /**
     * Complete rows to score: a missing cell is an error (the framework imputes for these models).
     *
     * @param table the rows
     * @param columns the number of columns at fit time
     * @param plugin the plugin id, for messages
     * @return one array per row
     */
    static double[][] completeRows(Table table, int columns, String plugin) {
        double[][] x = rows(table, columns, plugin);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(plugin + ": column '" + table.column(j).name() + "', row " + i
                            + " is " + x[i][j] + "; this model scores complete, finite rows");
                }
            }
        }
        return x;
    }

    /**
     * A table of the given rows with the columns (names, order) of another.
     *
     * @param like a table with the wanted columns, all numeric
     * @param x the values, one array per row
     * @return the table
     */
    static Table table(Table like, double[][] x) {
        var columns = new ArrayList<NumericColumn>(like.columnCount());
        for (int j = 0; j < like.columnCount(); j++) {
            double[] values = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                values[i] = x[i][j];
            }
            columns.add(NumericColumn.of(like.column(j).name(), values));
        }
        return new Table(like.name(), columns);
    }

    /**
     * A table of drawn rows with the given column names.
     *
     * @param name the table name
     * @param names the column names
     * @param x the values, one array per row
     * @return the table
     */
    static Table table(String name, List<String> names, double[][] x) {
        var columns = new ArrayList<NumericColumn>(names.size());
        for (int j = 0; j < names.size(); j++) {
            double[] values = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                values[i] = x[i][j];
            }
            columns.add(NumericColumn.of(names.get(j), values));
        }
        return new Table(name, columns);
    }
}
