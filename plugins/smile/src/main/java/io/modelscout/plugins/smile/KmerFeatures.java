package io.modelscout.plugins.smile;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Symbol sequences as bags of k-mers: for each k-mer (k consecutive symbols) seen in the training sequences, how many
 * times it occurs in a sequence. The order of the k-mers within a sequence is thrown away; only local order, inside
 * each k-mer, is kept. Counts are standardised with the training means and standard deviations, so penalised
 * linear models weigh the k-mers alike.
 */
final class KmerFeatures {
    private final String column;
    private final List<String> levels;
    private final int k;
    /** k-mer code (base-{@code levels.size()} number) to feature index, in code order. */
    private final TreeMap<Long, Integer> index;
    private final double[] mean;
    private final double[] scale;

    private KmerFeatures(String column, List<String> levels, int k, TreeMap<Long, Integer> index, double[] mean,
                         double[] scale) {
        this.column = column;
        this.levels = List.copyOf(levels);
        this.k = k;
        this.index = index;
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * The single nominal column of symbols a k-mer model takes.
     *
     * @param positions the positions
     * @param plugin the plugin, for the message
     * @return the column
     */
    static CategoricalColumn symbols(Table positions, String plugin) {
        if (positions.columnCount() != 1 || !(positions.column(0) instanceof CategoricalColumn symbols)) {
            throw new IllegalArgumentException(plugin + " takes one nominal column of symbols per position, got "
                    + positions.columns().stream().map(c -> c.name() + " (" + c.kind() + ")").toList());
        }
        return symbols;
    }

    /**
     * Finds the k-mers of the training sequences and their count statistics.
     *
     * @param data the training sequences
     * @param k the k-mer length
     * @param plugin the plugin, for messages
     * @return the encoder
     */
    static KmerFeatures fit(Sequences data, int k, String plugin) {
        CategoricalColumn symbols = symbols(data.positions(), plugin);
        int alphabet = symbols.levels().size();
        if (Math.pow(alphabet, k) > 1e15) {
            throw new IllegalArgumentException(plugin + ": k " + k + " over " + alphabet + " symbols is too large");
        }
        var seen = new TreeMap<Long, Integer>();
        for (long[] codes : codes(data, symbols, k, alphabet)) {
            for (long code : codes) {
                seen.put(code, 0);
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException(plugin + ": no training sequence has " + k + " symbols");
        }
        int i = 0;
        for (var entry : seen.entrySet()) {
            entry.setValue(i++);
        }
        var raw = new KmerFeatures(symbols.name(), symbols.levels(), k, seen, new double[i], filled(i));
        double[][] x = raw.counts(data);
        double[] mean = new double[i];
        double[] scale = new double[i];
        for (int j = 0; j < i; j++) {
            double sum = 0;
            double squares = 0;
            for (double[] row : x) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            mean[j] = sum / x.length;
            double sd = Math.sqrt(Math.max(squares / x.length - mean[j] * mean[j], 0));
            scale[j] = sd > 0 ? sd : 1;
        }
        return new KmerFeatures(symbols.name(), symbols.levels(), k, seen, mean, scale);
    }

    private static double[] filled(int n) {
        double[] out = new double[n];
        Arrays.fill(out, 1);
        return out;
    }

    private static List<long[]> codes(Sequences data, CategoricalColumn symbols, int k, int alphabet) {
        var out = new ArrayList<long[]>();
        for (int s = 0; s < data.count(); s++) {
            int length = data.length(s);
            long[] codes = new long[Math.max(0, length - k + 1)];
            for (int t = 0; t + k <= length; t++) {
                long code = 0;
                for (int u = t; u < t + k; u++) {
                    int symbol = symbols.code(data.start(s) + u);
                    if (symbol == CategoricalColumn.MISSING) {
                        throw new IllegalArgumentException("column '" + symbols.name() + "', row "
                                + (data.start(s) + u) + ": a missing symbol");
                    }
                    code = code * alphabet + symbol;
                }
                codes[t] = code;
            }
            out.add(codes);
        }
        return out;
    }

    private double[][] counts(Sequences data) {
        CategoricalColumn symbols = symbols(data.positions(), "the k-mer model");
        if (!symbols.name().equals(column) || symbols.levels().size() != levels.size()) {
            throw new IllegalArgumentException("expected the nominal column '" + column + "' of " + levels.size()
                    + " levels, got '" + symbols.name() + "' of " + symbols.levels().size());
        }
        var codes = codes(data, symbols, k, levels.size());
        double[][] x = new double[codes.size()][index.size()];
        for (int s = 0; s < x.length; s++) {
            for (long code : codes.get(s)) {
                Integer j = index.get(code);
                if (j != null) {
                    x[s][j]++;
                }
            }
        }
        return x;
    }

    /**
     * The standardised k-mer counts of each sequence, one numeric column per k-mer named by its symbols.
     *
     * @param data the sequences
     * @return one row per sequence
     */
    Table table(Sequences data) {
        double[][] x = counts(data);
        var columns = new ArrayList<NumericColumn>(index.size());
        for (var entry : index.entrySet()) {
            int j = entry.getValue();
            double[] values = new double[x.length];
            for (int s = 0; s < x.length; s++) {
                values[s] = (x[s][j] - mean[j]) / scale[j];
            }
            columns.add(NumericColumn.of(name(entry.getKey()), values));
        }
        return new Table("kmers", columns);
    }

    private String name(long code) {
        var parts = new String[k];
        for (int i = k - 1; i >= 0; i--) {
            parts[i] = levels.get((int) (code % levels.size()));
            code /= levels.size();
        }
        return String.join("", parts);
    }

    /**
     * The number of k-mer features.
     *
     * @return the count
     */
    int size() {
        return index.size();
    }
}
