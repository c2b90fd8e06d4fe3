package io.modelscout.selector.synthesis;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What synthetic rows must keep of the real table: each column's name, type and levels, whether a numeric column
 * holds whole numbers and to how many decimals its values are written, and its share of missing cells. Columns
 * without information (every cell missing, or one value throughout) are kept away from the synthesizers and put
 * back as they are.
 *
 * @param name the table's name
 * @param columns one entry per column, in order
 */
record Schema(String name, List<ColumnSchema> columns) {
    /** Numeric values are written with at most this many decimals. */
    static final int MAX_DECIMALS = 6;

    Schema {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param template the column of the real table (zero rows kept: name, type, levels)
     * @param decimals decimals of a numeric column's values (0: whole numbers)
     * @param missingRate share of missing cells
     * @param constant when the column is degenerate: its only value ({@code NaN} / {@code -1} when all missing)
     * @param degenerate whether the column is left out of the fit
     */
    record ColumnSchema(Column template, int decimals, double missingRate, double constant, boolean degenerate) {
    }

    static Schema of(Table table) {
        var columns = new ArrayList<ColumnSchema>();
        for (Column column : table.columns()) {
            int n = column.size();
            double missingRate = n == 0 ? 0 : column.missingCount() / (double) n;
            Column template = column.select(new int[0]);
            switch (column) {
                case NumericColumn c -> {
                    int decimals = 0;
                    double first = Double.NaN;
                    boolean single = true;
                    for (int i = 0; i < n; i++) {
                        double v = c.value(i);
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        if (Double.isNaN(first)) {
                            first = v;
                        } else if (v != first) {
                            single = false;
                        }
                        if (decimals < MAX_DECIMALS && Double.isFinite(v)) {
                            decimals = Math.max(decimals, Math.min(MAX_DECIMALS,
                                    Math.max(0, BigDecimal.valueOf(v).stripTrailingZeros().scale())));
                        }
                    }
                    columns.add(new ColumnSchema(template, decimals, missingRate, first, single));
                }
                case CategoricalColumn c -> {
                    int first = CategoricalColumn.MISSING;
                    boolean single = true;
                    for (int i = 0; i < n; i++) {
                        int code = c.code(i);
                        if (code == CategoricalColumn.MISSING) {
                            continue;
                        }
                        if (first == CategoricalColumn.MISSING) {
                            first = code;
                        } else if (code != first) {
                            single = false;
                        }
                    }
                    columns.add(new ColumnSchema(template, 0, missingRate, first, single));
                }
            }
        }
        return new Schema(table.name(), columns);
    }

    /** The names of the degenerate columns. */
    List<String> degenerate() {
        return columns.stream().filter(ColumnSchema::degenerate).map(c -> c.template().name()).toList();
    }

    /** The table a synthesizer is fitted on: without the degenerate columns. */
    Table fitTable(Table table) {
        var kept = new ArrayList<Column>();
        for (int j = 0; j < columns.size(); j++) {
            if (!columns.get(j).degenerate()) {
                kept.add(table.column(j));
            }
        }
        return table.withColumns(kept);
    }

    /**
     * Turns a synthesizer's rows back into rows of the real schema.
     *
     * @param sample the synthesizer's rows, with the schema of {@link #fitTable(Table)}
     * @param missingAllowed whether the synthesizer models missing cells itself; otherwise a missing cell is invalid
     *     and each column's missing share is put back at random
     * @param seed the seed of the missing cells
     * @return the rows
     * @throws IllegalStateException when the sample does not have the schema or holds invalid values
     */
    Table restore(Table sample, boolean missingAllowed, long seed) {
        int n = sample.rowCount();
        var out = new ArrayList<Column>();
        int s = 0;
        var random = new SplittableRandom(seed);
        for (ColumnSchema column : columns) {
            Column template = column.template();
            Column restored;
            if (column.degenerate()) {
                restored = switch (template) {
                    case NumericColumn _ -> {
                        double[] values = new double[n];
                        java.util.Arrays.fill(values, column.constant());
                        yield NumericColumn.of(template.name(), values);
                    }
                    case CategoricalColumn c -> {
                        int[] codes = new int[n];
                        java.util.Arrays.fill(codes, (int) column.constant());
                        yield c.withCodes(codes);
                    }
                };
                if (!Double.isNaN(column.constant()) && column.constant() != CategoricalColumn.MISSING) {
                    restored = withMissing(restored, column.missingRate(), random.split());
                }
            } else {
                if (s >= sample.columnCount()) {
                    throw new IllegalStateException("the sample has " + sample.columnCount() + " columns, expected "
                            + fitColumns());
                }
                Column drawn = sample.column(s++);
                restored = check(template, drawn, n, missingAllowed, column.decimals());
                if (!missingAllowed) {
                    restored = withMissing(restored, column.missingRate(), random.split());
                }
            }
            out.add(restored);
        }
        if (s != sample.columnCount()) {
            throw new IllegalStateException("the sample has " + sample.columnCount() + " columns, expected "
                    + fitColumns());
        }
        return new Table(name, out);
    }

    private long fitColumns() {
        return columns.stream().filter(c -> !c.degenerate()).count();
    }

    private static Column check(Column template, Column drawn, int n, boolean missingAllowed, int decimals) {
        if (!drawn.name().equals(template.name())) {
            throw new IllegalStateException("the sample has column '" + drawn.name() + "' where '" + template.name()
                    + "' was expected");
        }
        if (drawn.size() != n) {
            throw new IllegalStateException("column '" + drawn.name() + "' has " + drawn.size() + " rows, not " + n);
        }
        return switch (template) {
            case NumericColumn _ -> {
                if (!(drawn instanceof NumericColumn numeric)) {
                    throw new IllegalStateException("column '" + drawn.name() + "' is " + drawn.kind()
                            + " in the sample, numeric in the data");
                }
                double[] values = numeric.toArray();
                double scale = Math.pow(10, decimals);
                int bad = 0;
                for (int i = 0; i < n; i++) {
                    double v = values[i];
                    if (Double.isInfinite(v) || Double.isNaN(v) && !missingAllowed) {
                        bad++;
                    } else if (!Double.isNaN(v)) {
                        // whole-number columns stay whole; others keep the data's precision
                        double r = Math.rint(v * scale) / scale;
                        values[i] = r == 0 ? 0.0 : r;
                    }
                }
                if (bad > 0) {
                    throw new IllegalStateException("the sample has " + bad + " NaN or infinite values in column '"
                            + drawn.name() + "'");
                }
                yield NumericColumn.of(template.name(), values);
            }
            case CategoricalColumn c -> {
                if (!(drawn instanceof CategoricalColumn categorical) || !categorical.levels().equals(c.levels())) {
                    throw new IllegalStateException("column '" + drawn.name() + "' does not keep the levels of the data");
                }
                int[] codes = categorical.toCodes();
                if (!missingAllowed) {
                    for (int code : codes) {
                        if (code == CategoricalColumn.MISSING) {
                            throw new IllegalStateException("the sample has missing cells in column '" + drawn.name()
                                    + "'");
                        }
                    }
                }
                yield c.withCodes(codes);
            }
        };
    }

    /** Blanks exactly round(rate x rows) cells, chosen at random. */
    private static Column withMissing(Column column, double rate, SplittableRandom random) {
        int n = column.size();
        int blank = (int) Math.round(rate * n);
        if (blank == 0) {
            return column;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < blank; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return switch (column) {
            case NumericColumn c -> {
                double[] values = c.toArray();
                for (int i = 0; i < blank; i++) {
                    values[order[i]] = Double.NaN;
                }
                yield NumericColumn.of(c.name(), values);
            }
            case CategoricalColumn c -> {
                int[] codes = c.toCodes();
                for (int i = 0; i < blank; i++) {
                    codes[order[i]] = CategoricalColumn.MISSING;
                }
                yield c.withCodes(codes);
            }
        };
    }

    /** Rows of two tables of the same schema, one after the other. */
    static Table concat(Table a, Table b) {
        var out = new ArrayList<Column>();
        for (int j = 0; j < a.columnCount(); j++) {
            Column x = a.column(j);
            Column y = b.column(j);
            switch (x) {
                case NumericColumn c -> {
                    double[] values = new double[c.size() + y.size()];
                    System.arraycopy(c.toArray(), 0, values, 0, c.size());
                    System.arraycopy(((NumericColumn) y).toArray(), 0, values, c.size(), y.size());
                    out.add(NumericColumn.of(c.name(), values));
                }
                case CategoricalColumn c -> {
                    int[] codes = new int[c.size() + y.size()];
                    System.arraycopy(c.toCodes(), 0, codes, 0, c.size());
                    System.arraycopy(((CategoricalColumn) y).toCodes(), 0, codes, c.size(), y.size());
                    out.add(c instanceof OrdinalColumn ? OrdinalColumn.of(c.name(), c.levels(), codes)
                            : NominalColumn.of(c.name(), c.levels(), codes));
                }
            }
        }
        return new Table(a.name(), out);
    }
}
