package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import weka.clusterers.SimpleKMeans;
import weka.core.DistanceFunction;
import weka.core.Instances;

/**
 * Weka's SimpleKMeans: k-means with k-means++ starts under Weka's Euclidean distance, which scales each numeric
 * attribute to its training range and counts a nominal mismatch as 1 (centroids hold the mode), so it takes nominal
 * attributes as they are and needs no standardisation. The number of clusters is a parameter; at its default 0 it is
 * chosen by the mean silhouette under the same distance (on a seeded subset of at most 500 rows) among 2 to
 * {@code maxClusters}. One execution slot, seeded.
 */
public final class SimpleKMeansPlugin implements ModelPlugin {
    private static final int SILHOUETTE_ROWS = 500;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("clusters", "Number of clusters; 0 chooses it by the mean silhouette.", 0, 0, 50, false),
            new IntParam("maxClusters", "Most clusters tried when the number is chosen.", 10, 2, 50, false));

    /** Creates the plugin; it holds no state. */
    public SimpleKMeansPlugin() {
    }

    @Override
    public String id() {
        return "weka.simple-kmeans";
    }

    @Override
    public String displayName() {
        return "SimpleKMeans (Weka)";
    }

    @Override
    public String description() {
        return "Weka's k-means, k-means++ starts, attributes scaled to their range and nominal attributes by mode; "
                + "the number of clusters given or chosen by the mean silhouette.";
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
        return Set.of(Capability.UNSUPERVISED, Capability.NOMINAL_FEATURES, Capability.FAST_INFERENCE);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        WekaRuntime.prepare();
        var data = WekaData.unsupervised(request.features());
        Instances rows = data.unlabelled(request.features());
        int n = rows.numInstances();
        int asked = request.parameters().getInt("clusters");
        if (asked > 0) {
            var kmeans = fit(rows, Math.min(asked, n), request.seed());
            return new WekaClusterModel(id(), kmeans, data, CountChoice.NONE,
                    "Weka SimpleKMeans with " + kmeans.numberOfClusters() + " clusters (given)");
        }
        int top = Math.min(request.parameters().getInt("maxClusters"), n - 1);
        int[] subset = subset(n, request.seed());
        var values = new TreeMap<Integer, Double>();
        SimpleKMeans best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= top; k++) {
            var kmeans = fit(rows, k, request.seed() + k);
            double silhouette = silhouette(kmeans, rows, subset, k);
            if (Double.isNaN(silhouette)) {
                continue;
            }
            values.put(k, silhouette);
            if (silhouette > bestSilhouette) {
                best = kmeans;
                bestSilhouette = silhouette;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(id() + ": no count from 2 to " + top + " gave two non-empty clusters");
        }
        return new WekaClusterModel(id(), best, data, new CountChoice("mean silhouette", true, values),
                "Weka SimpleKMeans with " + best.numberOfClusters() + " clusters, chosen by the mean silhouette "
                        + "among 2 to " + top);
    }

    private static SimpleKMeans fit(Instances rows, int k, long seed) throws Exception {
        var kmeans = new SimpleKMeans();
        kmeans.setNumClusters(k);
        kmeans.setSeed(WekaFit.seed(seed));
        kmeans.setNumExecutionSlots(1);
        kmeans.setInitializationMethod(new weka.core.SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS,
                SimpleKMeans.TAGS_SELECTION));
        kmeans.buildClusterer(rows);
        return kmeans;
    }

    private static int[] subset(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        var random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] rows = java.util.Arrays.copyOf(order, Math.min(n, SILHOUETTE_ROWS));
        java.util.Arrays.sort(rows);
        return rows;
    }

    /** The mean silhouette of the subset's rows under the clusterer's own distance. */
    private static double silhouette(SimpleKMeans kmeans, Instances rows, int[] subset, int k) throws Exception {
        DistanceFunction distance = kmeans.getDistanceFunction();
        int m = subset.length;
        int[] label = new int[m];
        int[] sizes = new int[k];
        for (int a = 0; a < m; a++) {
            label[a] = kmeans.clusterInstance(rows.instance(subset[a]));
            sizes[label[a]]++;
        }
        if (java.util.Arrays.stream(sizes).filter(s -> s > 0).count() < 2) {
            return Double.NaN;
        }
        double[][] d = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                d[a][b] = d[b][a] = distance.distance(rows.instance(subset[a]), rows.instance(subset[b]));
            }
        }
        double total = 0;
        for (int a = 0; a < m; a++) {
            double[] sums = new double[k];
            for (int b = 0; b < m; b++) {
                if (b != a) {
                    sums[label[b]] += d[a][b];
                }
            }
            int own = label[a];
            if (sizes[own] <= 1) {
                continue;
            }
            double within = sums[own] / (sizes[own] - 1);
            double between = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    between = Math.min(between, sums[c] / sizes[c]);
                }
            }
            double max = Math.max(within, between);
            total += max > 0 ? (between - within) / max : 0;
        }
        return total / m;
    }
}
