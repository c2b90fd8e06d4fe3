package io.modelscout.api.data;

/**
 * One typed column of a {@link Table}: numeric, nominal or ordinal, with missing cells marked explicitly.
 * Columns are immutable; {@link #select(int[])} gives a view over chosen rows without copying the values.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {

    /**
     * The column's name as it appears in the data file.
     *
     * @return the name
     */
    String name();

    /**
     * The number of rows.
     *
     * @return the row count
     */
    int size();

    /**
     * Whether a cell is missing.
     *
     * @param row a row index in {@code [0, size())}
     * @return true when the cell holds no value
     */
    boolean isMissing(int row);

    /**
     * Counts the missing cells.
     *
     * @return how many cells are missing
     */
    default int missingCount() {
        int count = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                count++;
            }
        }
        return count;
    }

    /**
     * A view of some rows of this column, in the given order; the values are shared, not copied.
     *
     * @param rows row indices into this column; may repeat
     * @return the view
     */
    Column select(int[] rows);

    /**
     * The kind of the column, for profiles and reports.
     *
     * @return {@code numeric}, {@code nominal} or {@code ordinal}
     */
    String kind();
}
