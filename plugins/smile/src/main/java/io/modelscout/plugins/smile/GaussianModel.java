package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import io.modelscout.plugins.smile.ConditionalGaussians.Mixture;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fitted Gaussian mixture (one component for the single Gaussian) serving the three unsupervised goals: clusters
 * are the most probable components, the anomaly score is the negative log-density (or, for one Gaussian, the squared
 * Mahalanobis distance, which orders rows the same way), and the density fills missing cells by the conditional
 * Gaussians of {@link ConditionalGaussians}.
 */
final class GaussianModel implements Clusterer, AnomalyDetector, DensityModel {
    private final String plugin;
    private final List<String> columns;
    private final Mixture mixture;
    private final CountChoice choice;
    private final String summary;
    private final boolean mahalanobis;

    /**
     * @param plugin the plugin id, for messages
     * @param columns the names of the columns fitted on
     * @param mixture the fitted mixture
     * @param choice how the number of components was chosen
     * @param summary the summary line
     * @param mahalanobis whether the anomaly score is the squared Mahalanobis distance (one component only)
     */
    GaussianModel(String plugin, List<String> columns, Mixture mixture, CountChoice choice, String summary,
                  boolean mahalanobis) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.columns = List.copyOf(columns);
        this.mixture = requireNonNull(mixture, "mixture is null");
        this.choice = requireNonNull(choice, "choice is null");
        this.summary = requireNonNull(summary, "summary is null");
        if (mahalanobis && mixture.size() != 1) {
            throw new IllegalArgumentException("a Mahalanobis score needs one component, got " + mixture.size());
        }
        this.mahalanobis = mahalanobis;
    }

    private double[][] rows(Table table) {
        return UnsupervisedData.rows(table, columns.size(), plugin);
    }

    @Override
    public int clusterCount() {
        return mixture.size();
    }

    @Override
    public int[] assign(Table features) {
        double[][] x = rows(features);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = mixture.assign(x[i]);
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
            out[i] = mixture.logDensity(x[i]);
        }
        return out;
    }

    @Override
    public double[] score(Table features) {
        if (!mahalanobis) {
            double[] logDensity = logDensity(features);
            for (int i = 0; i < logDensity.length; i++) {
                logDensity[i] = -logDensity[i];
            }
            return logDensity;
        }
        double[][] x = rows(features);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = mixture.components()[0].mahalanobis(x[i]);
        }
        return out;
    }

    @Override
    public Table impute(Table rows) {
        double[][] x = rows(rows);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = mixture.impute(x[i]);
        }
        return UnsupervisedData.table(rows, out);
    }

    @Override
    public Table imputeDraw(Table rows, long seed) {
        double[][] x = rows(rows);
        var random = new SplittableRandom(seed);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = mixture.imputeDraw(x[i], random.split());
        }
        return UnsupervisedData.table(rows, out);
    }

    @Override
    public Table sample(int rows, long seed) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be non-negative, got " + rows);
        }
        var random = new SplittableRandom(seed);
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = mixture.draw(random);
        }
        return UnsupervisedData.table("sample", columns, out);
    }

    @Override
    public String summary() {
        return summary;
    }
}
