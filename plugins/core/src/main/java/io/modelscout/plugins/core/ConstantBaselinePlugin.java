package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The constant predictor: the training class frequencies (majority label) for classification, the training mean
 * for regression. Every real candidate should beat it; when none does, the report says so.
 */
public final class ConstantBaselinePlugin implements ModelPlugin {

    @Override
    public String id() {
        return "core.constant";
    }

    @Override
    public String displayName() {
        return "Constant baseline (majority class / mean)";
    }

    @Override
    public String description() {
        return "Ignores the features: predicts the class frequencies of the training data (labelling every row with "
                + "the commonest class) or the training mean. The floor any model must clear.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.CLASSIFY, Goal.REGRESS);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.BASELINE, Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.PROBABILISTIC, Capability.INTERPRETABLE, Capability.FAST_INFERENCE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        return switch (request.goal()) {
            case CLASSIFY -> classPriors(request.classTarget());
            case REGRESS -> mean(request.numericTarget());
            default -> throw new IllegalArgumentException("core.constant does not serve goal " + request.goal().id());
        };
    }

    private static Classifier classPriors(CategoricalColumn target) {
        int[] counts = target.counts();
        int total = Arrays.stream(counts).sum();
        double[] priors = new double[counts.length];
        int majority = 0;
        for (int k = 0; k < counts.length; k++) {
            priors[k] = counts[k] / (double) total;
            if (counts[k] > counts[majority]) {
                majority = k;
            }
        }
        int label = majority;
        return new Classifier() {
            @Override
            public ClassPrediction predict(Table features) {
                int n = features.rowCount();
                int[] labels = new int[n];
                double[][] probabilities = new double[n][];
                for (int i = 0; i < n; i++) {
                    labels[i] = label;
                    probabilities[i] = priors.clone();
                }
                return new ClassPrediction(labels, probabilities);
            }

            @Override
            public String summary() {
                return "always '" + target.levels().get(label) + "'";
            }
        };
    }

    private static Regressor mean(NumericColumn target) {
        double sum = 0;
        for (int i = 0; i < target.size(); i++) {
            sum += target.value(i);
        }
        double mean = sum / target.size();
        return new Regressor() {
            @Override
            public double[] predict(Table features) {
                double[] out = new double[features.rowCount()];
                Arrays.fill(out, mean);
                return out;
            }

            @Override
            public String summary() {
                return "always " + mean;
            }
        };
    }
}
