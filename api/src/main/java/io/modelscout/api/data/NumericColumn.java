package io.modelscout.api.data;

import static java.util.Objects.requireNonNull;

/**
 * A column of real numbers; a missing cell is {@link Double#NaN}.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;
    private final int[] index;

    private NumericColumn(String name, double[] values, int[] index) {
        this.name = requireNonNull(name, "name is null");
        this.values = values;
        this.index = index;
    }

    /**
     * A column holding a copy of the given values.
     *
     * @param name the column name
     * @param values the values; {@code NaN} marks a missing cell
     * @return the column
     */
    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, values.clone(), null);
    }

    /**
     * The value of a cell.
     *
     * @param row a row index
     * @return the value, or {@code NaN} when the cell is missing
     */
    public double value(int row) {
        return values[index == null ? row : index[row]];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return index == null ? values.length : index.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(value(row));
    }

    @Override
    public NumericColumn select(int[] rows) {
        return new NumericColumn(name, values, View.compose(index, rows, size()));
    }

    /**
     * A fresh array of the values in row order.
     *
     * @return the values; {@code NaN} where missing
     */
    public double[] toArray() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i);
        }
        return out;
    }

    /**
     * A column of the same name holding other values, e.g. after imputation or scaling.
     *
     * @param newValues the new values, one per row
     * @return the new column
     */
    public NumericColumn withValues(double[] newValues) {
        return of(name, newValues);
    }

    @Override
    public String kind() {
        return "numeric";
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + size() + " rows]";
    }
}
