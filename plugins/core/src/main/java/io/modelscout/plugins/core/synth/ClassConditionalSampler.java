package io.modelscout.plugins.core.synth;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class-conditional naive Bayes as a synthesizer: a class is drawn by its frequency, then every other column on its
 * own given the class (numbers from the class's smoothed empirical distribution or a Gaussian clipped to the
 * training range; levels from the class's Laplace-smoothed frequencies over the levels that occur). Keeps every
 * trend that runs through the class and none that does not. Conditions exactly: on the class by fixing it, on
 * another categorical column by drawing the class from its posterior given that level.
 *
 * <p>A numeric class column (a regression target, or the last column of an all-numeric table) is cut into
 * quantile bins that act as the classes; the column itself is then drawn, like the others, given its bin.
 */
public final class ClassConditionalSampler extends SynthesizerModel {
    private final int classIndex;
    private final boolean binned;
    private final double[] classProbabilities;
    private final Conditional[] columns;

    /** One column given the class. */
    private sealed interface Conditional {
        double draw(int klass, SplittableRandom random);
    }

    private record Empirical(NumericMarginal[] perClass) implements Conditional {
        @Override
        public double draw(int klass, SplittableRandom random) {
            return perClass[klass].draw(random);
        }
    }

    private record Gaussian(double[] mean, double[] sd) implements Conditional {
        @Override
        public double draw(int klass, SplittableRandom random) {
            return mean[klass] + sd[klass] * random.nextGaussian();
        }
    }

    private record Levels(double[][] probabilities) implements Conditional {
        @Override
        public double draw(int klass, SplittableRandom random) {
            return pick(probabilities[klass], random.nextDouble());
        }
    }

    private ClassConditionalSampler(Schema schema, int classIndex, boolean binned, double[] classProbabilities,
                                    Conditional[] columns) {
        super(schema);
        this.classIndex = classIndex;
        this.binned = binned;
        this.classProbabilities = classProbabilities;
        this.columns = columns;
    }

    /**
     * The class column: the one named, or else the last nominal column, the last ordinal one when there is no
     * nominal column, the last numeric one (cut into bins) when there is no categorical column.
     *
     * @param plugin the plugin id, for messages
     * @param table the training table
     * @param name the parameter's value; blank for the default
     * @return the column's position
     * @throws IllegalArgumentException when the named column is unknown
     */
    public static int classColumn(String plugin, Table table, String name) {
        if (!name.isBlank()) {
            if (table.find(name).isEmpty()) {
                throw new IllegalArgumentException(plugin + ": classColumn: no column '" + name + "'; columns: "
                        + String.join(", ", table.columnNames()));
            }
            return table.columnNames().indexOf(name);
        }
        int ordinal = -1;
        for (int j = table.columnCount() - 1; j >= 0; j--) {
            Column column = table.column(j);
            if (column instanceof NominalColumn) {
                return j;
            }
            if (column instanceof CategoricalColumn && ordinal < 0) {
                ordinal = j;
            }
        }
        return ordinal >= 0 ? ordinal : table.columnCount() - 1;
    }

    /** Quantile bins of a numeric column as class codes: each row's bin by its rank, ties in one bin. */
    private static CategoricalColumn bins(NumericColumn column, int bins) {
        int n = column.size();
        double[] sorted = column.toArray();
        Arrays.sort(sorted);
        int[] codes = new int[n];
        var labels = new ArrayList<String>();
        for (int b = 0; b < bins; b++) {
            labels.add("bin" + b);
        }
        for (int i = 0; i < n; i++) {
            // the rank of the first value equal to this one, so that tied values share a bin
            int lo = 0;
            int hi = n;
            double v = column.value(i);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            codes[i] = (int) ((long) lo * bins / n);
        }
        return NominalColumn.of(column.name(), labels, codes);
    }

    /**
     * Fits the class frequencies and each column given the class.
     *
     * @param table the training table, no cell missing outside all-missing columns
     * @param classIndex the position of the class column
     * @param gaussian whether numbers are Gaussian per class (else their smoothed empirical distribution)
     * @param alpha the Laplace smoothing of level counts
     * @param bins the number of quantile bins that act as classes when the class column is numeric
     * @return the model
     */
    public static ClassConditionalSampler fit(Table table, int classIndex, boolean gaussian, double alpha, int bins) {
        Schema schema = Schema.of(table);
        boolean binned = table.column(classIndex) instanceof NumericColumn;
        var klass = switch (table.column(classIndex)) {
            case NumericColumn numeric -> bins(numeric, bins);
            case CategoricalColumn categorical -> categorical;
        };
        int k = klass.levels().size();
        int[] y = klass.toCodes();
        int[] counts = klass.counts();
        double[] prior = new double[k];
        for (int c = 0; c < k; c++) {
            prior[c] = counts[c] / (double) table.rowCount();
        }
        List<int[]> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int[] rows = new int[counts[c]];
            int m = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    rows[m++] = i;
                }
            }
            members.add(rows);
        }
        var columns = new Conditional[table.columnCount()];
        for (int j = 0; j < table.columnCount(); j++) {
            if ((j == classIndex && !binned) || schema.column(j).constant()) {
                continue;
            }
            // a binned class is drawn from its empirical distribution within the bin, whatever the choice
            boolean normal = gaussian && j != classIndex;
            columns[j] = switch (table.column(j)) {
                case NumericColumn numeric -> normal ? gaussian(numeric, members) : empirical(numeric, members);
                case CategoricalColumn categorical -> levels(categorical, y, k, alpha);
            };
        }
        return new ClassConditionalSampler(schema, classIndex, binned, prior, columns);
    }

    private static Empirical empirical(NumericColumn column, List<int[]> members) {
        var perClass = new NumericMarginal[members.size()];
        for (int c = 0; c < perClass.length; c++) {
            perClass[c] = NumericMarginal.of(column, members.get(c));
        }
        return new Empirical(perClass);
    }

    private static Gaussian gaussian(NumericColumn column, List<int[]> members) {
        int k = members.size();
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int c = 0; c < k; c++) {
            int[] rows = members.get(c);
            for (int i : rows) {
                mean[c] += column.value(i) / rows.length;
            }
            double ss = 0;
            for (int i : rows) {
                ss += Math.pow(column.value(i) - mean[c], 2);
            }
            sd[c] = rows.length > 1 ? Math.sqrt(ss / (rows.length - 1)) : 0.0;
        }
        return new Gaussian(mean, sd);
    }

    private static Levels levels(CategoricalColumn column, int[] y, int k, double alpha) {
        int levels = column.levels().size();
        int[] overall = column.counts();
        double[][] counts = new double[k][levels];
        for (int i = 0; i < y.length; i++) {
            counts[y[i]][column.code(i)]++;
        }
        double[][] p = new double[k][levels];
        for (int c = 0; c < k; c++) {
            double total = 0;
            for (int l = 0; l < levels; l++) {
                // smoothing only over the levels that occur: a level never seen is never made up
                p[c][l] = overall[l] > 0 ? counts[c][l] + alpha : 0.0;
                total += p[c][l];
            }
            for (int l = 0; l < levels; l++) {
                p[c][l] /= total;
            }
        }
        return new Levels(p);
    }

    static int pick(double[] probabilities, double u) {
        double at = 0;
        int last = -1;
        for (int l = 0; l < probabilities.length; l++) {
            if (probabilities[l] > 0) {
                at += probabilities[l];
                last = l;
                if (u < at) {
                    return l;
                }
            }
        }
        return last;
    }

    @Override
    protected double[][] draw(int rows, SplittableRandom random) {
        double[][] cells = new double[schema.size()][rows];
        for (int i = 0; i < rows; i++) {
            drawRow(pick(classProbabilities, random.nextDouble()), cells, i, random, -1);
        }
        return cells;
    }

    private void drawRow(int klass, double[][] cells, int row, SplittableRandom random, int skip) {
        if (!binned) {
            cells[classIndex][row] = klass;
        }
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] != null && j != skip) {
                cells[j][row] = columns[j].draw(klass, random);
            }
        }
    }

    @Override
    public Table sampleWhere(int rows, long seed, String column, String level) {
        int[] at = schema.levelOf(column, level);
        checkRows(rows);
        int j = at[0];
        int code = at[1];
        double[] classGiven;
        if (j == classIndex && !binned) {
            if (classProbabilities[code] <= 0) {
                throw new IllegalArgumentException("level '" + level + "' of column '" + column
                        + "' never occurs in the training rows; there is nothing to condition on");
            }
            classGiven = new double[classProbabilities.length];
            classGiven[code] = 1.0;
        } else if (columns[j] instanceof Levels given) {
            // Bayes: P(class | level) is proportional to P(class) P(level | class)
            classGiven = new double[classProbabilities.length];
            double total = 0;
            for (int c = 0; c < classGiven.length; c++) {
                classGiven[c] = classProbabilities[c] * given.probabilities()[c][code];
                total += classGiven[c];
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("level '" + level + "' of column '" + column
                        + "' never occurs in the training rows; there is nothing to condition on");
            }
            for (int c = 0; c < classGiven.length; c++) {
                classGiven[c] /= total;
            }
        } else {
            // a constant column: its only level, or nothing
            if (schema.column(j).constantCode() != code) {
                throw new IllegalArgumentException("level '" + level + "' of column '" + column
                        + "' never occurs in the training rows; there is nothing to condition on");
            }
            return sample(rows, seed);
        }
        var random = new SplittableRandom(seed);
        double[][] cells = new double[schema.size()][rows];
        for (int i = 0; i < rows; i++) {
            drawRow(pick(classGiven, random.nextDouble()), cells, i, random, j);
            cells[j][i] = code;
        }
        return schema.table(cells);
    }

    @Override
    public String summary() {
        return "class-conditional naive Bayes given '" + schema.column(classIndex).name() + "'"
                + (binned ? " in " + classProbabilities.length + " quantile bins" : "") + " over "
                + schema.size() + " columns";
    }
}
