package io.modelscout.plugins.core.unsupervised;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a model was fitted on, and the rows of a table split into numeric values ({@code NaN} when missing)
 * and categorical codes ({@link CategoricalColumn#MISSING} when missing), in column order within each kind.
 *
 * @param names the column names in table order
 * @param numeric for each column, whether it is numeric
 * @param levels for each categorical column, its number of declared levels; 0 for a numeric column
 * @param template the training table's columns (no rows needed), to rebuild columns of the same kind and levels
 */
record Columns(List<String> names, boolean[] numeric, int[] levels, List<Column> template) {
    Columns {
        names = List.copyOf(names);
        template = List.copyOf(template);
    }

    /**
     * The layout of a training table.
     *
     * @param table the training rows
     * @param plugin the plugin id, for messages
     * @param categoricalAllowed whether the model takes categorical columns
     * @return the layout
     */
    static Columns of(Table table, String plugin, boolean categoricalAllowed) {
        requireNonNull(table, "table is null");
        if (table.columnCount() == 0 || table.rowCount() < 2) {
            throw new IllegalArgumentException(plugin + ": needs at least one column and two rows, got "
                    + table.columnCount() + " columns and " + table.rowCount() + " rows");
        }
        int d = table.columnCount();
        boolean[] numeric = new boolean[d];
        int[] levels = new int[d];
        var template = new ArrayList<Column>(d);
        for (int j = 0; j < d; j++) {
            Column column = table.column(j);
            switch (column) {
                case NumericColumn _ -> numeric[j] = true;
                case CategoricalColumn categorical -> {
                    if (!categoricalAllowed) {
                        throw new IllegalArgumentException(plugin + ": column '" + column.name() + "' is "
                                + column.kind() + "; this model takes numeric columns only");
                    }
                    if (categorical.levels().isEmpty()) {
                        throw new IllegalArgumentException(plugin + ": column '" + column.name()
                                + "' declares no level");
                    }
                    levels[j] = categorical.levels().size();
                }
            }
            template.add(column.select(new int[0]));
        }
        return new Columns(table.columnNames(), numeric, levels, template);
    }

    int size() {
        return names.size();
    }

    /**
     * Checks that a table has the fitted columns, in order, of the same kinds.
     *
     * @param table rows to score or impute
     * @param plugin the plugin id, for messages
     */
    void check(Table table, String plugin) {
        if (!table.columnNames().equals(names)) {
            throw new IllegalArgumentException(plugin + ": fitted on columns " + names + ", got "
                    + table.columnNames());
        }
        for (int j = 0; j < size(); j++) {
            Column column = table.column(j);
            boolean isNumeric = column instanceof NumericColumn;
            if (isNumeric != numeric[j]
                    || !isNumeric && ((CategoricalColumn) column).levels().size() != levels[j]) {
                throw new IllegalArgumentException(plugin + ": column '" + names.get(j) + "' is " + column.kind()
                        + (isNumeric ? "" : " with " + ((CategoricalColumn) column).levels().size() + " levels")
                        + "; it was " + template.get(j).kind() + (numeric[j] ? "" : " with " + levels[j] + " levels")
                        + " when fitted");
            }
        }
    }

    /**
     * The values of a table as one array per row: numeric values as they are, categorical cells as codes, missing
     * cells as {@code NaN}.
     *
     * @param table the rows
     * @return one array per row
     */
    static double[][] matrix(Table table) {
        return table.toMatrix();
    }

    /**
     * A table of the given values with the fitted columns: categorical cells rounded back to codes.
     *
     * @param name the table name
     * @param x the values, one array per row, no cell missing
     * @return the table
     */
    Table table(String name, double[][] x) {
        var columns = new ArrayList<Column>(size());
        for (int j = 0; j < size(); j++) {
            Column column = template.get(j);
            switch (column) {
                case NumericColumn numericColumn -> {
                    double[] values = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        values[i] = x[i][j];
                    }
                    columns.add(numericColumn.withValues(values));
                }
                case CategoricalColumn categorical -> {
                    int[] codes = new int[x.length];
                    for (int i = 0; i < x.length; i++) {
                        codes[i] = Double.isNaN(x[i][j]) ? CategoricalColumn.MISSING : (int) x[i][j];
                    }
                    columns.add(categorical.withCodes(codes));
                }
            }
        }
        return new Table(name, columns);
    }
}
