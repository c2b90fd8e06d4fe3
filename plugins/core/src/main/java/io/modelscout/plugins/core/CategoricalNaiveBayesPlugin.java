package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
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
 * Categorical (multinomial) naive Bayes: a Laplace-smoothed distribution over the levels of each nominal or ordinal
 * feature per class. A numeric feature is cut into equal-frequency bins of its training values, so the model takes
 * any table. Missing cells are left out of the product.
 */
public final class CategoricalNaiveBayesPlugin implements ModelPlugin {
    static final String ID = "core.categorical-naive-bayes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Categorical naive Bayes (numeric features binned)";
    }

    @Override
    public String description() {
        return "Generative classifier over level frequencies per class, smoothed; numbers are binned at their "
                + "training quantiles. Strong with many nominal features and few rows.";
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
        return EnumSet.of(Capability.GENERATIVE, Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA,
                Capability.PROBABILISTIC);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new RealParam("alpha", "Laplace smoothing added to each level count", 1.0, 1e-3, 10.0, true),
                new IntParam("bins", "equal-frequency bins per numeric feature", 5, 2, 50, true));
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
        int bins = request.parameters().getInt("bins");
        var features = new ArrayList<NaiveBayes.Feature>();
        for (Column column : request.features().columns()) {
            features.add(switch (column) {
                case NumericColumn numeric -> NaiveBayes.Levels.fitBinned(numeric, y, classes, alpha, bins);
                case CategoricalColumn categorical -> NaiveBayes.Levels.fit(categorical, y, classes, alpha);
            });
        }
        return new NaiveBayes(ID, NaiveBayes.logPriors(target), features);
    }
}
