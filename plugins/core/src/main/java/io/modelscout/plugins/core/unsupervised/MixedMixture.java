package io.modelscout.plugins.core.unsupervised;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import java.util.SplittableRandom;

/**
 * A fitted mixture whose components treat the columns as independent: a normal distribution per numeric column and
 * a distribution over the declared levels per categorical column. A missing cell leaves its factor out of the
 * product, which is exactly marginalising it, so a row with missing cells gets the density of its known cells, its
 * cluster from them, and its missing cells filled from their distribution given them.
 */
final class MixedMixture implements Clusterer, AnomalyDetector, DensityModel {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final String plugin;
    private final Columns columns;
    private final double[] logWeights;
    private final double[][] mean;
    private final double[][] variance;
    /** Per component and numeric column: the log of the normal's normalising constant, and 1 / (2 variance). */
    private final double[][] logNormaliser;
    private final double[][] halfPrecision;
    private final double[][][] logProbability;
    private final CountChoice choice;
    private final String summary;

    /**
     * @param plugin the plugin id, for messages
     * @param columns the fitted columns
     * @param weights the component weights
     * @param mean per component, the mean of each numeric column (ignored for categorical ones)
     * @param variance per component, the variance of each numeric column
     * @param probability per component, for each categorical column the probability of each level (null for numeric)
     * @param choice how the number of components was chosen
     * @param summary the summary line
     */
    MixedMixture(String plugin, Columns columns, double[] weights, double[][] mean, double[][] variance,
                 double[][][] probability, CountChoice choice, String summary) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.mean = mean;
        this.variance = variance;
        this.choice = requireNonNull(choice, "choice is null");
        this.summary = requireNonNull(summary, "summary is null");
        int k = weights.length;
        logWeights = new double[k];
        logProbability = new double[k][columns.size()][];
        logNormaliser = new double[k][columns.size()];
        halfPrecision = new double[k][columns.size()];
        for (int c = 0; c < k; c++) {
            logWeights[c] = Math.log(weights[c]);
            for (int j = 0; j < columns.size(); j++) {
                if (columns.numeric()[j]) {
                    logNormaliser[c][j] = -HALF_LOG_2PI - 0.5 * Math.log(variance[c][j]);
                    halfPrecision[c][j] = 0.5 / variance[c][j];
                } else {
                    logProbability[c][j] = new double[columns.levels()[j]];
                    for (int l = 0; l < columns.levels()[j]; l++) {
                        logProbability[c][j][l] = Math.log(probability[c][j][l]);
                    }
                }
            }
        }
    }

    int components() {
        return logWeights.length;
    }

    double[] weights() {
        double[] w = new double[logWeights.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.exp(logWeights[c]);
        }
        return w;
    }

    double[] means(int component) {
        return mean[component].clone();
    }

    private double[][] rows(Table table) {
        columns.check(table, plugin);
        return Columns.matrix(table);
    }

    /** The log of weight times the component's density of the known cells of a row. */
    double logJoint(double[] x, int c) {
        double sum = logWeights[c];
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j])) {
                continue;
            }
            if (columns.numeric()[j]) {
                double z = x[j] - mean[c][j];
                sum += logNormaliser[c][j] - z * z * halfPrecision[c][j];
            } else {
                sum += logProbability[c][j][(int) x[j]];
            }
        }
        return sum;
    }

    double[] logJoints(double[] x) {
        double[] out = new double[logWeights.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = logJoint(x, c);
        }
        return out;
    }

    double[] posterior(double[] x) {
        double[] terms = logJoints(x);
        double total = MixtureMath.logSumExp(terms);
        double[] p = new double[terms.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = Double.isFinite(total) ? Math.exp(terms[c] - total) : Math.exp(logWeights[c]);
        }
        return p;
    }

    @Override
    public int clusterCount() {
        return logWeights.length;
    }

    @Override
    public int[] assign(Table features) {
        double[][] x = rows(features);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] terms = logJoints(x[i]);
            int best = 0;
            for (int c = 1; c < terms.length; c++) {
                if (terms[c] > terms[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    @Override
    public CountChoice countChoice() {
        return choice;
    }

    @Override
    public double[] logDensity(Table rows) {
        double[][] x = rows(rows);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = MixtureMath.logSumExp(logJoints(x[i]));
        }
        return out;
    }

    /** The negative log-density of the known cells; a row with missing cells is scored on the cells it has. */
    @Override
    public double[] score(Table features) {
        double[] out = logDensity(features);
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    @Override
    public Table impute(Table rows) {
        double[][] x = rows(rows);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            double[] p = null;
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isNaN(x[i][j])) {
                    continue;
                }
                p = p == null ? posterior(x[i]) : p;
                if (columns.numeric()[j]) {
                    double value = 0;
                    for (int c = 0; c < p.length; c++) {
                        value += p[c] * mean[c][j];
                    }
                    out[i][j] = value;
                } else {
                    int best = 0;
                    double bestProbability = -1;
                    for (int l = 0; l < columns.levels()[j]; l++) {
                        double probability = 0;
                        for (int c = 0; c < p.length; c++) {
                            probability += p[c] * Math.exp(logProbability[c][j][l]);
                        }
                        if (probability > bestProbability) {
                            best = l;
                            bestProbability = probability;
                        }
                    }
                    out[i][j] = best;
                }
            }
        }
        return columns.table(rows.name(), out);
    }

    @Override
    public Table imputeDraw(Table rows, long seed) {
        double[][] x = rows(rows);
        var random = new SplittableRandom(seed);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            var rowRandom = random.split();
            out[i] = x[i].clone();
            boolean anyMissing = false;
            for (double v : x[i]) {
                anyMissing |= Double.isNaN(v);
            }
            if (anyMissing) {
                int c = MixtureMath.pick(posterior(x[i]), rowRandom.nextDouble());
                for (int j = 0; j < x[i].length; j++) {
                    if (Double.isNaN(x[i][j])) {
                        out[i][j] = drawCell(c, j, rowRandom);
                    }
                }
            }
        }
        return columns.table(rows.name(), out);
    }

    @Override
    public Table sample(int rows, long seed) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be non-negative, got " + rows);
        }
        var random = new SplittableRandom(seed);
        double[] weights = weights();
        double[][] out = new double[rows][columns.size()];
        for (int i = 0; i < rows; i++) {
            int c = MixtureMath.pick(weights, random.nextDouble());
            for (int j = 0; j < columns.size(); j++) {
                out[i][j] = drawCell(c, j, random);
            }
        }
        return columns.table("sample", out);
    }

    private double drawCell(int c, int j, SplittableRandom random) {
        if (columns.numeric()[j]) {
            return mean[c][j] + Math.sqrt(variance[c][j]) * random.nextGaussian();
        }
        double[] p = new double[columns.levels()[j]];
        for (int l = 0; l < p.length; l++) {
            p[l] = Math.exp(logProbability[c][j][l]);
        }
        return MixtureMath.pick(p, random.nextDouble());
    }

    @Override
    public String summary() {
        return summary;
    }
}
