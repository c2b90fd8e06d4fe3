package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import java.util.function.ToDoubleFunction;

/** A fitted Smile anomaly detector over numeric rows, its score already turned so that higher is more anomalous. */
final class SmileAnomalyDetector implements AnomalyDetector {
    private final String plugin;
    private final int columns;
    private final ToDoubleFunction<double[]> score;
    private final String summary;

    SmileAnomalyDetector(String plugin, int columns, ToDoubleFunction<double[]> score, String summary) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.columns = columns;
        this.score = requireNonNull(score, "score is null");
        this.summary = requireNonNull(summary, "summary is null");
    }

    @Override
    public double[] score(Table features) {
        double[][] x = UnsupervisedData.completeRows(features, columns, plugin);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = score.applyAsDouble(x[i]);
        }
        return out;
    }

    @Override
    public String summary() {
        return summary;
    }
}
