package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.FlagParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import weka.classifiers.trees.REPTree;

/**
 * Weka's REPTree: a fast decision or regression tree (information gain or variance reduction) pruned by reduced
 * error on a held-out share of the training rows; which rows are held out comes from the seed.
 */
public final class RepTreePlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("minNum", "Minimum number of training rows in a leaf (Weka's default 2).", 2, 1, 100, true),
            new IntParam("maxDepth", "Deepest the tree may grow; -1 means unlimited (Weka's default).", -1, -1, 100,
                    false),
            new IntParam("numFolds", "The tree grows on all folds but one and is pruned on that one (Weka's default 3).",
                    3, 2, 10, false),
            new FlagParam("noPruning", "Grow the tree without pruning.", false));

    /** Creates the plugin; it holds no state. */
    public RepTreePlugin() {
    }

    @Override
    public String id() {
        return "weka.reptree";
    }

    @Override
    public String displayName() {
        return "Decision tree, REPTree (Weka)";
    }

    @Override
    public String description() {
        return "A quickly grown classification or regression tree, pruned against rows held out from its growth. "
                + "Readable, takes nominal features and missing cells; like every single tree, it changes with "
                + "small changes of the data.";
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
                Capability.PROBABILISTIC, Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
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

    private static REPTree learner(ParameterValues parameters, long seed) {
        var tree = new REPTree();
        tree.setMinNum(parameters.getInt("minNum"));
        tree.setMaxDepth(parameters.getInt("maxDepth"));
        tree.setNumFolds(parameters.getInt("numFolds"));
        tree.setNoPruning(parameters.getBoolean("noPruning"));
        tree.setSeed(WekaFit.seed(seed));
        return tree;
    }
}
