package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import io.modelscout.plugins.core.synth.ChowLiuTree;
import io.modelscout.plugins.core.synth.Schema;
import io.modelscout.plugins.core.synth.SynthesizerModel;
import java.util.EnumSet;
import java.util.Set;

/**
 * A Bayesian network synthesizer with a Chow-Liu tree as its structure (the tree of highest likelihood: the maximum
 * spanning tree of pair-wise mutual information), numbers discretised into quantile bins, Laplace-smoothed tables,
 * ancestral sampling. Keeps the strongest dependence of every column, categorical ones included, which a copula
 * of normal scores blurs. Conditioning on a level is exact (the tree is re-rooted at the conditioned column).
 */
public final class BayesNetSamplerPlugin implements ModelPlugin {
    static final String ID = "core.bayes-net-sampler";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Bayesian network synthesizer (Chow-Liu tree)";
    }

    @Override
    public String description() {
        return "A tree-shaped Bayesian network learned from pair-wise mutual information over discretised columns, "
                + "sampled ancestrally. Readable structure; keeps each column's strongest dependence, nominal ones "
                + "included, and loses what needs two parents.";
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
                Capability.INTERPRETABLE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new IntParam("bins", "most quantile bins per numeric column (a column with fewer distinct values "
                        + "keeps each value)", 8, 2, 50, false),
                new RealParam("alpha", "Laplace smoothing added to every count of the network's tables", 1.0, 0.0,
                        10.0, false));
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var table = SynthesizerModel.trainingTable(ID, request);
        Schema.of(table).requireComplete(ID, table);
        return ChowLiuTree.fit(table, request.parameters().getInt("bins"), request.parameters().getDouble("alpha"));
    }
}
