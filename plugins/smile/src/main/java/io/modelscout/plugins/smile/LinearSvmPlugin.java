package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.classification.LinearSVM;
import smile.classification.PlattScaling;
import smile.classification.SVM;

/**
 * Smile's linear support vector machine (LASVM solver, linear kernel). Two classes get one machine; more get one
 * per class against the rest, trained one by one on the calling thread after seeding it (the solver visits the rows
 * in a random order), as {@link SvmPlugin} does for the RBF machine. Platt scaling turns scores into probabilities,
 * and the one-versus-rest probabilities are normalised to sum to one.
 */
public final class LinearSvmPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("C", "Soft-margin penalty: the cost of a margin violation (Smile's default 1).",
                    1.0, 1e-3, 1e3, true),
            new RealParam("tol", "Convergence tolerance of the solver.", 1e-3, 1e-6, 1e-1, true),
            new IntParam("epochs", "Passes over the training rows; one or two usually suffice.", 1, 1, 20, false));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.PROBABILISTIC, Capability.NEEDS_SCALING, Capability.INTERPRETABLE, Capability.FAST_INFERENCE));

    /** Creates the plugin; it holds no state. */
    public LinearSvmPlugin() {
    }

    @Override
    public String id() {
        return "smile.linear-svm";
    }

    @Override
    public String displayName() {
        return "Support vector machine, linear (Smile)";
    }

    @Override
    public String description() {
        return "A maximum-margin straight boundary (hyperplane) per class against the rest, with Platt-scaled "
                + "probabilities. Fast and readable through its weights; strong with many features, weak when the "
                + "classes need a curved boundary. Needs features on comparable scales.";
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
        int k = data.classes().count();
        if (k < 2) {
            return SmileClassifier.constant(data);
        }
        var parameters = request.parameters();
        var options = new SVM.Options(parameters.getDouble("C"), parameters.getDouble("tol"),
                parameters.getInt("epochs"));
        int machines = k == 2 ? 1 : k;
        long[] seeds = Seeds.split(request.seed(), machines);
        var svms = new ArrayList<LinearSVM>(machines);
        var platts = new PlattScaling[machines];
        for (int m = 0; m < machines; m++) {
            int positive = k == 2 ? 1 : m;
            int[] y = new int[data.y().length];
            for (int i = 0; i < y.length; i++) {
                y[i] = data.y()[i] == positive ? +1 : -1;
            }
            Seeds.seedThisThread(seeds[m]);
            var svm = SVM.fit(data.x(), y, options);
            svms.add(svm);
            platts[m] = PlattScaling.fit(svm, data.x(), y);
        }
        return SmileClassifier.of(data, x -> posteriors(svms, platts, k, x),
                (machines == 1 ? "one linear machine" : machines + " one-versus-rest linear machines") + " over "
                        + data.features() + " features, C " + options.C());
    }

    private static double[][] posteriors(List<LinearSVM> svms, PlattScaling[] platts, int k, double[][] x) {
        double[][] p = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            if (svms.size() == 1) {
                double positive = platts[0].scale(svms.getFirst().score(x[i]));
                p[i][0] = 1 - positive;
                p[i][1] = positive;
            } else {
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    p[i][m] = platts[m].scale(svms.get(m).score(x[i]));
                    sum += p[i][m];
                }
                for (int m = 0; m < k; m++) {
                    p[i][m] /= sum;
                }
            }
        }
        return p;
    }
}
