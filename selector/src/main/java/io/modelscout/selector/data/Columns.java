package io.modelscout.selector.data;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Changes of column type and column selection that a task asks for: a numeric class read from a CSV file that
 * is really a label, levels the user declares ordered, ids and leaks to leave out.
 */
public final class Columns {
    private Columns() {
    }

    /**
     * A nominal column whose levels are the distinct present values of a numeric column.
     *
     * @param column a numeric column, e.g. a class coded {@code 1, 2, 3}
     * @return a nominal column of the same name; levels sorted numerically and written without a trailing
     *     {@code .0} ({@code 3}, not {@code 3.0}); missing cells stay missing
     */
    public static NominalColumn toNominal(NumericColumn column) {
        requireNonNull(column, "column is null");
        int rows = column.size();
        double[] values = new double[rows];
        int present = 0;
        for (int i = 0; i < rows; i++) {
            double v = column.value(i);
            if (!Double.isNaN(v)) {
                values[present++] = v + 0.0; // -0.0 and 0.0 would otherwise be two levels named "0"
            }
        }
        double[] distinct = Arrays.stream(values, 0, present).sorted().distinct().toArray();
        var levels = new ArrayList<String>(distinct.length);
        for (double v : distinct) {
            levels.add(Numbers.format(v));
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            double v = column.value(i);
            codes[i] = Double.isNaN(v) ? CategoricalColumn.MISSING : Arrays.binarySearch(distinct, v + 0.0);
        }
        return NominalColumn.of(column.name(), levels, codes);
    }

    /**
     * An ordinal column with the same cells as a categorical column, its levels in the given order.
     *
     * @param column a nominal or ordinal column
     * @param order the levels, lowest first; it must hold every declared level of the column and may add levels
     *     that the column does not declare
     * @return an ordinal column of the same name whose levels are {@code order}
     * @throws IllegalArgumentException naming the column's levels missing from {@code order}, or a level that
     *     {@code order} repeats
     */
    public static OrdinalColumn toOrdinal(CategoricalColumn column, List<String> order) {
        requireNonNull(column, "column is null");
        requireNonNull(order, "order is null");
        Map<String, Integer> rank = new HashMap<>();
        for (String level : order) {
            requireNonNull(level, "order holds null");
            if (rank.putIfAbsent(level, rank.size()) != null) {
                throw new IllegalArgumentException("column '" + column.name() + "': the order names level '"
                        + level + "' twice");
            }
        }
        var absent = new ArrayList<String>();
        for (String level : column.levels()) {
            if (!rank.containsKey(level)) {
                absent.add(level);
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("column '" + column.name() + "': levels not in the order: "
                    + String.join(", ", absent) + "; the order must name every level of " + column.levels());
        }
        int[] remap = new int[column.levels().size()];
        for (int k = 0; k < remap.length; k++) {
            remap[k] = rank.get(column.levels().get(k));
        }
        int[] codes = new int[column.size()];
        for (int i = 0; i < codes.length; i++) {
            int code = column.code(i);
            codes[i] = code == CategoricalColumn.MISSING ? CategoricalColumn.MISSING : remap[code];
        }
        return OrdinalColumn.of(column.name(), order, codes);
    }

    /**
     * A view of a table without some columns; the values are shared, not copied.
     *
     * @param table the table
     * @param names the columns to leave out; may be empty
     * @return the table without them
     * @throws IllegalArgumentException naming the unknown names and the known columns when a name is not a
     *     column of the table
     */
    public static Table drop(Table table, List<String> names) {
        requireNonNull(table, "table is null");
        var dropped = new HashSet<String>(names);
        var unknown = new LinkedHashSet<String>();
        for (String name : names) {
            if (table.find(name).isEmpty()) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no column " + String.join(", ", unknown) + " in '" + table.name()
                    + "'; columns: " + String.join(", ", table.columnNames()));
        }
        // Table.without keeps the row count even when no column is left, which withColumns could not.
        Table result = table;
        for (String name : dropped) {
            result = result.without(name);
        }
        return result;
    }
}
