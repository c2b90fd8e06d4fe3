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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Smile's kernel SVM (LASVM solver) with a Gaussian RBF kernel. Two classes get one machine; more get one machine
 * per class against the rest. Each machine's score is turned into a probability by Platt scaling, and the
 * one-versus-rest probabilities are normalised to sum to one.
 *
 * <p>Smile's own {@code OneVersusRest.fit} trains the machines on pool threads whose generators nobody seeds, so the
 * result would change from run to run; the machines are trained here one by one on the calling thread instead,
 * each after seeding it.
 */
public final class SvmPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("C", "Soft-margin penalty: the cost of a margin violation (Smile's default 1).",
                    1.0, 1e-3, 1e3, true),
            new RealParam("sigma", "Width of the Gaussian kernel exp(-|x - y|^2 / (2 sigma^2)); the inverse of the "
                    + "usual gamma is 2 sigma^2.", 1.0, 1e-3, 1e3, true),
            new RealParam("tol", "Convergence tolerance of the solver.", 1e-3, 1e-6, 1e-1, true),
            new IntParam("epochs", "Passes over the training rows; one or two usually suffice.", 1, 1, 20, false));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.PROBABILISTIC, Capability.NEEDS_SCALING));

    /** Creates the plugin; it holds no state. */
    public SvmPlugin() {
    }

    @Override
    public String id() {
        return "smile.svm";
    }

    @Override
    public String displayName() {
        return "Support vector machine, RBF kernel (Smile)";
    }

    @Override
    public String description() {
        return "A maximum-margin classifier in the feature space of a Gaussian kernel, so it draws smooth curved "
                + "boundaries; one machine per class against the rest, with Platt-scaled probabilities. Needs "
                + "features on comparable scales; training grows quickly with the number of rows.";
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
        var kernel = new GaussianKernel(request.parameters().getDouble("sigma"));
        var options = options(request.parameters());
        // two classes: one machine for class 1 against class 0; more: one machine per class against the rest
        int machines = k == 2 ? 1 : k;
        long[] seeds = Seeds.split(request.seed(), machines);
        var svms = new ArrayList<SVM<double[]>>(machines);
        var platts = new PlattScaling[machines];
        int vectors = 0;
        for (int m = 0; m < machines; m++) {
            int positive = k == 2 ? 1 : m;
            int[] y = new int[data.y().length];
            for (int i = 0; i < y.length; i++) {
                y[i] = data.y()[i] == positive ? +1 : -1;
            }
            Seeds.seedThisThread(seeds[m]);
            var svm = SVM.fit(data.x(), y, kernel, options);
            svms.add(svm);
            platts[m] = PlattScaling.fit(svm, data.x(), y);
            vectors += svm.vectors().length;
        }
        return SmileClassifier.of(data, x -> posteriors(svms, platts, k, x),
                (machines == 1 ? "one machine" : machines + " one-versus-rest machines") + " with " + vectors
                        + " support vectors in all, C " + options.C() + ", sigma " + kernel.scale());
    }

    private static double[][] posteriors(List<SVM<double[]>> svms, PlattScaling[] platts, int k, double[][] x) {
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

    private static SVM.Options options(ParameterValues parameters) {
        return new SVM.Options(parameters.getDouble("C"), parameters.getDouble("tol"), parameters.getInt("epochs"));
    }
}
