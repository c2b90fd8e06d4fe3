package io.modelscout.plugins.core.hmm;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The positions of sequences encoded for an emission model: per sequence and position, the codes of the nominal
 * columns, the indices of the active binary features, or the values of the numeric columns.
 */
public final class Observations {
    /** How the feature columns of a position are read. */
    public enum Kind {
        /** Nominal columns: one symbol per column, each with its own categorical distribution. */
        CATEGORICAL,
        /** Numeric columns holding only 0 and 1: a set of active binary features. */
        BINARY,
        /** Numeric columns of real values. */
        GAUSSIAN
    }

    /**
     * The columns a model was fitted on and how they are read.
     *
     * @param kind how the columns are read
     * @param columns the column names, in order
     * @param levels for {@link Kind#CATEGORICAL}, the levels of each column; empty otherwise
     */
    public record Layout(Kind kind, List<String> columns, List<List<String>> levels) {
        /** Copies the lists. */
        public Layout {
            requireNonNull(kind, "kind is null");
            columns = List.copyOf(columns);
            levels = levels.stream().map(List::copyOf).toList();
        }

        /**
         * Reads the layout of a positions table: all nominal columns, all 0/1 numeric columns, or all numeric.
         *
         * @param positions the training positions
         * @return the layout
         * @throws IllegalArgumentException when there is no column or nominal and numeric columns are mixed
         */
        public static Layout of(Table positions) {
            List<Column> columns = positions.columns();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("the positions have no feature column");
            }
            var names = columns.stream().map(Column::name).toList();
            if (columns.stream().allMatch(c -> c instanceof CategoricalColumn)) {
                var levels = columns.stream().map(c -> ((CategoricalColumn) c).levels()).toList();
                return new Layout(Kind.CATEGORICAL, names, levels);
            }
            if (columns.stream().allMatch(c -> c instanceof NumericColumn)) {
                boolean binary = true;
                for (Column column : columns) {
                    var numeric = (NumericColumn) column;
                    for (int i = 0; i < numeric.size() && binary; i++) {
                        double v = numeric.value(i);
                        binary = v == 0 || v == 1;
                    }
                }
                return new Layout(binary ? Kind.BINARY : Kind.GAUSSIAN, names, List.of());
            }
            throw new IllegalArgumentException("the positions mix nominal and numeric columns " + names
                    + "; this model takes either nominal symbols or numbers");
        }

        /**
         * The number of columns.
         *
         * @return at least one
         */
        public int width() {
            return columns.size();
        }

        /**
         * Encodes sequences with this layout.
         *
         * @param sequences sequences holding the layout's columns
         * @return the encoded positions
         * @throws IllegalArgumentException when a column is absent, of another type, or a cell is missing
         */
        public Observations encode(Sequences sequences) {
            Table positions = sequences.positions();
            var cols = new ArrayList<Column>();
            for (String name : columns) {
                if (!positions.columnNames().contains(name)) {
                    throw new IllegalArgumentException("column '" + name + "' the model was fitted on is absent; have "
                            + positions.columnNames());
                }
                cols.add(positions.column(name));
            }
            int count = sequences.count();
            int[][][] ints = kind == Kind.GAUSSIAN ? null : new int[count][][];
            double[][][] reals = kind == Kind.GAUSSIAN ? new double[count][][] : null;
            for (int s = 0; s < count; s++) {
                int start = sequences.start(s);
                int length = sequences.length(s);
                switch (kind) {
                    case CATEGORICAL -> {
                        int[][] codes = new int[length][cols.size()];
                        for (int c = 0; c < cols.size(); c++) {
                            if (!(cols.get(c) instanceof CategoricalColumn categorical)
                                    || categorical.levels().size() != levels.get(c).size()) {
                                throw new IllegalArgumentException("column '" + columns.get(c)
                                        + "' must be nominal with the levels " + levels.get(c));
                            }
                            for (int t = 0; t < length; t++) {
                                int code = categorical.code(start + t);
                                if (code == CategoricalColumn.MISSING) {
                                    throw missing(columns.get(c), start + t);
                                }
                                codes[t][c] = code;
                            }
                        }
                        ints[s] = codes;
                    }
                    case BINARY -> {
                        int[][] active = new int[length][];
                        int[] buffer = new int[cols.size()];
                        for (int t = 0; t < length; t++) {
                            int n = 0;
                            for (int c = 0; c < cols.size(); c++) {
                                double v = numeric(cols.get(c), columns.get(c)).value(start + t);
                                if (v == 1) {
                                    buffer[n++] = c;
                                } else if (v != 0) {
                                    throw new IllegalArgumentException("column '" + columns.get(c) + "', row "
                                            + (start + t) + ": a binary feature must be 0 or 1, got " + v);
                                }
                            }
                            active[t] = java.util.Arrays.copyOf(buffer, n);
                        }
                        ints[s] = active;
                    }
                    case GAUSSIAN -> {
                        double[][] values = new double[length][cols.size()];
                        for (int c = 0; c < cols.size(); c++) {
                            NumericColumn numeric = numeric(cols.get(c), columns.get(c));
                            for (int t = 0; t < length; t++) {
                                double v = numeric.value(start + t);
                                if (!Double.isFinite(v)) {
                                    throw missing(columns.get(c), start + t);
                                }
                                values[t][c] = v;
                            }
                        }
                        reals[s] = values;
                    }
                }
            }
            return new Observations(this, ints, reals);
        }

