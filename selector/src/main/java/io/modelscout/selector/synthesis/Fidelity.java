package io.modelscout.selector.synthesis;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How closely synthetic rows follow real ones, column by column and pair by pair. Scores run from 0 (nothing alike)
 * to 1 (the same distribution); both tables have the same schema.
 */
public final class Fidelity {
    /** Numeric columns are cut at the real data's quantiles into this many bins for contingency tables. */
    static final int BINS = 5;

    private Fidelity() {
    }

    /**
     * The shape similarity of one column: 1 - the two-sample Kolmogorov-Smirnov statistic for a numeric column,
     * 1 - the total variation distance of the level shares for a categorical one. Missing cells are left out.
     *
     * @param real the real column
     * @param synthetic the synthetic column of the same name and type
     * @return 0 to 1; 1 when both have no values
     */
    public static double columnShape(Column real, Column synthetic) {
        return switch (real) {
            case NumericColumn numeric -> 1.0 - ks(present(numeric), present((NumericColumn) synthetic));
            case CategoricalColumn categorical -> 1.0 - tvd(shares(categorical), shares((CategoricalColumn) synthetic));
        };
    }

    /**
     * The mean shape similarity over all columns.
     *
     * @param real the real rows
     * @param synthetic the synthetic rows
     * @return 0 to 1
     */
    public static double columnShapes(Table real, Table synthetic) {
        double sum = 0;
        for (int j = 0; j < real.columnCount(); j++) {
            sum += columnShape(real.column(j), synthetic.column(j));
        }
        return real.columnCount() == 0 ? 1.0 : sum / real.columnCount();
    }

