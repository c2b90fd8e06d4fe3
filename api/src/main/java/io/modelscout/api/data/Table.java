package io.modelscout.api.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An immutable table of typed columns of equal length.
 *
 * <p>A table read from a file is held once. Cross-validation folds are {@linkplain #select(int[]) row views}
 * and feature sets are {@linkplain #without(String) column views}: neither copies a value.
 */
public final class Table {
    private final String name;
    private final List<Column> columns;
    private final int rowCount;

    /**
     * A table of the given columns.
     *
     * @param name a name for the data, e.g. the relation of an ARFF file
     * @param columns the columns; names must be unique and lengths equal
     * @throws IllegalArgumentException when a name repeats or lengths differ
     */
    public Table(String name, List<? extends Column> columns) {
        this.name = requireNonNull(name, "name is null");
        this.columns = List.copyOf(columns);
        var names = new HashSet<String>();
        int rows = this.columns.isEmpty() ? 0 : this.columns.getFirst().size();
        for (Column column : this.columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
            }
            if (column.size() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows, expected " + rows);
            }
        }
        this.rowCount = rows;
    }

    /**
     * The table's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int rowCount() {
        return rowCount;
    }

    /**
     * The number of columns.
     *
     * @return the column count
     */
    public int columnCount() {
        return columns.size();
    }

    /**
     * The columns in order.
     *
     * @return an unmodifiable list
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * A column by position.
     *
     * @param index a position in {@code [0, columnCount())}
     * @return the column
     */
    public Column column(int index) {
        return columns.get(index);
    }

    /**
     * A column by name.
     *
     * @param columnName the name
     * @return the column, or empty when there is none of that name
     */
    public Optional<Column> find(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * A column by name that must exist.
     *
     * @param columnName the name
     * @return the column
     * @throws IllegalArgumentException naming the known columns when there is none of that name
     */
    public Column column(String columnName) {
        return find(columnName).orElseThrow(() -> new IllegalArgumentException(
                "no column '" + columnName + "'; columns: " + String.join(", ", columnNames())));
    }

    /**
     * The column names in order.
     *
     * @return the names
     */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * A view of some rows in the given order; values are shared, not copied.
     *
     * @param rows row indices; may repeat
     * @return the view
     */
    public Table select(int[] rows) {
        var selected = new ArrayList<Column>(columns.size());
        for (Column column : columns) {
            selected.add(column.select(rows));
        }
        return new Table(name, selected, rows.length);
    }

    /**
     * A view without one column, e.g. the features without the target.
     *
     * @param columnName the column to leave out
     * @return the view
     * @throws IllegalArgumentException when there is no such column
     */
    public Table without(String columnName) {
        column(columnName);
        return new Table(name, columns.stream().filter(c -> !c.name().equals(columnName)).toList(), rowCount);
    }

    /**
     * A table of the same rows with other columns, e.g. after encoding. With no columns at all it keeps the row count.
     *
     * @param newColumns the columns, each with {@link #rowCount()} rows
     * @return the new table
     * @throws IllegalArgumentException when a column has another length or a name repeats
     */
    public Table withColumns(List<? extends Column> newColumns) {
        for (Column column : newColumns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows, expected " + rowCount);
            }
        }
        if (newColumns.isEmpty()) {
            // An empty column list still describes the same rows: keep their count.
            return new Table(name, List.<Column>of(), rowCount);
        }
        return new Table(name, newColumns);
    }

    /**
     * Whether every column is numeric.
     *
     * @return true when no column is categorical
     */
    public boolean allNumeric() {
        return columns.stream().allMatch(c -> c instanceof NumericColumn);
    }

    /**
     * Counts missing cells over all columns.
     *
     * @return the number of missing cells
     */
    public long missingCount() {
        long count = 0;
        for (Column column : columns) {
            count += column.missingCount();
        }
        return count;
    }

    /**
     * The values of an all-numeric table as a fresh row-major matrix, for libraries that take {@code double[][]}.
     * Categorical columns are given as their codes; a missing cell is {@code NaN}.
     *
     * @return one array per row
     */
    public double[][] toMatrix() {
        double[][] x = new double[rowCount][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            switch (columns.get(j)) {
                case NumericColumn numeric -> {
                    for (int i = 0; i < rowCount; i++) {
                        x[i][j] = numeric.value(i);
                    }
                }
                case CategoricalColumn categorical -> {
                    for (int i = 0; i < rowCount; i++) {
                        int code = categorical.code(i);
                        x[i][j] = code == CategoricalColumn.MISSING ? Double.NaN : code;
                    }
                }
            }
        }
        return x;
    }

    private Table(String name, List<Column> columns, int rowCount) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
    }

    @Override
    public String toString() {
        return "Table[" + name + ", " + rowCount + " rows x " + columns.size() + " columns]";
    }
}
