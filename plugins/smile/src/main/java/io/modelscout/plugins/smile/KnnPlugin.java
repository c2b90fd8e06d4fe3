package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.classification.KNN;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.CoverTree;
import smile.neighbor.KDTree;
import smile.neighbor.KNNSearch;
import smile.neighbor.Neighbor;

/**
 * Smile's k nearest neighbours under Euclidean distance (a KD-tree below ten features, a cover tree above). For
 * classification, Smile's {@link KNN}: its class probabilities are the neighbours' vote shares, honest but coarse,
 * so it does not claim {@link Capability#PROBABILISTIC}. For regression, which Smile's KNN does not offer, the same
 * search structures find the k neighbours and the prediction is the plain average of their targets.
 */
public final class KnnPlugin implements ModelPlugin {
    // Smile's KNN.fit(x, y) uses k = 1; 5 gives vote shares that mean something and is the common default elsewhere.
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("k", "Number of neighbours that vote; lowered to the number of training rows when larger.",
                    5, 1, 200, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.NEEDS_SCALING));

    /** Creates the plugin; it holds no state. */
    public KnnPlugin() {
    }

    @Override
    public String id() {
        return "smile.knn";
    }

    @Override
    public String displayName() {
        return "k nearest neighbours (Smile)";
    }

    @Override
    public String description() {
        return "Labels a row by a vote of the k training rows nearest to it, or predicts the average of their "
                + "targets. No training to speak of, any shape of boundary; needs features on comparable scales and "
                + "slows down on large data.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY, Goal.REGRESS);
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
        return switch (request.goal()) {
            case CLASSIFY -> classifier(request);
            case REGRESS -> regressor(request);
            default -> throw new IllegalArgumentException(id() + " does not serve goal " + request.goal().id());
        };
    }

    private static FittedModel regressor(FitRequest request) {
        var data = SmileData.regression(request);
        int k = neighbours(request.parameters(), data.x().length);
        double[][] x = data.x();
        double[] y = data.y();
        // Smile's KNN classifier makes the same choice of search structure
        KNNSearch<double[], double[]> search = data.features() < 10 ? KDTree.of(x)
                : CoverTree.of(x, new EuclideanDistance());
        return SmileRegressor.of(data, rows -> {
            double[] predictions = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double sum = 0;
                Neighbor<double[], double[]>[] found = search.search(rows[i], k);
                for (var neighbour : found) {
                    sum += y[neighbour.index()];
                }
                predictions[i] = sum / found.length;
            }
            return predictions;
        }, "average of " + k + " nearest neighbours among " + x.length + " rows");
    }

    private static FittedModel classifier(FitRequest request) {
        var data = SmileData.classification(request);
        if (data.classes().count() < 2) {
            return SmileClassifier.constant(data);
        }
        int k = neighbours(request.parameters(), data.x().length);
        var model = KNN.fit(data.x(), data.y(), k);
        return SmileClassifier.of(data, SmileClassifier.posteriors(model, data.classes().count(), x -> x),
                k + " nearest neighbours among " + data.x().length + " rows");
    }

    private static int neighbours(ParameterValues parameters, int rows) {
        return Math.min(parameters.getInt("k"), rows);
    }
}
