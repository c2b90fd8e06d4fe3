package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import weka.classifiers.lazy.IBk;
import weka.core.SelectedTag;

/**
 * Weka's IBk: k nearest neighbours over Weka's range-normalised Euclidean distance; for a numeric target the
 * prediction is the (optionally distance-weighted) average of the neighbours' targets.
 */
public final class IbkPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("KNN", "Number of neighbours that vote.", 1, 1, 100, true),
            new ChoiceParam("distanceWeighting",
                    "How neighbours' votes (or targets) are weighted: equally (none), by 1/distance (inverse) or by 1 - distance "
                            + "(similarity).", "none", List.of("none", "inverse", "similarity")));

    /** Creates the plugin; it holds no state. */
    public IbkPlugin() {
    }

    @Override
    public String id() {
        return "weka.ibk";
    }

    @Override
    public String displayName() {
        return "k nearest neighbours (Weka IBk)";
    }

    @Override
    public String description() {
        return "Labels a row by a vote of its k nearest training rows, or averages their targets; Weka scales numeric "
                + "features to [0, 1] and counts a nominal mismatch as distance one. No training cost, slow prediction "
                + "on large data.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY, Goal.REGRESS);
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES));
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        return request.goal() == Goal.REGRESS
                ? WekaFit.regressor(this, request, () -> learner(request.parameters()))
                : WekaFit.classifier(this, request, () -> learner(request.parameters()));
    }

    private static IBk learner(ParameterValues parameters) {
        var knn = new IBk();
        knn.setKNN(parameters.getInt("KNN"));
        int weighting = switch (parameters.getString("distanceWeighting")) {
            case "inverse" -> IBk.WEIGHT_INVERSE;
            case "similarity" -> IBk.WEIGHT_SIMILARITY;
            default -> IBk.WEIGHT_NONE;
        };
        knn.setDistanceWeighting(new SelectedTag(weighting, IBk.TAGS_WEIGHTING));
        return knn;
    }
}
