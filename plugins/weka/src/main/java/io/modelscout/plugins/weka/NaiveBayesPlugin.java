package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.FlagParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import weka.classifiers.bayes.NaiveBayes;

/** Weka's naive Bayes: a generative model of each feature given the class, combined by Bayes' rule. */
public final class NaiveBayesPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new FlagParam("useKernelEstimator",
                    "Model each numeric feature with a kernel density estimate instead of a normal distribution.", false),
            new FlagParam("useSupervisedDiscretization",
                    "Discretise numeric features (Fayyad and Irani's MDL method) instead of fitting a normal distribution; "
                            + "not together with useKernelEstimator.", false));

    /** Creates the plugin; it holds no state. */
    public NaiveBayesPlugin() {
    }

    @Override
    public String id() {
        return "weka.naive-bayes";
    }

    @Override
    public String displayName() {
        return "Naive Bayes (Weka)";
    }

    @Override
    public String description() {
        return "Models each feature given the class as if the features were independent, then applies Bayes' rule. "
                + "Fast, needs little data, and copes with missing cells; its probabilities are overconfident when "
                + "features are correlated.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE, Capability.HANDLES_MISSING_DATA,
                Capability.NOMINAL_FEATURES, Capability.PROBABILISTIC));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.classifier(this, request, () -> learner(request.parameters()));
    }

    private static NaiveBayes learner(ParameterValues parameters) {
        boolean kernel = parameters.getBoolean("useKernelEstimator");
        boolean discretize = parameters.getBoolean("useSupervisedDiscretization");
        // Weka's setters silently switch the other option off; say so instead of fitting something else.
        if (kernel && discretize) {
            throw new IllegalArgumentException("useKernelEstimator and useSupervisedDiscretization: at most one may be "
                    + "true, got both");
        }
        var bayes = new NaiveBayes();
        bayes.setUseKernelEstimator(kernel);
        bayes.setUseSupervisedDiscretization(discretize);
        return bayes;
    }
}
