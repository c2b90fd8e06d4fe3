package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.classification.LDA;

/**
 * Smile's linear discriminant analysis: each class a multivariate normal distribution, all sharing one covariance
 * matrix, and Bayes' rule on top, which makes the boundaries between classes straight. Constant features are left
 * out (see {@link FeatureSubset}); collinear ones, such as every one-hot column of a nominal feature, make the
 * shared covariance singular and the fit fails with Smile's message. Needs OpenBLAS.
 */
public final class LdaPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new ChoiceParam("priors", "Class priors: the class shares of the training rows (empirical) or equal for "
                    + "every class (uniform).", "empirical", List.of("empirical", "uniform")),
            new RealParam("tol", "Singularity tolerance: a covariance eigenvalue below tol squared counts as zero "
                    + "(Smile's default 1e-4).", 1e-4, 1e-10, 1e-2, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.GENERATIVE, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public LdaPlugin() {
    }

    @Override
    public String id() {
        return "smile.lda";
    }

    @Override
    public String displayName() {
        return "Linear discriminant analysis (Smile)";
    }

    @Override
    public String description() {
        return "A generative model: each class is a multivariate normal distribution, all with the same covariance, "
                + "and Bayes' rule turns them into class probabilities with straight boundaries. Few parameters, so "
                + "it does well on small data; it suffers when classes differ in spread or features are collinear.";
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
        return CAPABILITIES;
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var data = SmileData.classification(request);
        int k = data.classes().count();
        if (k < 2) {
            return SmileClassifier.constant(data);
        }
        var subset = Discriminants.subset(id(), data);
        var parameters = request.parameters();
        LDA model;
        try {
            model = LDA.fit(subset.apply(data.x()), data.y(), Discriminants.priors(parameters, k),
                    parameters.getDouble("tol"));
        } catch (IllegalArgumentException e) {
            throw Discriminants.failure(id(), e);
        }
        return SmileClassifier.of(data, SmileClassifier.posteriors(model, k, subset::apply),
                "linear discriminant analysis over " + k + " classes and " + subset.describe() + ", "
                        + parameters.getString("priors") + " priors");
    }
}
