package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.FittedModel;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KModes;

/**
 * Smile's k-modes (Huang, 1998) for categorical data: clusters around modes under the simple matching (Hamming)
 * distance. Nominal and ordinal columns are taken by level; a numeric column is cut into three bins (low, middle, high)
 * at its training terciles, so a table of mixed columns can be clustered too; finer bins make the matching distance
 * between neighbouring values as large as between far ones. The number of clusters is the one of highest mean
 * silhouette under the matching distance (on a seeded subset of {@value Silhouette#ROWS} rows for larger data) among
 * 2 to {@code maxClusters}; each count keeps the best of a few seeded starts by distortion.
 */
public final class KModesPlugin implements ModelPlugin {
    private static final int BINS = 3;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxClusters", "Most clusters tried; the mean silhouette chooses the count from 2 up to this.",
                    8, 2, 50, false),
            new IntParam("restarts", "Seeded starts per count; the one of least distortion is kept.", 3, 1, 20, false));

    /** Creates the plugin; it holds no state. */
    public KModesPlugin() {
    }

    @Override
    public String id() {
        return "smile.k-modes";
    }

    @Override
    public String displayName() {
        return "k-modes (Smile)";
    }

    @Override
    public String description() {
        return "Clusters of categorical rows around modes under the matching distance, the count chosen by the mean "
                + "silhouette; numeric columns are cut at their terciles. The k-means of nominal data.";
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
        return Set.of(Capability.UNSUPERVISED, Capability.NOMINAL_FEATURES);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        Table table = request.features();
        if (table.columnCount() == 0 || table.rowCount() < 3) {
            throw new IllegalArgumentException(id() + ": needs at least one column and three rows, got "
                    + table.columnCount() + " columns and " + table.rowCount() + " rows");
        }
        var coding = Coding.of(table);
        int[][] x = coding.encode(table);
        int top = Math.min(request.parameters().getInt("maxClusters"), x.length - 1);
        int restarts = request.parameters().getInt("restarts");
        int[] rows = Silhouette.subset(x.length, request.seed());
        double[][] distances = new double[rows.length][rows.length];
        for (int a = 0; a < rows.length; a++) {
            for (int b = a + 1; b < rows.length; b++) {
                distances[a][b] = distances[b][a] = mismatches(x[rows[a]], x[rows[b]]);
            }
        }
        long[] seeds = Seeds.split(request.seed(), top + 1);
        var values = new TreeMap<Integer, Double>();
        CentroidClustering<int[], int[]> best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= top; k++) {
            CentroidClustering<int[], int[]> clustering = null;
            for (long start : Seeds.split(seeds[k], restarts)) {
                Seeds.seedThisThread(start);
                var candidate = KModes.fit(x, new Clustering.Options(k, 100));
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
            throw new IllegalArgumentException(id() + ": no count from 2 to " + top
                    + " gave two non-empty clusters; the rows may all be alike");
        }
        return new Model(id(), coding, best, new Clusterer.CountChoice("mean silhouette", true, values),
                "k-modes with " + best.k() + " clusters, chosen by the mean silhouette among 2 to " + top
                        + (coding.binned() > 0 ? "; " + coding.binned() + " numeric columns cut at their terciles" : ""));
    }

    private static double mismatches(int[] a, int[] b) {
        int count = 0;
        for (int j = 0; j < a.length; j++) {
            count += a[j] != b[j] ? 1 : 0;
        }
        return count;
    }

    /**
     * How each column becomes integer codes: categorical columns by level, numeric ones by bin.
     *
     * @param names the column names
     * @param cuts for a numeric column, the bin edges (a value goes to the number of edges below or at it); null for
     *     a categorical column
     */
    record Coding(List<String> names, double[][] cuts) {
        Coding {
            names = List.copyOf(names);
            requireNonNull(cuts, "cuts is null");
        }

        static Coding of(Table table) {
            double[][] cuts = new double[table.columnCount()][];
            for (int j = 0; j < table.columnCount(); j++) {
                if (table.column(j) instanceof NumericColumn numeric) {
                    double[] values = Arrays.stream(numeric.toArray()).filter(Double::isFinite).sorted().toArray();
                    if (values.length == 0) {
                        throw new IllegalArgumentException("smile.k-modes: column '" + numeric.name()
                                + "' has no value");
                    }
                    cuts[j] = new double[BINS - 1];
                    for (int b = 1; b < BINS; b++) {
                        cuts[j][b - 1] = values[(int) Math.min(values.length - 1, Math.floor(b * values.length
                                / (double) BINS))];
                    }
                }
            }
            return new Coding(table.columnNames(), cuts);
        }

        int binned() {
            return (int) Arrays.stream(cuts).filter(c -> c != null).count();
        }

        int[][] encode(Table table) {
            if (!table.columnNames().equals(names)) {
                throw new IllegalArgumentException("smile.k-modes: fitted on columns " + names + ", got "
                        + table.columnNames());
            }
            int[][] x = new int[table.rowCount()][table.columnCount()];
            for (int j = 0; j < table.columnCount(); j++) {
                Column column = table.column(j);
                double[] edges = cuts[j];
                for (int i = 0; i < x.length; i++) {
                    x[i][j] = switch (column) {
                        case NumericColumn numeric when edges != null -> bin(numeric.value(i), edges);
                        case CategoricalColumn categorical when edges == null -> categorical.code(i);
                        default -> throw new IllegalArgumentException("smile.k-modes: column '" + column.name()
                                + "' is " + column.kind() + ", not the kind it had when fitted");
                    };
                }
            }
            return x;
        }

        /** The bin of a value; a missing value gets -1, which matches no bin. */
        private static int bin(double value, double[] edges) {
            if (Double.isNaN(value)) {
                return -1;
            }
            int bin = 0;
            while (bin < edges.length && value > edges[bin]) {
                bin++;
            }
            return bin;
        }
    }

    /** The fitted k-modes clustering. */
    private record Model(String plugin, Coding coding, CentroidClustering<int[], int[]> clustering,
                         CountChoice countChoice, String summary) implements Clusterer {
        @Override
        public int clusterCount() {
            return clustering.k();
        }

        @Override
        public int[] assign(Table features) {
            int[][] x = coding.encode(features);
            int[] out = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = clustering.predict(x[i]);
            }
            return out;
        }
    }
}
