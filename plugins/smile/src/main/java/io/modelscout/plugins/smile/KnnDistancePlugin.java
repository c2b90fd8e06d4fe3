package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.Set;
import smile.neighbor.KDTree;

/**
 * The k-nearest-neighbour anomaly score (Ramaswamy, Rastogi and Shim): the Euclidean distance from a row to its k-th
 * nearest training row, found with Smile's k-d tree. A training row scored by the model counts itself as its own
 * nearest neighbour; held-out rows, which are what evaluation scores, do not meet that.
 */
public final class KnnDistancePlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(new IntParam("k", "Which nearest training row the distance is measured to.", 5, 1, 100, false));

    /** Creates the plugin; it holds no state. */
    public KnnDistancePlugin() {
    }

    @Override
    public String id() {
        return "smile.knn-distance";
    }

    @Override
    public String displayName() {
        return "k-nearest-neighbour distance (Smile)";
    }

    @Override
    public String description() {
        return "The distance from a row to its k-th nearest training row: a row far from every other is anomalous. "
                + "Simple, no shape assumed; needs comparable scales.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.DETECT_ANOMALIES);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.UNSUPERVISED, Capability.NEEDS_SCALING);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        int k = Math.min(request.parameters().getInt("k"), x.length);
        var tree = KDTree.of(x);
        return new SmileAnomalyDetector(id(), x[0].length, row -> {
            double farthest = 0;
            for (var neighbour : tree.search(row, k)) {
                farthest = Math.max(farthest, neighbour.distance());
            }
            return farthest;
        }, "Distance to the " + k + "-th nearest of " + x.length + " training rows");
    }
}
