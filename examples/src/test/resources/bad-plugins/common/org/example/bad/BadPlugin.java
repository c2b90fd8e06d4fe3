package org.example.bad;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import java.util.EnumSet;
import java.util.Set;

/** A classifier that predicts the commonest training class; each bad plugin breaks one part of it. */
public abstract class BadPlugin implements ModelPlugin {
    private final String id;

    protected BadPlugin(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Misbehaving plugin " + id;
    }

    @Override
    public String description() {
        return "Predicts the commonest class, except where it misbehaves on purpose.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        int[] counts = request.classTarget().counts();
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        int majority = best;
        return (Classifier) features -> {
            int[] labels = new int[features.rowCount()];
            java.util.Arrays.fill(labels, majority);
            return probabilities(ClassPrediction.fromLabels(labels, counts.length));
        };
    }

    /** The probabilities a subclass returns instead of the honest ones. */
    protected ClassPrediction probabilities(ClassPrediction honest) {
        return honest;
    }
}
