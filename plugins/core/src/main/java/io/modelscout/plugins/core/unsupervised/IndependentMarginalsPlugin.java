package io.modelscout.plugins.core.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.Set;

/**
 * The naive baseline of the density goals: every column on its own, independent of the others. A numeric column is
 * one normal distribution (its mean and variance over the known cells); a nominal or ordinal column is its level
 * frequencies smoothed by half a count per declared level. It is the one-component case of the mixed mixture
 * ({@link MixedMixturePlugin}), so missing cells are marginalised the same way, imputation gives the column mean or
 * mode, and draws are independent per column. A model that captures any dependence between columns should beat it.
 */
public final class IndependentMarginalsPlugin implements ModelPlugin {
    private static final double SMOOTHING = 0.5;

    /** Creates the plugin; it holds no state. */
    public IndependentMarginalsPlugin() {
    }

    @Override
    public String id() {
        return "core.independent-marginals";
    }

    @Override
    public String displayName() {
        return "Independent marginals (baseline)";
    }

    @Override
    public String description() {
        return "Each column alone: a normal distribution per numeric column, smoothed level frequencies per "
                + "categorical one, columns independent. Imputes the mean or mode. The baseline every density "
                + "model should beat.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES, Capability.SAMPLES_NEW_DATA,
                Capability.BASELINE, Capability.INTERPRETABLE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var columns = Columns.of(request.features(), id(), true);
        var em = new MixedMixturePlugin.Em(columns, Columns.matrix(request.features()), SMOOTHING);
        var fit = em.best(1, 1, request.seed());
        return new MixedMixture(id(), columns, fit.weights(), fit.mean(), fit.variance(), fit.probability(),
                CountChoice.NONE, "Independent columns: a normal distribution per numeric column, level frequencies "
                        + "smoothed by " + SMOOTHING + " per categorical column, over " + columns.size() + " columns");
    }
}
