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
import weka.classifiers.functions.LinearRegression;
import weka.core.SelectedTag;

/** Weka's least-squares linear regression with a ridge penalty and attribute selection. */
public final class LinearRegressionPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("ridge", "Ridge penalty on the coefficients.", 1e-8, 1e-10, 100.0, true),
            new ChoiceParam("attributeSelectionMethod",
                    "How features are kept: M5's method (m5), all of them (none) or greedy by Akaike's criterion "
                            + "(greedy).", "m5", List.of("m5", "none", "greedy")));

    /** Creates the plugin; it holds no state. */
    public LinearRegressionPlugin() {
    }

    @Override
    public String id() {
        return "weka.linear-regression";
    }

    @Override
    public String displayName() {
        return "Linear regression (Weka)";
    }

    @Override
    public String description() {
        return "Least-squares linear regression with a small ridge penalty, dropping collinear and unhelpful features. "
                + "Readable coefficients; the baseline every non-linear regressor should beat.";
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
        return Collections.unmodifiableSet(EnumSet.of(Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES,
                Capability.INTERPRETABLE, Capability.FAST_INFERENCE));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return WekaFit.regressor(this, request, () -> learner(request.parameters()));
    }

    private static LinearRegression learner(ParameterValues parameters) {
        var regression = new LinearRegression();
        regression.setRidge(parameters.getDouble("ridge"));
        int selection = switch (parameters.getString("attributeSelectionMethod")) {
            case "none" -> LinearRegression.SELECTION_NONE;
            case "greedy" -> LinearRegression.SELECTION_GREEDY;
            default -> LinearRegression.SELECTION_M5;
        };
        regression.setAttributeSelectionMethod(new SelectedTag(selection, LinearRegression.TAGS_SELECTION));
        return regression;
    }
}
