package io.modelscout.plugins.smile;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The features of one position as numbers, for order-free classifiers over a window of positions: a numeric
 * column as its value, a nominal column one-hot over its levels. A window of half-width {@code w} concatenates the
 * features of positions {@code t-w..t+w}; a position beyond either end of its sequence contributes zeros and sets
 * an "outside" indicator of its offset, so the classifier can tell the ends of a sequence.
 */
final class PositionFeatures {
    private final List<String> columns;
    private final List<List<String>> levels;
    private final int width;

    private PositionFeatures(List<String> columns, List<List<String>> levels) {
        this.columns = List.copyOf(columns);
        this.levels = levels;
        int w = 0;
        for (List<String> l : levels) {
            w += l == null ? 1 : l.size();
        }
        this.width = w;
    }

    /**
     * Reads the columns of the training positions.
     *
     * @param positions the training positions
     * @return the encoder
     */
    static PositionFeatures of(Table positions) {
        if (positions.columnCount() == 0) {
            throw new IllegalArgumentException("the positions have no feature column");
        }
        var levels = new ArrayList<List<String>>();
        for (Column column : positions.columns()) {
            levels.add(column instanceof CategoricalColumn categorical ? categorical.levels() : null);
        }
        return new PositionFeatures(positions.columnNames(), levels);
    }

    /**
     * The numbers of each position of the sequences.
     *
     * @param sequences sequences holding the fitted columns
     * @return one row per position, {@link #width()} values each
     */
    double[][] rows(Sequences sequences) {
        Table positions = sequences.positions();
        double[][] x = new double[positions.rowCount()][width];
        int offset = 0;
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (!positions.columnNames().contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' the model was fitted on is absent; have "
                        + positions.columnNames());
            }
            Column column = positions.column(name);
            if (levels.get(c) == null) {
                if (!(column instanceof NumericColumn numeric)) {
                    throw new IllegalArgumentException("column '" + name + "' must be numeric, got " + column.kind());
                }
                for (int i = 0; i < x.length; i++) {
                    double v = numeric.value(i);
                    if (Double.isNaN(v)) {
                        throw missing(name, i);
                    }
                    x[i][offset] = v;
                }
                offset++;
            } else {
                if (!(column instanceof CategoricalColumn categorical)
                        || categorical.levels().size() != levels.get(c).size()) {
                    throw new IllegalArgumentException("column '" + name + "' must be nominal with the levels "
                            + levels.get(c));
                }
                for (int i = 0; i < x.length; i++) {
                    int code = categorical.code(i);
                    if (code == CategoricalColumn.MISSING) {
                        throw missing(name, i);
                    }
                    x[i][offset + code] = 1;
                }
                offset += levels.get(c).size();
            }
        }
        return x;
    }

    /**
     * The windows of every position as a table of numeric columns.
     *
     * @param sequences the sequences
     * @param half the half-width w: positions t-w..t+w
     * @return one row per position of {@code sequences.positions()}
     */
    Table windows(Sequences sequences, int half) {
        double[][] x = rows(sequences);
        int span = 2 * half + 1;
        int columnsPerWindow = span * width + 2 * half;
        double[][] values = new double[columnsPerWindow][x.length];
        for (int s = 0; s < sequences.count(); s++) {
            int start = sequences.start(s);
            int length = sequences.length(s);
            for (int t = 0; t < length; t++) {
                int row = start + t;
                int outside = span * width;
                for (int o = -half; o <= half; o++) {
                    int block = (o + half) * width;
                    int u = t + o;
                    if (u >= 0 && u < length) {
                        double[] source = x[start + u];
                        for (int f = 0; f < width; f++) {
                            values[block + f][row] = source[f];
                        }
                    } else {
                        values[outside][row] = 1;
                    }
                    if (o != 0) {
                        outside++;
                    }
                }
            }
        }
        var names = new ArrayList<String>();
        for (int o = -half; o <= half; o++) {
            for (int f = 0; f < width; f++) {
                names.add("w" + o + "." + f);
            }
        }
        for (int o = -half; o <= half; o++) {
            if (o != 0) {
                names.add("w" + o + ".outside");
            }
        }
        var out = new ArrayList<NumericColumn>(columnsPerWindow);
        for (int j = 0; j < columnsPerWindow; j++) {
            out.add(NumericColumn.of(names.get(j), values[j]));
        }
        return new Table("windows", out);
    }

    private static IllegalArgumentException missing(String column, int row) {
        return new IllegalArgumentException("column '" + column + "', row " + row
                + ": a missing cell; this model needs every position complete");
    }
}
