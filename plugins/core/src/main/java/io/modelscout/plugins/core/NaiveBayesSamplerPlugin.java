package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.HyperParameter.TextParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import io.modelscout.plugins.core.synth.ClassConditionalSampler;
import io.modelscout.plugins.core.synth.Schema;
import io.modelscout.plugins.core.synth.SynthesizerModel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Class-conditional naive Bayes as a synthesizer. The class is the column named by the parameter
 * {@code classColumn}; left empty, it is the last nominal column of the table (data files put the class last), the
 * last ordinal one when there is no nominal column, or the last column, cut into quantile bins, when all are numeric
 * (a regression target is usually last). A class is drawn by its frequency, then each other column on its own given
 * the class. The rows keep every trend that runs through the class (what a classifier trained on them
 * needs) and lose the others. Conditioning on a level is exact.
 */
public final class NaiveBayesSamplerPlugin implements ModelPlugin {
    static final String ID = "core.naive-bayes-sampler";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Class-conditional naive Bayes synthesizer";
    }

    @Override
    public String description() {
        return "Draws a class, then every other column independently given the class (per-class empirical "
                + "distributions and smoothed level frequencies). Keeps what a classifier of the class needs; loses "
                + "relations between the other columns.";
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
                new TextParam("classColumn", "the column the others are drawn given (a numeric one is cut into "
                        + "quantile bins); empty: the last nominal column, else the last ordinal one, else the last "
                        + "column", ""),
                new ChoiceParam("numeric", "how a number is drawn given the class: from the class's smoothed "
                        + "empirical distribution, or from a Gaussian of the class's mean and spread",
                        "empirical", List.of("empirical", "gaussian")),
                new RealParam("alpha", "Laplace smoothing added to each level count within a class", 1.0, 0.0, 10.0,
                        false),
                new IntParam("bins", "quantile bins that act as the classes when the class column is numeric", 5, 2,
                        50, false));
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var table = SynthesizerModel.trainingTable(ID, request);
        Schema.of(table).requireComplete(ID, table);
        int klass = ClassConditionalSampler.classColumn(ID, table, request.parameters().getString("classColumn"));
        return ClassConditionalSampler.fit(table, klass, "gaussian".equals(request.parameters().getString("numeric")),
                request.parameters().getDouble("alpha"), request.parameters().getInt("bins"));
    }
}
