package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.Clusterer;
import java.util.function.ToIntFunction;

/**
 * A fitted Smile clustering of numeric rows: the number of clusters, how a row is assigned ({@code -1} for noise)
 * and how the count was chosen.
 */
final class SmileClusterer implements Clusterer {
    private final String plugin;
    private final int columns;
    private final int count;
    private final ToIntFunction<double[]> predict;
    private final CountChoice choice;
    private final String summary;

    SmileClusterer(String plugin, int columns, int count, ToIntFunction<double[]> predict, CountChoice choice,
                   String summary) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.columns = columns;
        if (count < 1) {
            throw new IllegalArgumentException(plugin + ": found no cluster");
        }
        this.count = count;
        this.predict = requireNonNull(predict, "predict is null");
        this.choice = requireNonNull(choice, "choice is null");
        this.summary = requireNonNull(summary, "summary is null");
    }

    @Override
    public int clusterCount() {
        return count;
    }

    @Override
    public int[] assign(Table features) {
        double[][] x = UnsupervisedData.completeRows(features, columns, plugin);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int label = predict.applyAsInt(x[i]);
            out[i] = label >= 0 && label < count ? label : -1;
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
