package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.FlagParam;
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
import weka.classifiers.functions.MultilayerPerceptron;

/**
 * Weka's multilayer perceptron, trained by back-propagation with sigmoid units, for classification and regression.
 * Weka scales numeric features (and a numeric target) to [-1, 1], turns nominal features into indicator inputs and
 * fills missing cells itself. The initial weights and the order of the rows come from the seed.
 *
 * <p>The defaults are Weka's but for the epochs: 100 instead of Weka's 500. Weka's back-propagation is slow, and at
 * 500 epochs one fit on the 1000 rows and 61 binary inputs of credit-g took over a minute on two cores: ten folds
 * of one candidate cost more than all the others together. 100 epochs keep a comparison affordable; tuning searches
 * up to 5000.
 */
public final class MultilayerPerceptronPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new ChoiceParam("hiddenLayers", "Size of the one hidden layer, in Weka's wildcards: a = (features + "
                    + "classes) / 2 (Weka's default), i = features, o = classes, t = features + classes.", "a",
                    List.of("a", "i", "o", "t")),
            new RealParam("learningRate", "Step size of back-propagation (Weka's default 0.3).", 0.3, 1e-3, 1.0, true),
            new RealParam("momentum", "Share of the previous weight change added to each (Weka's default 0.2).",
                    0.2, 0.0, 0.99, false),
            new IntParam("trainingTime", "Epochs: passes over the training rows (100 here; Weka's default is 500).", 100, 10, 5_000,
                    true),
            new FlagParam("decay", "Divide the learning rate by the epoch number as training goes on.", false));

    /** Creates the plugin; it holds no state. */
    public MultilayerPerceptronPlugin() {
    }

    @Override
    public String id() {
        return "weka.mlp";
    }

    @Override
    public String displayName() {
        return "Neural network, multilayer perceptron (Weka)";
    }

    @Override
    public String description() {
        return "One hidden layer of sigmoid neurons trained by back-propagation, on features Weka scales and encodes "
                + "itself. Learns curved boundaries and non-linear trends; slow on large data and hard to read.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY, Goal.REGRESS);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.PROBABILISTIC, Capability.NOMINAL_FEATURES,
                Capability.HANDLES_MISSING_DATA));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return request.goal() == Goal.REGRESS
                ? WekaFit.regressor(this, request, () -> learner(request.parameters(), request.seed()))
                : WekaFit.classifier(this, request, () -> learner(request.parameters(), request.seed()));
    }

    private static MultilayerPerceptron learner(ParameterValues parameters, long seed) {
        var network = new MultilayerPerceptron();
        network.setHiddenLayers(parameters.getString("hiddenLayers"));
        network.setLearningRate(parameters.getDouble("learningRate"));
        network.setMomentum(parameters.getDouble("momentum"));
        network.setTrainingTime(parameters.getInt("trainingTime"));
        network.setDecay(parameters.getBoolean("decay"));
        network.setSeed(WekaFit.seed(seed));
        return network;
    }
}
