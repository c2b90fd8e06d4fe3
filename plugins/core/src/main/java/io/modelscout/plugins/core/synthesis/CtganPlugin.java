package io.modelscout.plugins.core.synthesis;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The conditional tabular GAN (Wasserstein loss with gradient penalty), trained in plain Java. */
public final class CtganPlugin implements ModelPlugin {

    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("epochs", "Passes over the training rows (before the work budget).", 300, 1, 10_000, true),
            new IntParam("batchSize", "Rows per optimisation step (a multiple of pac).", 200, 10, 10_000, true),
            new IntParam("hiddenWidth", "Units in each hidden layer of the generator and the critic.", 128, 8, 1024,
                    true),
            new IntParam("hiddenLayers", "Hidden layers in the generator and in the critic.", 2, 1, 4, false),
            new IntParam("embedding", "Width of the generator's noise input.", 64, 2, 512, true),
            new RealParam("learningRate", "Adam's learning rate for generator and critic.", 1e-3, 1e-6, 0.01, true),
            new IntParam("pac", "Rows the critic judges together (PacGAN), against mode collapse.", 10, 1, 50, false),
            new IntParam("criticSteps", "Critic updates per generator update.", 1, 1, 10, false),
            new RealParam("gradientPenalty", "Weight of the critic's gradient penalty.", 10, 0, 100, false),
            new RealParam("criticDropout", "Dropout rate after each hidden layer of the critic; helps wide critics on "
                    + "large tables, slows learning on small ones.", 0, 0, 0.9, false),
            new ChoiceParam("numericEncoding", "Numeric columns as the scalar within a mode of a per-column Gaussian "
                    + "mixture plus the mode (modes) or as normal scores of their quantiles (quantiles).", "modes",
                    List.of("modes", "quantiles")),
            new IntParam("maxModes", "The most Gaussian-mixture modes per numeric column (chosen by BIC).", 10, 1, 30,
                    false),
            new IntParam("workBudget", "Caps the epochs so that epochs x rows x (encoded + condition width) stays "
                    + "below this many million cells; depends on the data's shape only, so results stay "
                    + "reproducible.", 24, 1, 100_000, true));

    @Override
    public String id() {
        return "core.ctgan";
    }

    @Override
    public String displayName() {
        return "Conditional tabular GAN (in-house)";
    }

    @Override
    public String description() {
        return "A generator and a critic trained against each other (Wasserstein loss with gradient penalty, after "
                + "CTGAN): the generator is conditioned on a sampled category, drawn by log-frequency so rare "
                + "categories are learnt, and can generate rows of one category directly. Needs the most data and "
                + "time of the synthesizers.";
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
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        if (request.goal() != Goal.GENERATE) {
            throw new IllegalArgumentException(id() + " does not serve goal " + request.goal().id());
        }
        ParameterValues p = request.parameters();
        var settings = new Ctgan.Settings(p.getInt("epochs"), p.getInt("batchSize"), p.getInt("hiddenWidth"),
                p.getInt("hiddenLayers"), p.getInt("embedding"), p.getDouble("learningRate"), p.getInt("pac"),
                p.getInt("criticSteps"), p.getDouble("gradientPenalty"), p.getDouble("criticDropout"),
                TabularEncoder.NumericEncoding.of(p.getString("numericEncoding")), p.getInt("maxModes"),
                p.getInt("workBudget"));
        return Ctgan.fit(request.features(), settings, request.seed());
    }
}
