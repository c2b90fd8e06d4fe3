package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import weka.classifiers.trees.J48;

/** Weka's J48, the C4.5 decision tree: readable rules, nominal features and missing cells taken as they are. */
public final class J48Plugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("confidenceFactor", "Confidence factor of C4.5 pruning; smaller values prune more.",
                    0.25, 0.001, 0.5, true),
            new IntParam("minNumObj", "Minimum number of training rows in a leaf.", 2, 1, 100, true));

    /** Creates the plugin; it holds no state. */
    public J48Plugin() {
    }

    @Override
    public String id() {
        return "weka.j48";
    }

    @Override
    public String displayName() {
        return "C4.5 decision tree (Weka J48)";
    }

    @Override
    public String description() {
        return "A pruned C4.5 decision tree that splits on information gain ratio. It reads as rules, takes nominal "
                + "features and missing cells as they are, and does well when a few features explain the class.";
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
        return Collections.unmodifiableSet(EnumSet.of(Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.PROBABILISTIC, Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.classifier(this, request, () -> learner(request.parameters()));
    }

    private static J48 learner(ParameterValues parameters) {
        var tree = new J48();
        tree.setConfidenceFactor((float) parameters.getDouble("confidenceFactor"));
        tree.setMinNumObj(parameters.getInt("minNumObj"));
        // No seed: J48 draws random numbers only for reduced-error pruning, which is off, and refuses a seed then.
        return tree;
    }
}
