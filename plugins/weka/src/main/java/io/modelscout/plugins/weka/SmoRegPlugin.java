package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import weka.classifiers.functions.SMOreg;
import weka.classifiers.functions.supportVector.Kernel;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.functions.supportVector.RegOptimizer;

/**
 * Weka's SMOreg: epsilon support vector regression solved by Shevade et al.'s improved SMO. Weka scales the
 * features and the target to [0, 1] first, so {@code epsilon} is a share of the target's range. The optimiser's
 * random choices come from the seed.
 */
public final class SmoRegPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("C", "Complexity constant: the cost of an error outside the tube (Weka's default 1).",
                    1.0, 1e-3, 1e3, true),
            new ChoiceParam("kernel", "Kernel: poly (Weka's default, exponent 1, i.e. linear) or rbf.", "poly",
                    List.of("poly", "rbf")),
            new RealParam("gamma", "Inverse width of the RBF kernel; used only when kernel is rbf.", 0.01, 1e-4, 100.0,
                    true),
            new RealParam("epsilon", "Half-width of the error-free tube on the target scaled to [0, 1] (Weka's default "
                    + "0.001).", 1e-3, 1e-5, 0.5, true));

    /** Creates the plugin; it holds no state. */
    public SmoRegPlugin() {
    }

    @Override
    public String id() {
        return "weka.smoreg";
    }

    @Override
    public String displayName() {
        return "Support vector regression (Weka SMOreg)";
    }

    @Override
    public String description() {
        return "Fits a function that ignores errors smaller than epsilon and penalises larger ones linearly, with a "
                + "linear or RBF kernel; less pulled by outliers than least squares. Slow on many rows.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.REGRESS);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.regressor(this, request, () -> learner(request.parameters(), request.seed()));
    }

    private static SMOreg learner(ParameterValues parameters, long seed) {
        var smo = new SMOreg();
        smo.setC(parameters.getDouble("C"));
        Kernel kernel = switch (parameters.getString("kernel")) {
            case "rbf" -> {
                var rbf = new RBFKernel();
                rbf.setGamma(parameters.getDouble("gamma"));
                yield rbf;
            }
            default -> new PolyKernel();
        };
        smo.setKernel(kernel);
        RegOptimizer optimizer = smo.getRegOptimizer();
        optimizer.setEpsilonParameter(parameters.getDouble("epsilon"));
        optimizer.setSeed(WekaFit.seed(seed));
        return smo;
    }
}
