package io.modelscout.plugins.core.synthesis;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.plugins.core.nn.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns table rows into network rows and back. A nominal or ordinal column becomes a one-hot block. A numeric
 * column becomes either a scalar within the mode of a fitted 1-D Gaussian mixture plus the mode as a one-hot block
 * (mode-specific normalisation), or a scalar quantile score. Decoding restores the schema: names, types, levels;
 * numbers clipped to the training range and rounded when every training value was an integer. A column with no
 * value at all takes no width and comes back all missing.
 */
final class TabularEncoder {

    /** How numeric columns are encoded. */
    enum NumericEncoding {
        /** Scalar within a mode of a Gaussian mixture, plus the mode one-hot. */
        MODES,
        /** Normal score of the empirical quantile, scaled into (-1, 1). */
        QUANTILES;

        static NumericEncoding of(String name) {
            return switch (name) {
                case "modes" -> MODES;
                case "quantiles" -> QUANTILES;
                default -> throw new IllegalArgumentException("numericEncoding: expected modes or quantiles, got " + name);
            };
        }
    }

    /**
     * A categorical column's place in the encoded row, for conditional generation.
     *
     * @param column the column's position in the table
     * @param name the column's name
     * @param start the first encoded column of its one-hot block
     * @param levels the number of levels
     * @param counts how often each level occurs in the training rows
     */
    record Discrete(int column, String name, int start, int levels, int[] counts) {
    }

    private sealed interface Codec permits Modes, Quantiles, Categorical, Absent {
        int width();
    }

    private record Modes(String name, GaussianMixture1d mixture, double min, double max, boolean integer,
                         double fill) implements Codec {
        public int width() {
            return 1 + mixture.components();
        }
    }

    private record Quantiles(String name, double[] sorted, boolean integer, double fill) implements Codec {
        public int width() {
            return 1;
        }
    }

    private record Categorical(String name, List<String> levels, boolean ordinal, int[] counts, int fill)
            implements Codec {
        public int width() {
            return levels.size();
        }
    }

    private record Absent(String name, boolean categorical, List<String> levels, boolean ordinal) implements Codec {
        public int width() {
            return 0;
        }
    }

    private static final double SCALE = 4;
    private static final double LIMIT = 0.99;

    private final String tableName;
    private final List<Codec> codecs;
    private final int[] starts;
    private final int width;
    private final List<Block> blocks;
    private final List<Discrete> discrete;
    /** Per encoded column: false for a level that never occurs in the training rows, which is never generated. */
    private final boolean[] allowed;

    private TabularEncoder(String tableName, List<Codec> codecs) {
        this.tableName = tableName;
        this.codecs = List.copyOf(codecs);
        this.starts = new int[codecs.size()];
        var blockList = new ArrayList<Block>();
        var discreteList = new ArrayList<Discrete>();
        int at = 0;
        for (int j = 0; j < codecs.size(); j++) {
            starts[j] = at;
            switch (codecs.get(j)) {
                case Modes m -> {
                    blockList.add(new Block(at, 1, false));
                    blockList.add(new Block(at + 1, m.mixture().components(), true));
                }
                case Quantiles q -> blockList.add(new Block(at, 1, false));
                case Categorical c -> {
                    blockList.add(new Block(at, c.levels().size(), true));
                    discreteList.add(new Discrete(j, c.name(), at, c.levels().size(), c.counts()));
                }
                case Absent a -> { }
            }
            at += codecs.get(j).width();
        }
        this.width = at;
        this.allowed = new boolean[at];
        java.util.Arrays.fill(allowed, true);
        for (int j = 0; j < codecs.size(); j++) {
            if (codecs.get(j) instanceof Categorical c) {
                for (int k = 0; k < c.counts().length; k++) {
                    allowed[starts[j] + k] = c.counts()[k] > 0;
                }
            }
        }
        this.blocks = List.copyOf(blockList);
        this.discrete = List.copyOf(discreteList);
    }

