package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import weka.classifiers.functions.Logistic;

/** Weka's multinomial logistic regression with a ridge penalty. */
public final class LogisticPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("ridge", "Ridge penalty on the coefficients.", 1e-8, 1e-10, 100.0, true));

    /** Creates the plugin; it holds no state. */
    public LogisticPlugin() {
    }

    @Override
    public String id() {
        return "weka.logistic";
    }

    @Override
    public String displayName() {
        return "Logistic regression (Weka)";
    }

    @Override
    public String description() {
        return "Multinomial logistic regression with a ridge penalty (le Cessie and van Houwelingen). Models the class "
                + "probabilities directly with a linear score per class; readable coefficients, good calibration.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.PROBABILISTIC, Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.classifier(this, request, () -> learner(request.parameters()));
    }

    private static Logistic learner(ParameterValues parameters) {
        var logistic = new Logistic();
        logistic.setRidge(parameters.getDouble("ridge"));
        return logistic;
    }
}
