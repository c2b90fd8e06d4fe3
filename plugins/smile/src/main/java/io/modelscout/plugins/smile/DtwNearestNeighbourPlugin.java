package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.math.distance.DynamicTimeWarping;

/**
 * One-nearest-neighbour classification of numeric series under dynamic time warping (Smile's
 * {@link DynamicTimeWarping}) with a Sakoe-Chiba band: a series takes the class of the training series it can be
 * warped onto most cheaply. The classic strong baseline of time-series classification.
 */
public final class DtwNearestNeighbourPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(new RealParam("band",
            "Half-width of the Sakoe-Chiba band, as a share of the longer series' length: how far in time a point "
                    + "may be matched; 1 allows any warping.", 0.1, 0, 1, false));
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.SEQUENTIAL, Capability.CLASSIFIES_SEQUENCES));

    /** Creates the plugin; it holds no state. */
    public DtwNearestNeighbourPlugin() {
    }

    @Override
    public String id() {
        return "smile.dtw-1nn";
    }

    @Override
    public String displayName() {
        return "1-nearest neighbour with dynamic time warping (Smile)";
    }

    @Override
    public String description() {
        return "Gives a numeric series the class of the closest training series, where closeness allows points to "
                + "shift in time within a band; no model of the data, only comparisons.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.MODEL_SEQUENCES);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var fit = SequenceSupport.sequences(request, id(), Set.of(SequenceTask.CLASSIFY));
        Sequences data = fit.data();
        int[] classes = SequenceSupport.classes(data);
        String column = seriesColumn(data, id());
        return new NearestSeries(series(data, column), classes, data.classes().orElseThrow().levels().size(),
                request.parameters().getDouble("band"), column);
    }

    private static String seriesColumn(Sequences data, String plugin) {
        if (data.positions().columnCount() != 1 || !(data.positions().column(0) instanceof NumericColumn numeric)) {
            throw new IllegalArgumentException(plugin + " takes one numeric column per position (a series), got "
                    + data.positions().columns().stream().map(c -> c.name() + " (" + c.kind() + ")").toList());
        }
        return numeric.name();
    }

    private static double[][] series(Sequences data, String column) {
        if (!data.positions().columnNames().contains(column)
                || !(data.positions().column(column) instanceof NumericColumn numeric)) {
            throw new IllegalArgumentException("expected the numeric column '" + column + "', have "
                    + data.positions().columnNames());
        }
        double[][] out = new double[data.count()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new double[data.length(s)];
            for (int t = 0; t < out[s].length; t++) {
                int row = data.start(s) + t;
                out[s][t] = numeric.value(row);
                if (Double.isNaN(out[s][t])) {
                    throw new IllegalArgumentException("column '" + column + "', row " + row + ": a missing value");
                }
            }
        }
        return out;
    }

    private record NearestSeries(double[][] train, int[] classes, int levels, double band, String column)
            implements SequenceModel {
        @Override
        public ClassPrediction classify(Sequences sequences) {
            double[][] query = series(sequences, column);
            int[] labels = new int[query.length];
            for (int i = 0; i < query.length; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < train.length; j++) {
                    int radius = (int) Math.ceil(band * Math.max(query[i].length, train[j].length));
                    double d = DynamicTimeWarping.d(query[i], train[j], radius);
                    // Strictly closer only: the first training series wins a tie, whatever the thread.
                    if (d < best) {
                        best = d;
                        labels[i] = classes[j];
                    }
                }
            }
            return ClassPrediction.fromLabels(labels, levels);
        }

        @Override
        public String summary() {
            return "1-NN over " + train.length + " training series, DTW band " + band;
        }
    }
}
