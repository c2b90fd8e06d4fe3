package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import weka.classifiers.bayes.BayesNet;
import weka.classifiers.bayes.net.estimate.SimpleEstimator;
import weka.classifiers.bayes.net.search.local.K2;
import weka.classifiers.bayes.net.search.local.LocalScoreSearchAlgorithm;
import weka.classifiers.bayes.net.search.local.TAN;

/**
 * Weka's Bayesian network classifier: a directed graph over the class and the features, learnt by a local score
 * search, with a conditional probability table per node. Weka discretises numeric features (supervised MDL) and
 * fills missing cells itself before learning. The default, K2 with at most one parent and the class first, is Weka's
 * own and gives the naive Bayes structure over discretised features; more parents or TAN let features depend on one
 * another. K2 here keeps the given feature order, so no random number is drawn.
 */
public final class BayesNetPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new ChoiceParam("search", "Structure search: K2 (greedy, in the features' order; Weka's default) or TAN "
                    + "(a tree-augmented naive Bayes: each feature gets the class and at most one other feature as "
                    + "parents).", "k2", List.of("k2", "tan")),
            new IntParam("maxParents", "Most parents of a node in the K2 search, the class included (Weka's default 1: "
                    + "the naive Bayes structure); TAN ignores it.", 1, 1, 5, false),
            new RealParam("alpha", "Pseudo-count added to every cell of a probability table (Weka's default 0.5).",
                    0.5, 1e-3, 10.0, true));

    /** Creates the plugin; it holds no state. */
    public BayesNetPlugin() {
    }

    @Override
    public String id() {
        return "weka.bayes-net";
    }

    @Override
    public String displayName() {
        return "Bayesian network (Weka BayesNet)";
    }

    @Override
    public String description() {
        return "A generative model: a graph of which features depend on which, learnt from the data, with a "
                + "probability table per feature given its parents; Bayes' rule gives the class probabilities. Takes "
                + "nominal features and missing cells; numeric features are discretised, which can lose detail.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE, Capability.PROBABILISTIC,
                Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.classifier(this, request, () -> learner(request.parameters()));
    }

    private static BayesNet learner(ParameterValues parameters) {
        var net = new BayesNet();
        LocalScoreSearchAlgorithm search = switch (parameters.getString("search")) {
            case "tan" -> new TAN();
            default -> {
                var k2 = new K2();
                k2.setMaxNrOfParents(parameters.getInt("maxParents"));
                yield k2;
            }
        };
        net.setSearchAlgorithm(search);
        var estimator = new SimpleEstimator();
        estimator.setAlpha(parameters.getDouble("alpha"));
        net.setEstimator(estimator);
        return net;
    }
}
