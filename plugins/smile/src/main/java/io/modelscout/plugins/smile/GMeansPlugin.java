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
import smile.clustering.Clustering;
import smile.clustering.GMeans;

/**
 * Smile's G-means: k-means that splits a cluster in two while its rows, projected on the split direction, fail an
 * Anderson-Darling test of normality, up to {@code maxClusters}. Run on one seeded thread of its own
 * ({@link Seeds#onOneThread}) because Smile splits in parallel streams. Rows are assigned to the nearest centroid.
 */
public final class GMeansPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(new IntParam("maxClusters", "Most clusters G-means may split into.", 10, 2, 50, false));

    /** Creates the plugin; it holds no state. */
    public GMeansPlugin() {
    }

    @Override
    public String id() {
        return "smile.gmeans";
    }

    @Override
    public String displayName() {
        return "G-means (Smile)";
    }

    @Override
    public String description() {
        return "k-means that splits a cluster while it does not look Gaussian (Anderson-Darling test along its main "
                + "axis; Hamerly and Elkan): chooses the number of clusters itself, up to a maximum.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLUSTER);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.UNSUPERVISED, Capability.NEEDS_SCALING, Capability.FAST_INFERENCE);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        int top = Math.min(request.parameters().getInt("maxClusters"), x.length - 1);
        var fitted = Seeds.onOneThread(request.seed(), () -> GMeans.fit(x, new Clustering.Options(top, 100)));
        return new SmileClusterer(id(), x[0].length, fitted.k(), fitted::predict, CountChoice.NONE,
                "G-means with " + fitted.k() + " clusters (splits kept while a cluster failed the normality test, at "
                        + "most " + top + ")");
    }
}
