package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * Naive Bayes over mixed columns: a Gaussian per numeric feature and a Laplace-smoothed distribution over the
 * declared levels per nominal or ordinal feature. A missing cell is left out of the product (marginalised), in
 * training and in prediction, so the framework neither imputes nor encodes for it.
 */
public final class MixedNaiveBayesPlugin implements ModelPlugin {
    static final String ID = "core.mixed-naive-bayes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mixed naive Bayes (Gaussian + categorical, missing cells marginalised)";
    }

    @Override
    public String description() {
        return "Generative classifier with features independent given the class: Gaussian for numbers, smoothed "
                + "frequencies for categories. A missing cell is integrated out rather than filled in.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.GENERATIVE, Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.PROBABILISTIC);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new RealParam("alpha", "Laplace smoothing added to each level count of a categorical feature",
                        1.0, 1e-3, 10.0, true),
                new RealParam("varianceFloor", "smallest class variance of a numeric feature, as a share of its "
                        + "overall variance", 1e-4, 1e-9, 0.5, true));
    }

    @Override
    public FittedModel fit(FitRequest request) {
        if (request.goal() != Goal.CLASSIFY) {
            throw new IllegalArgumentException(ID + " does not serve goal " + request.goal().id());
        }
        CategoricalColumn target = request.classTarget();
        int[] y = NaiveBayes.codes(ID, target);
        int classes = target.levels().size();
        double alpha = request.parameters().getDouble("alpha");
        double floor = request.parameters().getDouble("varianceFloor");
        var features = new ArrayList<NaiveBayes.Feature>();
        for (Column column : request.features().columns()) {
            features.add(switch (column) {
                case NumericColumn numeric -> NaiveBayes.Gaussian.fit(numeric, y, classes, floor);
                case CategoricalColumn categorical -> NaiveBayes.Levels.fit(categorical, y, classes, alpha);
            });
        }
        return new NaiveBayes(ID, NaiveBayes.logPriors(target), features);
    }
}
