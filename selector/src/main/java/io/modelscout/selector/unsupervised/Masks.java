package io.modelscout.selector.unsupervised;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.eval.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The imputation comparison: in each split, a share of the known cells of the held-out rows masked at random
 * (seeded by the split alone), the masked tables every method fills, the errors against the hidden truth, and the
 * two baselines (training-fold mean or mode; k nearest training rows).
 */
final class Masks {
    private final Table features;
    private final List<Split> splits;
    /** Per split: the held-out rows with the masked cells missing. */
    private final List<Table> masked;
    /** Per split: the masked cells as (held-out position, column) pairs. */
    private final List<int[][]> cells;
    /** Per split and column: the training fold's standard deviation (numeric columns). */
    private final List<double[]> sd;

    record Errors(double squared, int numeric, int wrong, int nominal) {
    }

    private Masks(Table features, List<Split> splits, List<Table> masked, List<int[][]> cells, List<double[]> sd) {
        this.features = features;
        this.splits = splits;
        this.masked = masked;
        this.cells = cells;
        this.sd = sd;
    }

    static Masks make(Table features, List<Split> splits, double share, long seed) {
        var masked = new ArrayList<Table>();
        var cells = new ArrayList<int[][]>();
        var sds = new ArrayList<double[]>();
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            Table test = features.select(split.test());
            var random = new SplittableRandom(Seeds.mix(seed, "mask", s));
            var chosen = new ArrayList<int[]>();
            var columns = new ArrayList<Column>();
            double[] sd = new double[features.columnCount()];
            for (int j = 0; j < features.columnCount(); j++) {
                Column column = test.column(j);
                boolean[] hide = new boolean[test.rowCount()];
                for (int i = 0; i < test.rowCount(); i++) {
                    if (!column.isMissing(i) && random.nextDouble() < share) {
                        hide[i] = true;
                        chosen.add(new int[] {i, j});
                    }
                }
                columns.add(hidden(column, hide));
                if (features.column(j) instanceof NumericColumn numeric) {
                    sd[j] = sd(numeric.select(split.train()));
                }
            }
            masked.add(test.withColumns(columns));
            cells.add(chosen.toArray(int[][]::new));
            sds.add(sd);
        }
        return new Masks(features, splits, masked, cells, sds);
    }

    private static Column hidden(Column column, boolean[] hide) {
        return switch (column) {
            case NumericColumn n -> {
                double[] v = n.toArray();
                for (int i = 0; i < v.length; i++) {
                    if (hide[i]) {
                        v[i] = Double.NaN;
                    }
                }
                yield n.withValues(v);
            }
            case CategoricalColumn c -> {
                int[] codes = c.toCodes();
                for (int i = 0; i < codes.length; i++) {
                    if (hide[i]) {
                        codes[i] = CategoricalColumn.MISSING;
                    }
                }
                yield switch (c) {
                    case NominalColumn nominal -> nominal.withCodes(codes);
                    case OrdinalColumn ordinal -> ordinal.withCodes(codes);
                };
            }
        };
    }

    private static double sd(NumericColumn column) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                sum += column.value(i);
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double ss = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                ss += (column.value(i) - mean) * (column.value(i) - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return sd > 0 ? sd : 1;
    }

    Table masked(int split) {
        return masked.get(split);
    }

    int numericCells() {
        int count = 0;
        for (int[][] c : cells) {
            for (int[] cell : c) {
                count += features.column(cell[1]) instanceof NumericColumn ? 1 : 0;
            }
        }
        return count;
    }

    int nominalCells() {
        return cells.stream().mapToInt(c -> c.length).sum() - numericCells();
    }

    /** The errors of a completed table on the masked cells of a split. */
    Errors errors(int split, Table completed) {
        if (completed == null || completed.rowCount() != masked.get(split).rowCount()
                || completed.columnCount() != features.columnCount()) {
            throw new IllegalStateException("impute returned a table of a different shape");
        }
        Table truth = features.select(splits.get(split).test());
        double squared = 0;
        int numeric = 0;
        int wrong = 0;
        int nominal = 0;
        for (int[] cell : cells.get(split)) {
            Column filled = completed.column(cell[1]);
            if (filled.isMissing(cell[0])) {
                throw new IllegalStateException("impute left the masked cell of column '" + filled.name()
                        + "' missing");
            }
            switch (truth.column(cell[1])) {
                case NumericColumn t -> {
                    double d = (((NumericColumn) filled).value(cell[0]) - t.value(cell[0])) / sd.get(split)[cell[1]];
                    if (!Double.isFinite(d)) {
                        throw new IllegalStateException("impute returned NaN or infinite values");
                    }
                    squared += d * d;
                    numeric++;
                }
                case CategoricalColumn t -> {
                    wrong += ((CategoricalColumn) filled).label(cell[0]).equals(t.label(cell[0])) ? 0 : 1;
                    nominal++;
                }
            }
        }
        return new Errors(squared, numeric, wrong, nominal);
    }

    /** The baselines on the same masked cells. */
    List<DensityDetails.ImputationMethod> baselines(List<Split> all) {
        int S = all.size();
        double[][] nrmse = new double[2][S];
        double[][] error = new double[2][S];
        for (int s = 0; s < S; s++) {
            Table train = features.select(all.get(s).train());
            Errors mean = errors(s, meanMode(train, masked.get(s)));
            Errors knn = errors(s, nearest(train, masked.get(s), s));
            nrmse[0][s] = mean.numeric() == 0 ? Double.NaN : Math.sqrt(mean.squared() / mean.numeric());
            error[0][s] = mean.nominal() == 0 ? Double.NaN : mean.wrong() / (double) mean.nominal();
            nrmse[1][s] = knn.numeric() == 0 ? Double.NaN : Math.sqrt(knn.squared() / knn.numeric());
            error[1][s] = knn.nominal() == 0 ? Double.NaN : knn.wrong() / (double) knn.nominal();
        }
        boolean anyNumeric = numericCells() > 0;
        boolean anyNominal = nominalCells() > 0;
        return List.of(
                Evaluation.method("baseline.mean-mode", "baseline", anyNumeric ? nrmse[0] : new double[0],
                        anyNominal ? error[0] : new double[0]),
                Evaluation.method("baseline.knn", "baseline", anyNumeric ? nrmse[1] : new double[0],
                        anyNominal ? error[1] : new double[0]));
    }

    /** Every missing cell at the training fold's mean (numeric) or most frequent level. */
    static Table meanMode(Table train, Table rows) {
        var columns = new ArrayList<Column>();
        for (int j = 0; j < rows.columnCount(); j++) {
            Column column = rows.column(j);
            switch (column) {
                case NumericColumn n -> {
                    var t = (NumericColumn) train.column(j);
                    double sum = 0;
                    int count = 0;
                    for (int i = 0; i < t.size(); i++) {
                        if (!t.isMissing(i)) {
                            sum += t.value(i);
                            count++;
                        }
                    }
                    double mean = count == 0 ? 0 : sum / count;
                    double[] v = n.toArray();
                    for (int i = 0; i < v.length; i++) {
                        if (Double.isNaN(v[i])) {
                            v[i] = mean;
                        }
                    }
                    columns.add(n.withValues(v));
                }
                case CategoricalColumn c -> {
                    int[] counts = ((CategoricalColumn) train.column(j)).counts();
                    int mode = 0;
                    for (int k = 1; k < counts.length; k++) {
                        if (counts[k] > counts[mode]) {
                            mode = k;
                        }
                    }
                    int[] codes = c.toCodes();
                    for (int i = 0; i < codes.length; i++) {
                        if (codes[i] == CategoricalColumn.MISSING) {
                            codes[i] = mode;
                        }
                    }
                    columns.add(switch (c) {
                        case NominalColumn nominal -> nominal.withCodes(codes);
                        case OrdinalColumn ordinal -> ordinal.withCodes(codes);
                    });
                }
            }
        }
        return rows.withColumns(columns);
    }

    /**
     * Every missing cell from the {@value Evaluation#KNN} nearest training rows that know it: distance over the cells
     * both rows know (numeric standardised by the training fold, nominal 0 or 1), scaled up for the cells missing.
     */
    private Table nearest(Table train, Table rows, int split) {
        int p = rows.columnCount();
        double[] scale = sd.get(split);
        double[][] a = new double[train.rowCount()][p];
        double[][] b = new double[rows.rowCount()][p];
        fill(train, a);
        fill(rows, b);
        Table fallback = meanMode(train, rows);
        double[][] out = new double[rows.rowCount()][p];
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < rows.rowCount(); i++) {
            boolean any = false;
            for (int j = 0; j < p; j++) {
                any |= Double.isNaN(b[i][j]);
            }
            if (!any) {
                continue;
            }
            double[] distance = new double[train.rowCount()];
            for (int t = 0; t < train.rowCount(); t++) {
                double sum = 0;
                int common = 0;
                for (int j = 0; j < p; j++) {
                    if (Double.isNaN(b[i][j]) || Double.isNaN(a[t][j])) {
                        continue;
                    }
                    double d = train.column(j) instanceof NumericColumn ? (b[i][j] - a[t][j]) / scale[j]
                            : (b[i][j] == a[t][j] ? 0 : 1);
                    sum += d * d;
                    common++;
                }
                distance[t] = common == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(sum * p / common);
            }
            Integer[] order = new Integer[train.rowCount()];
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(distance[x], distance[y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            for (int j = 0; j < p; j++) {
                if (!Double.isNaN(b[i][j])) {
                    continue;
                }
                var values = new ArrayList<Double>();
                for (int o = 0; o < order.length && values.size() < Evaluation.KNN; o++) {
                    if (!Double.isNaN(a[order[o]][j]) && Double.isFinite(distance[order[o]])) {
                        values.add(a[order[o]][j]);
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                if (train.column(j) instanceof NumericColumn) {
                    out[i][j] = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                } else {
                    int levels = ((CategoricalColumn) train.column(j)).levels().size();
                    int[] votes = new int[levels];
                    values.forEach(v -> votes[(int) (double) v]++);
                    int best = 0;
                    for (int k = 1; k < levels; k++) {
                        if (votes[k] > votes[best]) {
                            best = k;
                        }
                    }
                    out[i][j] = best;
                }
            }
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < p; j++) {
            Column column = fallback.column(j);
            switch (column) {
                case NumericColumn n -> {
                    double[] v = n.toArray();
                    for (int i = 0; i < v.length; i++) {
                        if (!Double.isNaN(out[i][j])) {
                            v[i] = out[i][j];
                        }
                    }
                    columns.add(n.withValues(v));
                }
                case CategoricalColumn c -> {
                    int[] codes = c.toCodes();
                    for (int i = 0; i < codes.length; i++) {
                        if (!Double.isNaN(out[i][j])) {
                            codes[i] = (int) out[i][j];
                        }
                    }
                    columns.add(switch (c) {
                        case NominalColumn nominal -> nominal.withCodes(codes);
                        case OrdinalColumn ordinal -> ordinal.withCodes(codes);
                    });
                }
            }
        }
        return rows.withColumns(columns);
    }

    private static void fill(Table table, double[][] into) {
        for (int j = 0; j < table.columnCount(); j++) {
            Column column = table.column(j);
            for (int i = 0; i < table.rowCount(); i++) {
                into[i][j] = switch (column) {
                    case NumericColumn n -> n.value(i);
                    case CategoricalColumn c -> c.isMissing(i) ? Double.NaN : c.code(i);
                };
            }
        }
    }
}
