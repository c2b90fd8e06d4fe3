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
import java.util.Arrays;
import java.util.Locale;
import smile.clustering.DBSCAN;
import smile.neighbor.KDTree;

/**
 * Smile's DBSCAN with its radius read off the data: the given quantile of the distances from each training row to its
 * {@code minPoints}-th nearest neighbour (the k-distance curve), so that about that share of rows are core points
 * and rows beyond the curve's tail are noise. A held-out row joins the cluster of the nearest core row within the
 * radius, else it is noise ({@code -1}). Deterministic: no random choice.
 */
public final class DbscanPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("minPoints", "Neighbours a core row needs within the radius; 0 for twice the number of "
                    + "columns (at least 4).", 0, 0, 100, false),
            new RealParam("radiusQuantile", "The radius is this quantile of the training rows' distances to their "
                    + "minPoints-th nearest neighbour: the share of rows that are core points.", 0.9, 0.5, 0.999, false));

    /** Creates the plugin; it holds no state. */
    public DbscanPlugin() {
    }

    @Override
    public String id() {
        return "smile.dbscan";
    }

    @Override
    public String displayName() {
        return "DBSCAN (Smile)";
    }

    @Override
    public String description() {
        return "Density-based clusters of any shape: a cluster is a run of rows with enough neighbours within a "
                + "radius; rows in sparse regions are noise. The count follows from the data.";
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
        return Set.of(Capability.UNSUPERVISED, Capability.NEEDS_SCALING);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        int d = x[0].length;
        int asked = request.parameters().getInt("minPoints");
        int minPoints = Math.min(asked > 0 ? asked : Math.max(4, 2 * d), x.length - 1);
        double quantile = request.parameters().getDouble("radiusQuantile");
        var tree = KDTree.of(x);
        double[] kDistance = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double farthest = 0;
            for (var neighbour : tree.search(x[i], minPoints)) {
                farthest = Math.max(farthest, neighbour.distance());
            }
            kDistance[i] = farthest;
        }
        Arrays.sort(kDistance);
        double radius = kDistance[(int) Math.min(x.length - 1, Math.floor(quantile * (x.length - 1)))];
        if (!(radius > 0)) {
            throw new IllegalArgumentException(id() + ": the radius read off the data is " + radius
                    + " (many repeated rows); raise minPoints or radiusQuantile");
        }
        var fitted = DBSCAN.fit(x, minPoints, radius);
        if (fitted.k() < 1) {
            throw new IllegalArgumentException(id() + ": every training row is noise with radius " + radius
                    + " and minPoints " + minPoints);
        }
        int noise = 0;
        for (int i = 0; i < x.length; i++) {
            noise += fitted.group(i) >= fitted.k() ? 1 : 0;
        }
        return new SmileClusterer(id(), d, fitted.k(), fitted::predict, CountChoice.NONE, String.format(Locale.ROOT,
                "DBSCAN found %d clusters and %d noise rows of %d (minPoints %d, radius %.4g = the %.3g quantile of "
                        + "the %d-nearest-neighbour distances)", fitted.k(), noise, x.length, minPoints, radius,
                quantile, minPoints));
    }
}
