package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import io.modelscout.plugins.core.synth.IndependentMarginals;
import io.modelscout.plugins.core.synth.SynthesizerModel;
import java.util.EnumSet;
import java.util.Set;

/**
 * The baseline synthesizer: every column drawn alone from its smoothed empirical distribution (an interpolated
 * inverse CDF for numbers, the level frequencies for categories). Shapes of single columns are kept, every relation
 * between columns is lost; a synthesizer worth using beats it on pair-wise trends and on utility.
 */
public final class MarginalSamplerPlugin implements ModelPlugin {
    static final String ID = "core.marginal-sampler";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Independent marginals (baseline synthesizer)";
    }

    @Override
    public String description() {
        return "Draws each column on its own from its smoothed empirical distribution. Keeps every column's shape and "
                + "none of the relations between columns: the floor any real synthesizer must beat.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.GENERATE);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.GENERATIVE, Capability.SAMPLES_NEW_DATA, Capability.NOMINAL_FEATURES,
                Capability.BASELINE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var table = SynthesizerModel.trainingTable(ID, request);
        return IndependentMarginals.fit(table);
    }
}