    /**
     * The mean similarity of pair-wise trends: for two numeric columns 1 - |r_real - r_synthetic| / 2 (Pearson
     * correlations over rows with both cells present; a pair constant in both tables counts as alike); for a pair with
     * a categorical column, 1 - the total variation distance of the two contingency tables, numeric columns cut at the
     * real data's quantiles and a missing cell counted as a category of its own.
     *
     * @param real the real rows
     * @param synthetic the synthetic rows
     * @return 0 to 1; 1 for a table of fewer than two columns
     */
    public static double pairTrends(Table real, Table synthetic) {
        int p = real.columnCount();
        double sum = 0;
        int pairs = 0;
        int[][] realBins = new int[p][];
        int[][] synthBins = new int[p][];
        int[] categories = new int[p];
        for (int j = 0; j < p; j++) {
            Column column = real.column(j);
            double[] edges = column instanceof NumericColumn n ? edges(n) : null;
            categories[j] = edges == null ? ((CategoricalColumn) column).levels().size() + 1 : edges.length + 2;
            realBins[j] = binned(column, edges);
            synthBins[j] = binned(synthetic.column(j), edges);
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                if (real.column(a) instanceof NumericColumn ra && real.column(b) instanceof NumericColumn rb) {
                    double r = pearson(ra, rb);
                    double s = pearson((NumericColumn) synthetic.column(a), (NumericColumn) synthetic.column(b));
                    if (Double.isNaN(r) && Double.isNaN(s)) {
                        sum += 1;
                    } else if (Double.isNaN(r) || Double.isNaN(s)) {
                        // One side has no spread: its trend is none at all.
                        sum += 1 - Math.abs(Double.isNaN(r) ? s : r) / 2;
                    } else {
                        sum += 1 - Math.abs(r - s) / 2;
                    }
                } else {
                    sum += 1 - tvd(joint(realBins[a], realBins[b], categories[b], categories[a]),
                            joint(synthBins[a], synthBins[b], categories[b], categories[a]));
                }
                pairs++;
            }
        }
        return pairs == 0 ? 1.0 : sum / pairs;
    }

    /**
     * The association of every pair of columns, for heat maps: Pearson's r for two numeric columns, Cramér's V on
     * binned values otherwise (0 to 1), 1 on the diagonal.
     *
     * @param table the rows
     * @param reference the real rows whose quantiles cut numeric columns (the same for real and synthetic maps)
     * @return a symmetric matrix in column order; 0 where a column has no spread
     */
    public static double[][] associations(Table table, Table reference) {
        int p = table.columnCount();
        int[][] bins = new int[p][];
        int[] categories = new int[p];
        for (int j = 0; j < p; j++) {
            Column column = reference.column(j);
            double[] edges = column instanceof NumericColumn n ? edges(n) : null;
            categories[j] = edges == null ? ((CategoricalColumn) column).levels().size() + 1 : edges.length + 2;
            bins[j] = binned(table.column(j), edges);
        }
        double[][] out = new double[p][p];
        for (int a = 0; a < p; a++) {
            out[a][a] = 1;
            for (int b = a + 1; b < p; b++) {
                double v;
                if (table.column(a) instanceof NumericColumn na && table.column(b) instanceof NumericColumn nb) {
                    v = pearson(na, nb);
                } else {
                    v = cramersV(bins[a], bins[b], categories[a], categories[b]);
                }
                v = Double.isNaN(v) ? 0 : v;
                out[a][b] = v;
                out[b][a] = v;
            }
        }
        return out;
    }

    /** The present values of a numeric column, sorted. */
    static double[] present(NumericColumn column) {
        double[] values = new double[column.size()];
        int n = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.value(i);
            if (!Double.isNaN(v)) {
                values[n++] = v;
            }
        }
        double[] out = Arrays.copyOf(values, n);
        Arrays.sort(out);
        return out;
    }

    /** Two-sample Kolmogorov-Smirnov statistic of sorted samples; 0 when both are empty, 1 when one is. */
    static double ks(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 0 : 1;
        }
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) a.length - j / (double) b.length));
        }
        return d;
    }

    static double[] shares(CategoricalColumn column) {
        int[] counts = column.counts();
        long total = Arrays.stream(counts).asLongStream().sum();
        double[] out = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            out[k] = total == 0 ? 0 : counts[k] / (double) total;
        }
        return out;
    }

    /** Total variation distance; two empty distributions (all zero) are alike, one empty and one not are apart. */
    static double tvd(double[] p, double[] q) {
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        if (sp == 0 || sq == 0) {
            return sp == sq ? 0 : 1;
        }
        double d = 0;
        for (int k = 0; k < p.length; k++) {
            d += Math.abs(p[k] - q[k]);
        }
        return d / 2;
    }

    /** Inner quantile cut points of the present values, without repeats. */
    static double[] edges(NumericColumn real) {
        double[] values = present(real);
        if (values.length == 0) {
            return new double[0];
        }
        var cuts = new ArrayList<Double>();
        for (int k = 1; k < BINS; k++) {
            double q = values[(int) Math.min(values.length - 1, Math.floor(k * values.length / (double) BINS))];
            if (cuts.isEmpty() || q > cuts.getLast()) {
                cuts.add(q);
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Category per row: level code or numeric bin, the last category for a missing cell. */
    static int[] binned(Column column, double[] edges) {
        int n = column.size();
        int[] out = new int[n];
        switch (column) {
            case CategoricalColumn c -> {
                int missing = c.levels().size();
                for (int i = 0; i < n; i++) {
                    int code = c.code(i);
                    out[i] = code == CategoricalColumn.MISSING ? missing : code;
                }
            }
            case NumericColumn c -> {
                int missing = edges.length + 1;
                for (int i = 0; i < n; i++) {
                    double v = c.value(i);
                    if (Double.isNaN(v)) {
                        out[i] = missing;
                    } else {
                        int bin = Arrays.binarySearch(edges, v);
                        out[i] = bin >= 0 ? bin + 1 : -bin - 1;
                    }
                }
            }
        }
        return out;
    }

    private static double[] joint(int[] a, int[] b, int categoriesB, int categoriesA) {
        double[] out = new double[categoriesA * categoriesB];
        for (int i = 0; i < a.length; i++) {
            out[a[i] * categoriesB + b[i]] += 1.0 / a.length;
        }
        return out;
    }

    /** Pearson's r over rows with both cells present; NaN when either has no spread there. */
    static double pearson(NumericColumn x, NumericColumn y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            double a = x.value(i);
            double b = y.value(i);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                sx += a;
                sy += b;
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.size(); i++) {
            double a = x.value(i);
            double b = y.value(i);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                sxx += (a - mx) * (a - mx);
                syy += (b - my) * (b - my);
                sxy += (a - mx) * (b - my);
            }
        }
        if (sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static double cramersV(int[] a, int[] b, int ka, int kb) {
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[][] counts = new double[ka][kb];
        double[] ra = new double[ka];
        double[] rb = new double[kb];
        for (int i = 0; i < n; i++) {
            counts[a[i]][b[i]]++;
            ra[a[i]]++;
            rb[b[i]]++;
        }
        int usedA = (int) Arrays.stream(ra).filter(v -> v > 0).count();
        int usedB = (int) Arrays.stream(rb).filter(v -> v > 0).count();
        if (usedA < 2 || usedB < 2) {
            return Double.NaN;
        }
        double chi = 0;
        for (int x = 0; x < ka; x++) {
            for (int y = 0; y < kb; y++) {
                double expected = ra[x] * rb[y] / n;
                if (expected > 0) {
                    chi += (counts[x][y] - expected) * (counts[x][y] - expected) / expected;
                }
            }
        }
        return Math.sqrt(chi / n / (Math.min(usedA, usedB) - 1));
    }

    /**
     * A column's real and synthetic distributions side by side, for the report's overlays: shares per level for a
     * categorical column, shares per equal-width bin over both samples' range for a numeric one.
     *
     * @param name the column name
     * @param kind {@code numeric}, {@code nominal} or {@code ordinal}
     * @param labels the level names, or the bins' lower edges as text
     * @param real the real shares
     * @param synthetic the synthetic shares
     * @param score the shape similarity of the column
     */
    public record Comparison(String name, String kind, List<String> labels, List<Double> real, List<Double> synthetic,
                             double score) {
        /** Copies the lists. */
        public Comparison {
            labels = List.copyOf(labels);
            real = List.copyOf(real);
            synthetic = List.copyOf(synthetic);
        }
    }

    /** The most levels a bar chart shows; the rest are summed into the last bar. */
    static final int MAX_LEVELS = 24;
    /** Bins of a numeric overlay. */
    static final int HISTOGRAM_BINS = 20;

    /**
     * Every column's overlay.
     *
     * @param real the real rows
     * @param synthetic the synthetic rows
     * @return one comparison per column, in column order
     */
    public static List<Comparison> compare(Table real, Table synthetic) {
        var out = new ArrayList<Comparison>();
        for (int j = 0; j < real.columnCount(); j++) {
            Column r = real.column(j);
            Column s = synthetic.column(j);
            double score = columnShape(r, s);
            switch (r) {
                case CategoricalColumn c -> {
                    double[] pr = shares(c);
                    double[] ps = shares((CategoricalColumn) s);
                    var labels = new ArrayList<String>();
                    var rs = new ArrayList<Double>();
                    var ss = new ArrayList<Double>();
                    for (int k = 0; k < pr.length; k++) {
                        if (k < MAX_LEVELS) {
                            labels.add(c.levels().get(k));
                            rs.add(pr[k]);
                            ss.add(ps[k]);
                        } else {
                            if (k == MAX_LEVELS) {
                                labels.set(MAX_LEVELS - 1, "other levels");
                            }
                            rs.set(MAX_LEVELS - 1, rs.get(MAX_LEVELS - 1) + pr[k]);
                            ss.set(MAX_LEVELS - 1, ss.get(MAX_LEVELS - 1) + ps[k]);
                        }
                    }
                    out.add(new Comparison(r.name(), r.kind(), labels, rs, ss, score));
                }
                case NumericColumn n -> {
                    double[] a = present(n);
                    double[] b = present((NumericColumn) s);
                    double lo = Math.min(a.length > 0 ? a[0] : Double.POSITIVE_INFINITY,
                            b.length > 0 ? b[0] : Double.POSITIVE_INFINITY);
                    double hi = Math.max(a.length > 0 ? a[a.length - 1] : Double.NEGATIVE_INFINITY,
                            b.length > 0 ? b[b.length - 1] : Double.NEGATIVE_INFINITY);
                    if (!(hi >= lo)) {
                        out.add(new Comparison(r.name(), r.kind(), List.of(), List.of(), List.of(), score));
                        continue;
                    }
                    int bins = hi > lo ? HISTOGRAM_BINS : 1;
                    double width = hi > lo ? (hi - lo) / bins : 1;
                    var labels = new ArrayList<String>();
                    for (int k = 0; k < bins; k++) {
                        labels.add(io.modelscout.selector.synthesis.SyntheticWriter.number(lo + k * width, 4));
                    }
                    out.add(new Comparison(r.name(), r.kind(), labels, histogram(a, lo, width, bins),
                            histogram(b, lo, width, bins), score));
                }
            }
        }
        return out;
    }

    private static List<Double> histogram(double[] values, double lo, double width, int bins) {
        double[] counts = new double[bins];
        for (double v : values) {
            int k = (int) Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
            counts[k]++;
        }
        var out = new ArrayList<Double>(bins);
        for (double c : counts) {
            out.add(values.length == 0 ? 0.0 : c / values.length);
        }
        return out;
    }
}