    /**
     * Learns the encoding of a table.
     *
     * @param table the training rows
     * @param encoding how to encode numeric columns
     * @param maxModes the most mixture components per numeric column
     * @return the encoder
     */
    static TabularEncoder fit(Table table, NumericEncoding encoding, int maxModes) {
        requireNonNull(table, "table is null");
        var codecs = new ArrayList<Codec>();
        for (Column column : table.columns()) {
            switch (column) {
                case NumericColumn numeric -> {
                    double[] values = present(numeric);
                    if (values.length == 0) {
                        codecs.add(new Absent(numeric.name(), false, List.of(), false));
                        continue;
                    }
                    Arrays.sort(values);
                    boolean integer = Arrays.stream(values).allMatch(v -> v == Math.rint(v));
                    double median = values[values.length / 2];
                    codecs.add(encoding == NumericEncoding.MODES
                            ? new Modes(numeric.name(), GaussianMixture1d.fit(values, maxModes), values[0],
                                    values[values.length - 1], integer, median)
                            : new Quantiles(numeric.name(), values, integer, median));
                }
                case CategoricalColumn categorical -> {
                    int[] counts = categorical.counts();
                    int total = Arrays.stream(counts).sum();
                    boolean ordinal = categorical instanceof OrdinalColumn;
                    if (total == 0) {
                        codecs.add(new Absent(categorical.name(), true, categorical.levels(), ordinal));
                        continue;
                    }
                    int mode = 0;
                    for (int k = 1; k < counts.length; k++) {
                        if (counts[k] > counts[mode]) {
                            mode = k;
                        }
                    }
                    codecs.add(new Categorical(categorical.name(), categorical.levels(), ordinal, counts, mode));
                }
            }
        }
        return new TabularEncoder(table.name(), codecs);
    }

    private static double[] present(NumericColumn column) {
        return Arrays.stream(column.toArray()).filter(Double::isFinite).toArray();
    }

    /** @return the width of an encoded row */
    int width() {
        return width;
    }

    /** @return the scalar and one-hot blocks of an encoded row, in order */
    List<Block> blocks() {
        return blocks;
    }

    /** @return the categorical columns with their one-hot blocks */
    List<Discrete> discrete() {
        return discrete;
    }

    /** @return the number of table columns */
    int columnCount() {
        return codecs.size();
    }

    /**
     * Encodes rows. A missing cell (which the framework imputes before fitting) is encoded as the column's median
     * or commonest level.
     *
     * @param table rows with the fitted schema
     * @param random draws the mixture component of each numeric value from its posterior
     * @return {@code rows x width()} row-major
     */
    double[] encode(Table table, SplittableRandom random) {
        if (table.columnCount() != codecs.size()) {
            throw new IllegalArgumentException("table has " + table.columnCount() + " columns, the encoder "
                    + codecs.size());
        }
        int n = table.rowCount();
        double[] out = new double[n * width];
        for (int j = 0; j < codecs.size(); j++) {
            int start = starts[j];
            Column column = table.column(j);
            switch (codecs.get(j)) {
                case Modes m -> {
                    var numeric = (NumericColumn) column;
                    var mix = m.mixture();
                    double[] scratch = new double[mix.components()];
                    for (int i = 0; i < n; i++) {
                        double v = numeric.value(i);
                        if (!Double.isFinite(v)) {
                            v = m.fill();
                        }
                        int c = mix.drawComponent(v, random, scratch);
                        double alpha = (v - mix.means()[c]) / (SCALE * mix.sds()[c]);
                        out[i * width + start] = Math.clamp(alpha, -LIMIT, LIMIT);
                        out[i * width + start + 1 + c] = 1;
                    }
                }
                case Quantiles q -> {
                    var numeric = (NumericColumn) column;
                    for (int i = 0; i < n; i++) {
                        double v = numeric.value(i);
                        out[i * width + start] = quantileScore(q.sorted(), Double.isFinite(v) ? v : q.fill());
                    }
                }
                case Categorical c -> {
                    var categorical = (CategoricalColumn) column;
                    for (int i = 0; i < n; i++) {
                        int code = categorical.code(i);
                        out[i * width + start + (code == CategoricalColumn.MISSING ? c.fill() : code)] = 1;
                    }
                }
                case Absent a -> { }
            }
        }
        return out;
    }

