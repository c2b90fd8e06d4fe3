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
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

/**
 * Smile's isolation forest (Liu, Ting and Zhou): the score is {@code 2^(-E[h(x)]/c(n))} in {@code (0, 1]}, higher for rows
 * isolated in fewer random splits, so higher is more anomalous as the API wants. Smile grows a forest's trees in a
 * parallel stream drawing from thread-local generators, which no seed can pin down; here each tree is grown by a
 * forest of one (its stream runs on the calling thread, seeded once) and the trees are joined into one forest. Fits
 * grow their trees one at a time across threads (Smile's shared normal generator keeps state); scoring runs freely.
 */
public final class IsolationForestPlugin implements ModelPlugin {
    /**
     * Held while trees grow. Each split draws a normal variate from Smile's one shared {@code GaussianDistribution},
     * which keeps the second value of each Box-Muller pair in a field of its own, shared by every thread; seeding
     * clears it, but two fits growing trees at once would take each other's spare value and so shift their draws.
     */
    private static final Object ISOLATION_TREES = new Object();
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("trees", "Number of isolation trees.", 200, 10, 2000, true),
            new RealParam("subsample", "Share of the training rows each tree is grown on.", 0.5, 0.01, 0.99, false));

    /** Creates the plugin; it holds no state. */
    public IsolationForestPlugin() {
    }

    @Override
    public String id() {
        return "smile.isolation-forest";
    }

    @Override
    public String displayName() {
        return "Isolation forest (Smile)";
    }

    @Override
    public String description() {
        return "An ensemble of random trees that isolate rows by random splits: anomalies are isolated in few "
                + "splits. No distance or density needed, indifferent to the columns' scales; good in many dimensions.";
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
        return Set.of(Capability.UNSUPERVISED);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        int trees = request.parameters().getInt("trees");
        double subsample = request.parameters().getDouble("subsample");
        // one tree per call: a parallel stream of one element runs on the calling thread, seeded here, so the trees
        // are the same whatever thread or pool the fit runs on
        var grown = new IsolationTree[trees];
        var single = new IsolationForest.Options(1, 0, subsample, 0);
        synchronized (ISOLATION_TREES) {
            Seeds.seedThisThread(request.seed());
            for (int t = 0; t < trees; t++) {
                grown[t] = IsolationForest.fit(x, single).trees()[0];
            }
        }
        var forest = new IsolationForest(x.length, x[0].length, 0, grown);
        return new SmileAnomalyDetector(id(), x[0].length, forest::score, "Isolation forest of " + trees
                + " trees, each on " + Math.round(subsample * 100) + " % of " + x.length + " rows");
    }
}
