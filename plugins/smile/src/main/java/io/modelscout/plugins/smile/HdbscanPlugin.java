package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import smile.clustering.HDBSCAN;
import smile.neighbor.KDTree;

/**
 * Smile's HDBSCAN (Campello, Moulavi and Sander): DBSCAN over every radius at once, keeping the clusters that are
 * stable across radii, so clusters of different densities are found without choosing a radius; rows in no stable
 * cluster are noise ({@code -1}). HDBSCAN labels only its training rows; a held-out row here joins the cluster of its
 * nearest clustered training row when it lies within the largest core distance of that cluster (the density level at
 * which the cluster holds its rows), else it is noise. Deterministic: no random choice.
 */
public final class HdbscanPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("minPoints", "Neighbours that define a row's core distance (the density smoothing).", 5, 1,
                    100, false),
            new IntParam("minClusterSize", "Fewest rows a cluster may have; 0 for 2 % of the rows, at least 5.", 0, 0,
                    10_000, false));

    /** Creates the plugin; it holds no state. */
    public HdbscanPlugin() {
    }

    @Override
    public String id() {
        return "smile.hdbscan";
    }

    @Override
    public String displayName() {
        return "HDBSCAN (Smile)";
    }

    @Override
    public String description() {
        return "Hierarchical density-based clustering: clusters of any shape and of different densities, the count "
                + "found from the data, rows in sparse regions left as noise; no radius to choose.";
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
        int n = x.length;
        int minPoints = Math.min(request.parameters().getInt("minPoints"), n - 1);
        int asked = request.parameters().getInt("minClusterSize");
        int minClusterSize = Math.min(asked > 0 ? asked : Math.max(5, (int) Math.round(0.02 * n)), n);
        var fitted = HDBSCAN.fit(x, minPoints, minClusterSize);
        int k = fitted.k();
        if (k < 1) {
            throw new IllegalArgumentException(id() + ": found no cluster of at least " + minClusterSize + " rows in "
                    + n + " rows");
        }
        double[] core = fitted.coreDistance();
        double[] reach = new double[k];
        int clustered = 0;
        for (int i = 0; i < n; i++) {
            int g = fitted.group(i);
            if (g >= 0 && g < k) {
                reach[g] = Math.max(reach[g], core[i]);
                clustered++;
            }
        }
        double[][] members = new double[clustered][];
        int[] label = new int[clustered];
        for (int i = 0, m = 0; i < n; i++) {
            int g = fitted.group(i);
            if (g >= 0 && g < k) {
                members[m] = x[i];
                label[m++] = g;
            }
        }
        var tree = KDTree.of(members);
        return new SmileClusterer(id(), x[0].length, k, row -> {
            var nearest = tree.search(row, 1)[0];
            int g = label[nearest.index()];
            return nearest.distance() <= reach[g] ? g : -1;
        }, CountChoice.NONE, String.format(Locale.ROOT,
                "HDBSCAN found %d clusters and %d noise rows of %d (minPoints %d, minClusterSize %d); cluster sizes %s",
                k, n - clustered, n, minPoints, minClusterSize, Arrays.toString(fitted.size())));
    }
}