    /**
     * Decodes network rows to a table of the fitted schema: the largest entry of a one-hot block wins, scalars are
     * clipped to {@code [-1, 1]}.
     *
     * @param data {@code rows x width()} row-major, scalars already through tanh
     * @param rows the row count
     * @return the table
     */
    Table decode(double[] data, int rows) {
        var columns = new ArrayList<Column>(codecs.size());
        for (int j = 0; j < codecs.size(); j++) {
            int start = starts[j];
            switch (codecs.get(j)) {
                case Modes m -> {
                    var mix = m.mixture();
                    double[] values = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        int c = argmax(data, i * width + start + 1, mix.components(), start + 1);
                        double alpha = Math.clamp(data[i * width + start], -1, 1);
                        double v = alpha * SCALE * mix.sds()[c] + mix.means()[c];
                        values[i] = finish(Math.clamp(v, m.min(), m.max()), m.integer());
                    }
                    columns.add(NumericColumn.of(m.name(), values));
                }
                case Quantiles q -> {
                    double[] values = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        values[i] = finish(quantileValue(q.sorted(), data[i * width + start]), q.integer());
                    }
                    columns.add(NumericColumn.of(q.name(), values));
                }
                case Categorical c -> {
                    int[] codes = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        codes[i] = argmax(data, i * width + start, c.levels().size(), start);
                    }
                    columns.add(c.ordinal() ? OrdinalColumn.of(c.name(), c.levels(), codes)
                            : NominalColumn.of(c.name(), c.levels(), codes));
                }
                case Absent a -> {
                    if (a.categorical()) {
                        int[] codes = new int[rows];
                        Arrays.fill(codes, CategoricalColumn.MISSING);
                        columns.add(a.ordinal() ? OrdinalColumn.of(a.name(), a.levels(), codes)
                                : NominalColumn.of(a.name(), a.levels(), codes));
                    } else {
                        double[] values = new double[rows];
                        Arrays.fill(values, Double.NaN);
                        columns.add(NumericColumn.of(a.name(), values));
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return new Table(tableName, List.<Column>of()).withColumns(List.of());
        }
        return new Table(tableName, columns);
    }

    /**
     * Turns raw decoder outputs into one decoded sample: tanh plus Gaussian noise of the given spread on scalars,
     * a level drawn from the softmax on one-hot blocks.
     *
     * @param raw decoder outputs, {@code rows x width()}
     * @param rows the row count
     * @param sigma per encoded column, the noise spread of scalars (ignored on one-hot columns); may be null
     * @param random the draws
     * @return activated rows, one-hot blocks hard
     */
    double[] sampleActivated(double[] raw, int rows, double[] sigma, SplittableRandom random) {
        double[] out = new double[rows * width];
        double[] p = new double[width];
        for (int i = 0; i < rows; i++) {
            int o = i * width;
            for (Block b : blocks) {
                if (!b.oneHot()) {
                    double noise = sigma == null ? 0 : sigma[b.start()] * io.modelscout.plugins.core.nn.Batches.gaussian(random);
                    out[o + b.start()] = Math.clamp(Math.tanh(raw[o + b.start()]) + noise, -1, 1);
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < b.width(); k++) {
                    max = Math.max(max, raw[o + b.start() + k]);
                }
                double sum = 0;
                for (int k = 0; k < b.width(); k++) {
                    p[k] = allowed[b.start() + k] ? Math.exp(raw[o + b.start() + k] - max) : 0;
                    sum += p[k];
                }
                double u = random.nextDouble() * sum;
                int pick = -1;
                double acc = 0;
                for (int k = 0; k < b.width(); k++) {
                    acc += p[k];
                    if (p[k] > 0) {
                        pick = k;
                        if (u < acc) {
                            break;
                        }
                    }
                }
                out[o + b.start() + pick] = 1;
            }
        }
        return out;
    }

    private static double finish(double v, boolean integer) {
        return integer ? Math.rint(v) : v;
    }

    /** The largest entry of a block among the levels that occur in the training rows. */
    private int argmax(double[] data, int from, int size, int column) {
        int best = -1;
        for (int k = 0; k < size; k++) {
            if (allowed[column + k] && (best < 0 || data[from + k] > data[from + best])) {
                best = k;
            }
        }
        return best;
    }

    /** The normal score of a value's mid-rank among the training values, divided by 4 so it lies in (-1, 1). */
    static double quantileScore(double[] sorted, double v) {
        int n = sorted.length;
        int below = lowerBound(sorted, v);
        int upTo = upperBound(sorted, v);
        double u = (below + 0.5 * (upTo - below)) / n;
        u = Math.clamp(u, 0.5 / n, 1 - 0.5 / n);
        return Math.clamp(Normal.quantile(u) / SCALE, -LIMIT, LIMIT);
    }

    /** The inverse of {@link #quantileScore}: the training quantile at the score's probability, interpolated. */
    static double quantileValue(double[] sorted, double score) {
        int n = sorted.length;
        double u = Normal.cdf(Math.clamp(score, -1, 1) * SCALE);
        double position = Math.clamp(u * n - 0.5, 0, n - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(lo + 1, n - 1);
        double t = position - lo;
        return sorted[lo] + t * (sorted[hi] - sorted[lo]);
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
