package io.modelscout.plugins.core.synth;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * A Gaussian copula: each column keeps its own smoothed empirical marginal, and the dependence between columns is
 * that of a multivariate normal over their normal scores. A training cell becomes a normal score through the
 * distributional transform of its column (a uniform draw within its CDF step; for a nominal column, within its
 * level's interval, levels laid out by frequency), the correlation of the scores is shrunk towards the identity
 * until it is positive definite, and new rows are drawn through its Cholesky factor and mapped back through each
 * column's inverse CDF.
 */
public final class GaussianCopula extends SynthesizerModel {
    private final int[] dims;
    private final NumericMarginal[] numeric;
    private final LevelFrequencies[] levels;
    private final double[][] correlation;
    private final double[][] cholesky;
    private final double shrinkage;

    private GaussianCopula(Schema schema, int[] dims, NumericMarginal[] numeric, LevelFrequencies[] levels,
                           double[][] correlation, double[][] cholesky, double shrinkage) {
        super(schema);
        this.dims = dims;
        this.numeric = numeric;
        this.levels = levels;
        this.correlation = correlation;
        this.cholesky = cholesky;
        this.shrinkage = shrinkage;
    }

    /**
     * Fits the marginals and the copula's correlation.
     *
     * @param table the training table, no cell missing outside all-missing columns
     * @param shrinkage the least weight of the identity in the correlation, in {@code [0, 1]}
     * @param seed the seed of the distributional transform
     * @return the model
     */
    public static GaussianCopula fit(Table table, double shrinkage, long seed) {
        Schema schema = Schema.of(table);
        var kept = new ArrayList<Integer>();
        for (int j = 0; j < schema.size(); j++) {
            if (!schema.column(j).constant()) {
                kept.add(j);
            }
        }
        int[] dims = kept.stream().mapToInt(Integer::intValue).toArray();
        int d = dims.length;
        int n = table.rowCount();
        var numeric = new NumericMarginal[d];
        var levels = new LevelFrequencies[d];
        double[][] z = new double[d][n];
        var random = new SplittableRandom(seed);
        for (int k = 0; k < d; k++) {
            var stream = random.split();
            switch (table.column(dims[k])) {
                case NumericColumn column -> {
                    numeric[k] = NumericMarginal.of(column);
                    for (int i = 0; i < n; i++) {
                        z[k][i] = Normal.quantile(numeric[k].toUniform(column.value(i), stream.nextDouble()));
                    }
                }
                case CategoricalColumn column -> {
                    levels[k] = LevelFrequencies.of(column);
                    for (int i = 0; i < n; i++) {
                        double u = levels[k].toUniform(column.code(i), stream.nextDouble());
                        z[k][i] = Normal.quantile(Math.min(1 - 0.5 / n, Math.max(0.5 / n, u)));
                    }
                }
            }
        }
        double[][] correlation = correlation(z);
        double weight = shrinkage;
        double[][] cholesky = null;
        while (cholesky == null) {
            double[][] shrunk = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    shrunk[a][b] = (1 - weight) * correlation[a][b] + (a == b ? weight : 0.0);
                }
            }
            cholesky = Cholesky.factor(shrunk);
            if (cholesky == null) {
                weight = Math.min(1.0, Math.max(2 * weight, 1e-6));
            } else {
                correlation = shrunk;
            }
        }
        return new GaussianCopula(schema, dims, numeric, levels, correlation, cholesky, weight);
    }

    private static double[][] correlation(double[][] z) {
        int d = z.length;
        int n = d == 0 ? 0 : z[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int k = 0; k < d; k++) {
            for (double v : z[k]) {
                mean[k] += v / n;
            }
            double ss = 0;
            for (double v : z[k]) {
                ss += (v - mean[k]) * (v - mean[k]);
            }
            sd[k] = Math.sqrt(ss / n);
        }
        double[][] r = new double[d][d];
        for (int a = 0; a < d; a++) {
            r[a][a] = 1.0;
            for (int b = 0; b < a; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (z[a][i] - mean[a]) * (z[b][i] - mean[b]);
                }
                double rho = sd[a] > 0 && sd[b] > 0 ? s / n / (sd[a] * sd[b]) : 0.0;
                r[a][b] = rho;
                r[b][a] = rho;
            }
        }
        return r;
    }

    /**
     * The correlation of the normal scores, after shrinkage.
     *
     * @param first a column name
     * @param second another column name
     * @return their copula correlation; 0 when either is constant
     */
    public double correlation(String first, String second) {
        int a = dimOf(schema.indexOf(first));
        int b = dimOf(schema.indexOf(second));
        return a < 0 || b < 0 ? 0.0 : correlation[a][b];
    }

    private int dimOf(int column) {
        for (int k = 0; k < dims.length; k++) {
            if (dims[k] == column) {
                return k;
            }
        }
        return -1;
    }

    @Override
    protected double[][] draw(int rows, SplittableRandom random) {
        int d = dims.length;
        double[][] cells = new double[schema.size()][rows];
        double[] e = new double[d];
        double[] z = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                e[k] = random.nextGaussian();
            }
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int l = 0; l <= k; l++) {
                    s += cholesky[k][l] * e[l];
                }
                z[k] = s;
            }
            decode(z, cells, i);
        }
        return cells;
    }

    private void decode(double[] z, double[][] cells, int row) {
        for (int k = 0; k < dims.length; k++) {
            double u = Normal.cdf(z[k]);
            cells[dims[k]][row] = numeric[k] != null ? numeric[k].quantile(u) : levels[k].level(u);
        }
    }

    /**
     * Exact conditioning: the conditioned column's normal score is drawn from the standard normal truncated to its
     * level's interval, the others from their normal distribution given that score.
     */
    @Override
    public Table sampleWhere(int rows, long seed, String column, String level) {
        int[] at = schema.levelOf(column, level);
        checkRows(rows);
        int c = dimOf(at[0]);
        if (c < 0) {
            // a constant column takes its only level anyway; any other level has no rows to give
            if (schema.column(at[0]).constantCode() != at[1]) {
                throw new IllegalArgumentException("level '" + level + "' of column '" + column
                        + "' never occurs in the training rows; there is nothing to condition on");
            }
            return sample(rows, seed);
        }
        LevelFrequencies frequencies = levels[c];
        if (frequencies.probability(at[1]) <= 0) {
            throw new IllegalArgumentException("level '" + level + "' of column '" + column
                    + "' never occurs in the training rows; there is nothing to condition on");
        }
        int d = dims.length;
        // the others given the conditioned score: mean r * z_c, covariance R_rest - r r^T
        int[] rest = new int[d - 1];
        for (int k = 0, m = 0; k < d; k++) {
            if (k != c) {
                rest[m++] = k;
            }
        }
        double[][] conditional = new double[d - 1][d - 1];
        for (int a = 0; a < rest.length; a++) {
            for (int b = 0; b < rest.length; b++) {
                conditional[a][b] = correlation[rest[a]][rest[b]] - correlation[rest[a]][c] * correlation[rest[b]][c];
            }
        }
        double[][] factor = Cholesky.factorWithJitter(conditional);
        var random = new SplittableRandom(seed);
        double low = frequencies.toUniform(at[1], 0.0);
        double high = frequencies.toUniform(at[1], 1.0);
        double[][] cells = new double[schema.size()][rows];
        double[] e = new double[d - 1];
        double[] z = new double[d];
        for (int i = 0; i < rows; i++) {
            double u = low + random.nextDouble() * (high - low);
            z[c] = Normal.quantile(Math.min(1 - 1e-12, Math.max(1e-12, u)));
            for (int a = 0; a < e.length; a++) {
                e[a] = random.nextGaussian();
            }
            for (int a = 0; a < rest.length; a++) {
                double s = correlation[rest[a]][c] * z[c];
                for (int b = 0; b <= a; b++) {
                    s += factor[a][b] * e[b];
                }
                z[rest[a]] = s;
            }
            decode(z, cells, i);
            cells[at[0]][i] = at[1];
        }
        return schema.table(cells);
    }

    @Override
    public String summary() {
        return "Gaussian copula over " + dims.length + " varying columns of " + schema.size()
                + ", correlation shrunk by " + shrinkage;
    }
}
