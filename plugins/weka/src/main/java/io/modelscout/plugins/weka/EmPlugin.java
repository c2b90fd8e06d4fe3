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
import weka.clusterers.EM;

/**
 * Weka's EM clusterer: a mixture whose components treat the attributes as independent (a normal distribution per
 * numeric attribute, a discrete one per nominal attribute), the number of clusters chosen by Weka itself by 10-fold
 * cross-validated log-likelihood ({@code numClusters = -1}: clusters are added while the held-out likelihood rises).
 * Its log-density is the mixture's; the anomaly score is its negative. Weka replaces missing values by the mean or
 * mode inside EM, which is imputation, so this plugin does not claim to handle missing cells. One execution slot,
 * seeded, so the same seed gives the same model. Each EM starts from the best of 3 k-means runs rather than Weka's 10,
 * which makes the cross-validated search about three times cheaper on tables of many columns.
 */
public final class EmPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxClusters", "Most clusters Weka's cross-validation may choose.", 10, 2, 50, false),
            new IntParam("maxIterations", "Most EM iterations per fit.", 100, 10, 1000, true),
            new IntParam("folds", "Cross-validation folds Weka uses to choose the number of clusters.", 10, 2, 20,
                    false),
            new IntParam("kMeansRuns", "k-means runs Weka tries to start each EM (Weka's default is 10).", 3, 1, 20,
                    false));

    /** Creates the plugin; it holds no state. */
    public EmPlugin() {
    }

    @Override
    public String id() {
        return "weka.em";
    }

    @Override
    public String displayName() {
        return "EM mixture (Weka)";
    }

    @Override
    public String description() {
        return "Weka's EM clusterer: a mixture of independent normal and discrete attributes, the number of clusters "
                + "chosen by Weka's own 10-fold cross-validated likelihood. Takes nominal attributes as they are.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLUSTER, Goal.DETECT_ANOMALIES);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.NOMINAL_FEATURES);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        WekaRuntime.prepare();
        var data = WekaData.unsupervised(request.features());
        var em = new EM();
        em.setNumClusters(-1);
        em.setMaximumNumberOfClusters(request.parameters().getInt("maxClusters"));
        em.setMaxIterations(request.parameters().getInt("maxIterations"));
        em.setNumExecutionSlots(1);
        em.setNumFolds(request.parameters().getInt("folds"));
        em.setNumKMeansRuns(request.parameters().getInt("kMeansRuns"));
        em.setSeed(WekaFit.seed(request.seed()));
        em.buildClusterer(data.unlabelled(request.features()));
        return new WekaClusterModel(id(), em, data, CountChoice.NONE, "Weka EM with " + em.numberOfClusters()
                + " clusters, chosen by Weka's " + request.parameters().getInt("folds")
                + "-fold cross-validated log-likelihood (at most "
                + request.parameters().getInt("maxClusters") + ")");
    }
}
