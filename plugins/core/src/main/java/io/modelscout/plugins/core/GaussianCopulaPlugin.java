package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import io.modelscout.plugins.core.synth.GaussianCopula;
import io.modelscout.plugins.core.synth.Schema;
import io.modelscout.plugins.core.synth.SynthesizerModel;
import java.util.EnumSet;
import java.util.Set;

/**
 * A Gaussian copula synthesizer: every column keeps its smoothed empirical marginal (nominal levels as intervals of
 * the uniform, in frequency order), and the columns are tied together by the correlation of their normal scores.
 * Keeps monotone pair-wise trends; misses interactions and multi-modal dependence. Conditions exactly on a level.
 */
public final class GaussianCopulaPlugin implements ModelPlugin {
    static final String ID = "core.gaussian-copula";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Gaussian copula synthesizer";
    }

    @Override
    public String description() {
        return "Empirical marginals joined by a Gaussian copula (the correlation of the columns' normal scores). Fast "
                + "and stable on small tables; keeps monotone pair-wise trends, not interactions.";
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
        return EnumSet.of(Capability.GENERATIVE, Capability.SAMPLES_NEW_DATA, Capability.NOMINAL_FEATURES);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(new RealParam("shrinkage", "least weight of the identity in the copula's correlation "
                + "(more is taken when the estimate is not positive definite)", 1e-3, 0.0, 0.5, false));
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var table = SynthesizerModel.trainingTable(ID, request);
        Schema.of(table).requireComplete(ID, table);
        return GaussianCopula.fit(table, request.parameters().getDouble("shrinkage"), request.seed());
    }
}
