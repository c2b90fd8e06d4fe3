package io.modelscout.plugins.core.unsupervised;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.DensityModel;
import java.util.SplittableRandom;

/**
 * A fitted kernel density estimate: the average over the training rows of a product of normal kernels, one bandwidth
 * per column. A missing cell drops its kernel factor (each factor integrates to one), which marginalises it exactly;
 * the conditional distribution of missing cells given known ones is again a mixture over training rows, each weighted
 * by its kernel on the known cells, so the conditional mean is the kernel-weighted average of the training values and
 * a draw picks a training row by that weight and adds kernel noise.
 */
final class KernelDensity implements AnomalyDetector, DensityModel {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final String plugin;
    private final Columns columns;
    private final double[][] data;
    private final double[] bandwidth;
    private final String summary;

    KernelDensity(String plugin, Columns columns, double[][] data, double[] bandwidth, String summary) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.data = data;
        this.bandwidth = bandwidth.clone();
        this.summary = requireNonNull(summary, "summary is null");
    }

    double[] bandwidth() {
        return bandwidth.clone();
    }

    /** The log kernel of each training row at the known cells of {@code x}, skipping one training row (or -1). */
    static double[] logKernels(double[][] data, double[] bandwidth, double[] x, int skip) {
        double[] terms = new double[data.length];
        double constant = 0;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(x[j])) {
                constant -= HALF_LOG_2PI + Math.log(bandwidth[j]);
            }
        }
        for (int i = 0; i < data.length; i++) {
            if (i == skip) {
                terms[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double sum = constant;
            for (int j = 0; j < x.length; j++) {
                if (!Double.isNaN(x[j])) {
                    double z = (x[j] - data[i][j]) / bandwidth[j];
                    sum -= 0.5 * z * z;
                }
            }
            terms[i] = sum;
        }
        return terms;
    }

    private double[][] rows(Table table) {
        columns.check(table, plugin);
        return Columns.matrix(table);
    }

    @Override
    public double[] logDensity(Table rows) {
        double[][] x = rows(rows);
        double logN = Math.log(data.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = MixtureMath.logSumExp(logKernels(data, bandwidth, x[i], -1)) - logN;
        }
        return out;
    }

    @Override
    public double[] score(Table features) {
        double[] out = logDensity(features);
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    /** The weight of each training row given the known cells of {@code x}, summing to one. */
    private double[] weights(double[] x) {
        double[] terms = logKernels(data, bandwidth, x, -1);
        double total = MixtureMath.logSumExp(terms);
        double[] w = new double[terms.length];
        for (int i = 0; i < w.length; i++) {
            // a row far from every training row: every kernel underflows, so fall back to equal weights
            w[i] = Double.isFinite(total) ? Math.exp(terms[i] - total) : 1.0 / w.length;
        }
        return w;
    }

    @Override
    public Table impute(Table rows) {
        double[][] x = rows(rows);
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = x[r].clone();
            double[] w = null;
            for (int j = 0; j < x[r].length; j++) {
                if (Double.isNaN(x[r][j])) {
                    w = w == null ? weights(x[r]) : w;
                    double value = 0;
                    for (int i = 0; i < data.length; i++) {
                        value += w[i] * data[i][j];
                    }
                    out[r][j] = value;
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
        for (int r = 0; r < x.length; r++) {
            var rowRandom = random.split();
            out[r] = x[r].clone();
            boolean anyMissing = false;
            for (double v : x[r]) {
                anyMissing |= Double.isNaN(v);
            }
            if (anyMissing) {
                int i = MixtureMath.pick(weights(x[r]), rowRandom.nextDouble());
                for (int j = 0; j < x[r].length; j++) {
                    if (Double.isNaN(x[r][j])) {
                        out[r][j] = data[i][j] + bandwidth[j] * rowRandom.nextGaussian();
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
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double[] row = data[random.nextInt(data.length)];
            out[r] = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[r][j] = row[j] + bandwidth[j] * random.nextGaussian();
            }
        }
        return columns.table("sample", out);
    }

    @Override
    public String summary() {
        return summary;
    }
}
