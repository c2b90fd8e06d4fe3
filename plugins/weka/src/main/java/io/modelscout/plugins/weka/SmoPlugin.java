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
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.Kernel;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;

/** Weka's SMO support vector machine, with logistic calibration models so that it gives class probabilities. */
public final class SmoPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("C", "Complexity constant: the cost of a margin violation.", 1.0, 1e-3, 1e3, true),
            new ChoiceParam("kernel", "Kernel: poly (Weka's default, exponent 1, i.e. linear) or rbf.", "poly",
                    List.of("poly", "rbf")),
            new RealParam("gamma", "Inverse width of the RBF kernel; used only when kernel is rbf.", 0.01, 1e-4, 100.0,
                    true));

    /** Creates the plugin; it holds no state. */
    public SmoPlugin() {
    }

    @Override
    public String id() {
        return "weka.smo";
    }

    @Override
    public String displayName() {
        return "Support vector machine (Weka SMO)";
    }

    @Override
    public String description() {
        return "A maximum-margin classifier trained by sequential minimal optimisation, one machine per pair of "
                + "classes, with logistic models fitted to its outputs for probabilities. Good on many features.";
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
                Capability.PROBABILISTIC));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.classifier(this, request, () -> learner(request.parameters(), request.seed()));
    }

    private static SMO learner(ParameterValues parameters, long seed) {
        var smo = new SMO();
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
        // Without calibration SMO's distribution is a hard 0/1 vote.
        smo.setBuildCalibrationModels(true);
        smo.setRandomSeed(WekaFit.seed(seed));
        return smo;
    }
}
