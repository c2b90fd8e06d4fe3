package io.modelscout.selector.tune;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.FlagParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small k-nearest-neighbours classifier for the tuning tests, with a space a search can move in ({@code k},
 * {@code weighted}). Column 0 is a row id: it is left out of the distance and recorded, with the thread, for every
 * fit (the training rows) and every prediction (the rows predicted), so a test can see which rows each step used.
 */
class Knn implements ModelPlugin {
    /** What one fit or one prediction saw. */
    record Seen(String thread, boolean fit, List<Double> ids, double[] columnMeans) {
    }

    final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final String id;
    private final Set<Capability> capabilities;

    Knn(String id, Capability... capabilities) {
        this.id = id;
        this.capabilities = Set.of(capabilities);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Test kNN " + id;
    }

    @Override
    public String description() {
        return "A k-nearest-neighbours classifier for tests.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new IntParam("k", "Neighbours that vote.", 1, 1, 30, true),
                new FlagParam("weighted", "Weigh votes by inverse distance.", false));
    }

    @Override
    public Classifier fit(FitRequest request) {
        Table x = request.features();
        record(true, x);
        double[][] train = x.toMatrix();
        CategoricalColumn y = request.classTarget();
        int classes = y.levels().size();
        int k = Math.min(request.parameters().getInt("k"), train.length);
        boolean weighted = request.parameters().getBoolean("weighted");
        return features -> {
            record(false, features);
            double[][] test = features.toMatrix();
            double[][] p = new double[test.length][classes];
            for (int i = 0; i < test.length; i++) {
                Integer[] order = new Integer[train.length];
                Arrays.setAll(order, j -> j);
                double[] d = new double[train.length];
                for (int j = 0; j < train.length; j++) {
                    for (int c = 1; c < test[i].length; c++) {
                        d[j] += (test[i][c] - train[j][c]) * (test[i][c] - train[j][c]);
                    }
                }
                Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : d[a] != d[b] ? Double.compare(d[a], d[b]) : a - b);
                double total = 0;
                for (int n = 0; n < k; n++) {
                    double w = weighted ? 1 / (1e-9 + Math.sqrt(d[order[n]])) : 1;
                    p[i][y.code(order[n])] += w;
                    total += w;
                }
                for (int c = 0; c < classes; c++) {
                    p[i][c] /= total;
                }
            }
            return ClassPrediction.fromProbabilities(p);
        };
    }

    private void record(boolean fit, Table x) {
        var ids = new ArrayList<Double>();
        var first = (NumericColumn) x.column(0);
        for (int i = 0; i < first.size(); i++) {
            ids.add(first.value(i));
        }
        double[] means = new double[x.columnCount()];
        for (int c = 0; c < x.columnCount(); c++) {
            means[c] = Arrays.stream(((NumericColumn) x.column(c)).toArray()).average().orElse(0);
        }
        seen.add(new Seen(Thread.currentThread().getName(), fit, List.copyOf(ids), means));
    }
}