        private static NumericColumn numeric(Column column, String name) {
            if (column instanceof NumericColumn numeric) {
                return numeric;
            }
            throw new IllegalArgumentException("column '" + name + "' must be numeric, got " + column.kind());
        }

        private static IllegalArgumentException missing(String column, int row) {
            return new IllegalArgumentException("column '" + column + "', row " + row
                    + ": a missing cell; this model needs every position complete");
        }
    }

    private final Layout layout;
    private final int[][][] ints;
    private final double[][][] reals;

    private Observations(Layout layout, int[][][] ints, double[][][] reals) {
        this.layout = layout;
        this.ints = ints;
        this.reals = reals;
    }

    /**
     * Observations given directly as codes of one nominal column, e.g. in tests and for sampling.
     *
     * @param levels the number of symbols
     * @param sequences per sequence, the symbol codes
     * @return the observations
     */
    public static Observations ofSymbols(int levels, int[][] sequences) {
        var names = new ArrayList<String>();
        for (int i = 0; i < levels; i++) {
            names.add("s" + i);
        }
        int[][][] ints = new int[sequences.length][][];
        for (int s = 0; s < sequences.length; s++) {
            ints[s] = new int[sequences[s].length][];
            for (int t = 0; t < sequences[s].length; t++) {
                ints[s][t] = new int[] {sequences[s][t]};
            }
        }
        return new Observations(new Layout(Kind.CATEGORICAL, List.of("symbol"), List.of(names)), ints, null);
    }

    /**
     * Observations given directly as values of numeric columns, e.g. in tests.
     *
     * @param sequences per sequence and position, the values
     * @return the observations
     */
    public static Observations ofValues(double[][][] sequences) {
        var names = new ArrayList<String>();
        for (int i = 0; i < sequences[0][0].length; i++) {
            names.add("x" + i);
        }
        return new Observations(new Layout(Kind.GAUSSIAN, names, List.of()), null, sequences.clone());
    }

    /**
     * How the observations were encoded.
     *
     * @return the layout
     */
    public Layout layout() {
        return layout;
    }

    /**
     * The number of sequences.
     *
     * @return the count
     */
    public int count() {
        return ints != null ? ints.length : reals.length;
    }

    /**
     * The length of one sequence.
     *
     * @param sequence its index
     * @return at least one
     */
    public int length(int sequence) {
        return ints != null ? ints[sequence].length : reals[sequence].length;
    }

    /**
     * The codes (categorical) or active feature indices (binary) of one position.
     *
     * @param sequence the sequence
     * @param t the position
     * @return the array, not to be changed
     */
    int[] ints(int sequence, int t) {
        return ints[sequence][t];
    }

    /**
     * The values of one position (Gaussian).
     *
     * @param sequence the sequence
     * @param t the position
     * @return the array, not to be changed
     */
    double[] reals(int sequence, int t) {
        return reals[sequence][t];
    }

    /**
     * The symbol codes of a sequence with a single nominal column.
     *
     * @param sequence the sequence
     * @return a fresh array of codes
     */
    public int[] symbols(int sequence) {
        int[] out = new int[length(sequence)];
        for (int t = 0; t < out.length; t++) {
            out[t] = ints[sequence][t][0];
        }
        return out;
    }
}
