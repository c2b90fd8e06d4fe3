package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import weka.classifiers.trees.RandomForest;

/**
 * Weka's random forest for classification (the trees vote) and regression (the trees' average): bagged random trees,
 * seeded from the task.
 */
public final class RandomForestPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("numIterations", "Number of trees.", 100, 10, 1000, true),
            new IntParam("numFeatures", "Features tried at each split; 0 means log2(features) + 1.", 0, 0, 1000, false),
            new IntParam("maxDepth", "Maximum depth of a tree; 0 means unlimited.", 0, 0, 100, false));

    /** Creates the plugin; it holds no state. */
    public RandomForestPlugin() {
    }

    @Override
    public String id() {
        return "weka.random-forest";
    }

    @Override
    public String displayName() {
        return "Random forest (Weka)";
    }

    @Override
    public String description() {
        return "An average of unpruned random trees, each grown on a bootstrap sample with a random subset of features "
                + "tried at each split; the trees vote on a class or average their predictions. Strong with little tuning on most "
                + "tabular data.";
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
        return Collections.unmodifiableSet(EnumSet.of(Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.PROBABILISTIC, Capability.FAST_INFERENCE));
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

    private static RandomForest learner(ParameterValues parameters, long seed) {
        var forest = new RandomForest();
        forest.setNumIterations(parameters.getInt("numIterations"));
        forest.setNumFeatures(parameters.getInt("numFeatures"));
        forest.setMaxDepth(parameters.getInt("maxDepth"));
        forest.setSeed(WekaFit.seed(seed));
        // One slot: the trees are grown on this thread, in order, so the seed alone fixes the forest.
        forest.setNumExecutionSlots(1);
        return forest;
    }
}
