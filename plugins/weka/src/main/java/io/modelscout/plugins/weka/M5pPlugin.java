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
import weka.classifiers.trees.M5P;

/** Weka's M5P model tree: a regression tree with a linear model in each leaf. */
public final class M5pPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("minNumInstances", "Minimum number of training rows in a leaf.", 4, 1, 100, true),
            new FlagParam("unpruned", "Grow the tree without pruning.", false));

    /** Creates the plugin; it holds no state. */
    public M5pPlugin() {
    }

    @Override
    public String id() {
        return "weka.m5p";
    }

    @Override
    public String displayName() {
        return "M5 model tree (Weka M5P)";
    }

    @Override
    public String description() {
        return "A pruned, smoothed regression tree whose leaves hold linear models (Quinlan's M5). Piecewise linear "
                + "and readable; does well when the target is linear within regions of the data.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.REGRESS);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.regressor(this, request, () -> learner(request.parameters()));
    }

    private static M5P learner(ParameterValues parameters) {
        var tree = new M5P();
        tree.setMinNumInstances(parameters.getInt("minNumInstances"));
        tree.setUnpruned(parameters.getBoolean("unpruned"));
        return tree;
    }
}
