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
import java.util.TreeMap;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;

/**
 * Smile's k-means (k-means++ starts, Lloyd iterations), the number of clusters chosen by the mean silhouette of the
 * training rows (Euclidean; on a seeded subset of {@value Silhouette#ROWS} rows for larger data) among 2 to
 * {@code maxClusters}. Each count keeps the best of a few seeded restarts by distortion. Rows are assigned to the
 * nearest centroid.
 */
public final class KMeansPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxClusters", "Most clusters tried; the mean silhouette chooses the count from 2 up to this.",
                    10, 2, 50, false),
            new IntParam("restarts", "Seeded k-means++ starts per count; the one of least distortion is kept.", 3, 1, 20,
                    false));

    /** Creates the plugin; it holds no state. */
    public KMeansPlugin() {
    }

    @Override
    public String id() {
        return "smile.kmeans";
    }

    @Override
    public String displayName() {
        return "k-means (Smile)";
    }

    @Override
    public String description() {
        return "Hard clusters around centroids, k-means++ starts, the number of clusters chosen by the mean "
                + "silhouette: fast, suits round groups of similar size; no density, no noise.";
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
        int restarts = request.parameters().getInt("restarts");
        int[] rows = Silhouette.subset(x.length, request.seed());
        double[][] distances = Silhouette.distances(select(x, rows));
        long[] seeds = Seeds.split(request.seed(), top + 1);
        var values = new TreeMap<Integer, Double>();
        CentroidClustering<double[], double[]> best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= top; k++) {
            CentroidClustering<double[], double[]> clustering = null;
            long[] starts = Seeds.split(seeds[k], restarts);
            for (long start : starts) {
                Seeds.seedThisThread(start);
                var candidate = KMeans.fit(x, new Clustering.Options(k, 100));
                if (clustering == null || candidate.distortion() < clustering.distortion()) {
                    clustering = candidate;
                }
            }
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = clustering.group(rows[i]);
            }
            double silhouette = Silhouette.mean(distances, labels, k);
            if (Double.isNaN(silhouette)) {
                continue;
            }
            values.put(k, silhouette);
            if (silhouette > bestSilhouette) {
                best = clustering;
                bestSilhouette = silhouette;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(id() + ": no count from 2 to " + top + " gave two non-empty clusters on "
                    + x.length + " rows");
        }
        var fitted = best;
        return new SmileClusterer(id(), x[0].length, fitted.k(), fitted::predict,
                new CountChoice("mean silhouette", true, values),
                "k-means with " + fitted.k() + " clusters, chosen by the mean silhouette among 2 to " + top);
    }

    private static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }
}
