package io.modelscout.plugins.weka;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import weka.clusterers.DensityBasedClusterer;
import weka.core.Instances;

/**
 * A fitted Weka clusterer. With a density-based clusterer (EM) it also gives log-densities, and the anomaly score is
 * the negative log-density. Weka's models keep scratch state while predicting, so prediction is serialised.
 */
final class WekaClusterModel implements Clusterer, AnomalyDetector {
    private final String plugin;
    private final weka.clusterers.Clusterer clusterer;
    private final WekaData data;
    private final int count;
    private final CountChoice choice;
    private final String summary;

    WekaClusterModel(String plugin, weka.clusterers.Clusterer clusterer, WekaData data, CountChoice choice,
                     String summary) throws Exception {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.clusterer = requireNonNull(clusterer, "clusterer is null");
        this.data = requireNonNull(data, "data is null");
        this.count = clusterer.numberOfClusters();
        this.choice = requireNonNull(choice, "choice is null");
        this.summary = requireNonNull(summary, "summary is null");
    }

    @Override
    public int clusterCount() {
        return count;
    }

    @Override
    public synchronized int[] assign(Table features) {
        Instances rows = data.unlabelled(features);
        int[] out = new int[rows.numInstances()];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = clusterer.clusterInstance(rows.instance(i));
            }
        } catch (Exception e) {
            throw new IllegalStateException(plugin + ": Weka could not assign a row: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized double[] logDensity(Table rows) {
        if (!(clusterer instanceof DensityBasedClusterer density)) {
            return Clusterer.super.logDensity(rows);
        }
        Instances instances = data.unlabelled(rows);
        double[] out = new double[instances.numInstances()];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = density.logDensityForInstance(instances.instance(i));
            }
        } catch (Exception e) {
            throw new IllegalStateException(plugin + ": Weka could not give a density: " + e.getMessage(), e);
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

    @Override
    public CountChoice countChoice() {
        return choice;
    }

    @Override
    public String summary() {
        return summary;
    }
}
