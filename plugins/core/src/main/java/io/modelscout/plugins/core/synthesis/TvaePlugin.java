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

/** The tabular variational autoencoder, trained in plain Java. */
public final class TvaePlugin implements ModelPlugin {

    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("epochs", "Passes over the training rows (before the work budget).", 300, 1, 10_000, true),
            new IntParam("batchSize", "Rows per optimisation step.", 200, 8, 10_000, true),
            new IntParam("hiddenWidth", "Units in each hidden layer of the encoder and the decoder.", 128, 8, 1024, true),
            new IntParam("hiddenLayers", "Hidden layers in the encoder and in the decoder.", 2, 1, 4, false),
            new IntParam("embedding", "Width of the latent code.", 64, 2, 512, true),
            new RealParam("learningRate", "Adam's learning rate.", 1e-3, 1e-5, 0.1, true),
            new ChoiceParam("numericEncoding", "Numeric columns as the scalar within a mode of a per-column Gaussian "
                    + "mixture plus the mode (modes) or as normal scores of their quantiles (quantiles).", "modes",
                    List.of("modes", "quantiles")),
            new IntParam("maxModes", "The most Gaussian-mixture modes per numeric column (chosen by BIC).", 10, 1, 30,
                    false),
            new IntParam("workBudget", "Caps the epochs so that epochs x rows x encoded width stays below this many "
                    + "million cells; depends on the data's shape only, so results stay reproducible.", 24, 1,
                    100_000, true));

    @Override
    public String id() {
        return "core.tvae";
    }

    @Override
    public String displayName() {
        return "Tabular VAE (in-house)";
    }

    @Override
    public String description() {
        return "A variational autoencoder for tables (after TVAE): one-hot levels and mode-normalised numbers are "
                + "compressed to a Gaussian code and decoded back; new rows decode draws from the prior. Learns joint "
                + "structure of mixed tables; needs a few hundred rows or more.";
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
        var settings = new Tvae.Settings(p.getInt("epochs"), p.getInt("batchSize"), p.getInt("hiddenWidth"),
                p.getInt("hiddenLayers"), p.getInt("embedding"), p.getDouble("learningRate"),
                TabularEncoder.NumericEncoding.of(p.getString("numericEncoding")), p.getInt("maxModes"),
                p.getInt("workBudget"));
        return Tvae.fit(request.features(), settings, request.seed());
    }
}
