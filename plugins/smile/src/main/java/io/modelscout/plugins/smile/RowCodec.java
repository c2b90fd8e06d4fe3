package io.modelscout.plugins.smile;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns the rows of a mixed table into real vectors for a density model and back, keeping the table's schema.
 * A varying numeric column becomes one standardised coordinate, a categorical column one indicator per level that
 * occurs. Both are dequantised (a uniform jitter added: half a unit either side for whole numbers, a fifth of the
 * indicator's unit for levels) so that no coordinate is constant within a group of rows and a Gaussian's covariance
 * stays invertible; decoding undoes it (rounding, the largest indicator). Constant and all-missing columns take no
 * coordinate and come back as they were.
 */
final class RowCodec {
    private static final double LEVEL_JITTER = 0.2;

    private sealed interface Part {
        String name();

        int width();
    }

    private record Numeric(String name, int offset, boolean integer, double min, double max, double mean, double sd)
            implements Part {
        @Override
        public int width() {
            return min == max ? 0 : 1;
        }
    }

    private record Levels(String name, int offset, List<String> levels, boolean ordered, int[] seen)
            implements Part {
        @Override
        public int width() {
            return seen.length <= 1 ? 0 : seen.length;
        }
    }

    private final String tableName;
    private final List<Part> parts;
    private final int width;

    private RowCodec(String tableName, List<Part> parts, int width) {
        this.tableName = tableName;
        this.parts = parts;
        this.width = width;
    }

    /**
     * The codec of a training table.
     *
     * @param plugin the plugin id, for messages
     * @param table the table; no cell missing outside all-missing columns
     * @return the codec
     * @throws IllegalArgumentException naming a column with some missing cells
     */
    static RowCodec of(String plugin, Table table) {
        var parts = new ArrayList<Part>();
        int offset = 0;
        for (Column column : table.columns()) {
            int missing = column.missingCount();
            if (missing > 0 && missing < column.size()) {
                throw new IllegalArgumentException(plugin + ": column '" + column.name() + "' has " + missing
                        + " missing cells; impute them before fitting");
            }
            Part part = switch (column) {
                case NumericColumn numeric -> numeric(numeric, offset);
                case CategoricalColumn categorical -> levels(categorical, offset);
            };
            parts.add(part);
            offset += part.width();
        }
        return new RowCodec(table.name(), List.copyOf(parts), offset);
    }

    private static Numeric numeric(NumericColumn column, int offset) {
        int n = column.size();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        boolean integer = true;
        for (int i = 0; i < n; i++) {
            double v = column.value(i);
            if (Double.isNaN(v)) {
                return new Numeric(column.name(), offset, false, Double.NaN, Double.NaN, 0, 1);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            integer &= v == Math.rint(v);
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += Math.pow(column.value(i) - mean, 2);
        }
        // the jitter of whole numbers adds a variance of 1/12
        double sd = Math.sqrt(ss / n + (integer ? 1.0 / 12 : 0.0));
        return new Numeric(column.name(), offset, integer, min, max, mean, sd > 0 ? sd : 1.0);
    }

    private static Levels levels(CategoricalColumn column, int offset) {
        int[] counts = column.counts();
        var seen = new ArrayList<Integer>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                seen.add(c);
            }
        }
        return new Levels(column.name(), offset, column.levels(), column.ordered(),
                seen.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The number of coordinates of an encoded row.
     *
     * @return the width
     */
    int width() {
        return width;
    }

    /**
     * Encodes the rows of a table of this codec's schema, dequantised with a seeded jitter.
     *
     * @param table the table
     * @param seed the seed of the jitter
     * @return one vector per row
     */
    double[][] encode(Table table, long seed) {
        var random = new SplittableRandom(seed);
        int n = table.rowCount();
        double[][] x = new double[n][width];
        for (int j = 0; j < parts.size(); j++) {
            switch (parts.get(j)) {
                case Numeric p when p.width() > 0 -> {
                    var column = (NumericColumn) table.column(j);
                    for (int i = 0; i < n; i++) {
                        double jitter = p.integer() ? random.nextDouble() - 0.5 : 0.0;
                        x[i][p.offset()] = (column.value(i) + jitter - p.mean()) / p.sd();
                    }
                }
                case Levels p when p.width() > 0 -> {
                    var column = (CategoricalColumn) table.column(j);
                    for (int i = 0; i < n; i++) {
                        int code = column.code(i);
                        for (int s = 0; s < p.seen().length; s++) {
                            x[i][p.offset() + s] = (p.seen()[s] == code ? 1.0 : 0.0) + LEVEL_JITTER * random.nextDouble();
                        }
                    }
                }
                default -> {
                }
            }
        }
        return x;
    }

    /**
     * Decodes vectors into a table of the training schema.
     *
     * @param x one vector per row
     * @return the table: numbers clipped to the training range and rounded when whole, levels by the largest
     *     indicator, constant columns constant
     */
    Table decode(double[][] x) {
        int n = x.length;
        var columns = new ArrayList<Column>(parts.size());
        for (Part part : parts) {
            switch (part) {
                case Numeric p -> {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        if (Double.isNaN(p.min())) {
                            values[i] = Double.NaN;
                        } else if (p.width() == 0) {
                            values[i] = p.min();
                        } else {
                            double v = Math.min(p.max(), Math.max(p.min(), x[i][p.offset()] * p.sd() + p.mean()));
                            values[i] = p.integer() ? Math.rint(v) : v;
                        }
                    }
                    columns.add(NumericColumn.of(p.name(), values));
                }
                case Levels p -> {
                    int[] codes = new int[n];
                    for (int i = 0; i < n; i++) {
                        codes[i] = p.seen().length == 0 ? CategoricalColumn.MISSING
                                : p.width() == 0 ? p.seen()[0] : p.seen()[argmax(x[i], p.offset(), p.width())];
                    }
                    columns.add(p.ordered() ? OrdinalColumn.of(p.name(), p.levels(), codes)
                            : NominalColumn.of(p.name(), p.levels(), codes));
                }
            }
        }
        return new Table(tableName, columns);
    }

    private static int argmax(double[] row, int offset, int width) {
        int best = 0;
        for (int s = 1; s < width; s++) {
            if (row[offset + s] > row[offset + best]) {
                best = s;
            }
        }
        return best;
    }
}
