package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.classification.LogisticRegression;

/**
 * Smile's L2-regularised logistic regression: binomial for two classes, multinomial (softmax) for more.
 */
public final class LogisticRegressionPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("lambda", "Strength of the L2 penalty on the weights (Smile's default 0.1).",
                    0.1, 1e-8, 1e3, true),
            new RealParam("tol", "Convergence tolerance of the L-BFGS optimiser.", 1e-5, 1e-10, 1e-2, true),
            new IntParam("maxIter", "Most iterations of the optimiser.", 500, 10, 10_000, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.PROBABILISTIC, Capability.INTERPRETABLE, Capability.NEEDS_SCALING, Capability.FAST_INFERENCE));

    /** Creates the plugin; it holds no state. */
    public LogisticRegressionPlugin() {
    }

    @Override
    public String id() {
        return "smile.logistic-regression";
    }

    @Override
    public String displayName() {
        return "Logistic regression (Smile)";
    }

    @Override
    public String description() {
        return "A linear model of the log-odds of each class, fitted by penalised maximum likelihood. Fast, "
                + "well calibrated and readable; strong when classes are close to linearly separable.";
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
        return CAPABILITIES;
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var data = SmileData.classification(request);
        if (data.classes().count() < 2) {
            return SmileClassifier.constant(data);
        }
        var options = options(request.parameters());
        var model = LogisticRegression.fit(data.x(), data.y(), options);
        int k = data.classes().count();
        return SmileClassifier.of(data, SmileClassifier.posteriors(model, k, x -> x),
                (k == 2 ? "binomial" : "multinomial") + " logistic regression over " + k + " classes and "
                        + data.features() + " features, lambda " + options.lambda()
                        + ", log-likelihood " + String.format("%.4g", model.loglikelihood()));
    }

    private static LogisticRegression.Options options(ParameterValues parameters) {
        return new LogisticRegression.Options(parameters.getDouble("lambda"), parameters.getDouble("tol"),
                parameters.getInt("maxIter"));
    }
}
