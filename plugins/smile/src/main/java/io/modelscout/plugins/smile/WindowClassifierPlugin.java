package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A per-position classifier over the features of a window of positions (half-width a parameter, default one on each
 * side, padded beyond the ends; see {@link PositionFeatures}): the order-free discriminative rival of the sequence
 * labellers. Each position is classified on its own; nothing ties the labels of neighbours together.
 */
public abstract sealed class WindowClassifierPlugin implements ModelPlugin
        permits WindowClassifierPlugin.Logistic, WindowClassifierPlugin.Forest {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.SEQUENTIAL, Capability.LABELS_POSITIONS, Capability.PROBABILISTIC,
            Capability.NOMINAL_FEATURES));
    private static final IntParam WIDTH = new IntParam("width",
            "Positions on each side of the labelled one whose features are used.", 1, 0, 10, false);

    private final String learner;
    private final ModelPlugin classifier;
    private final ParameterSpace parameters;

    private WindowClassifierPlugin(String learner, ModelPlugin classifier, HyperParameter learnerParameter) {
        this.learner = learner;
        this.classifier = classifier;
        this.parameters = ParameterSpace.of(WIDTH, learnerParameter);
    }

    /** Logistic regression over the window. */
    public static final class Logistic extends WindowClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public Logistic() {
            super("logistic", new LogisticRegressionPlugin(), new RealParam("lambda",
                    "Strength of the L2 penalty on the weights.", 0.1, 1e-8, 1e3, true));
        }
    }

    /** A random forest over the window. */
    public static final class Forest extends WindowClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public Forest() {
            super("forest", new RandomForestPlugin(), new IntParam("trees", "Number of trees.", 100, 1, 5_000, true));
        }
    }

    @Override
    public final String id() {
        return "smile.window-" + learner;
    }

    @Override
    public final String displayName() {
        return (learner.equals("logistic") ? "Logistic regression" : "Random forest") + " on a window (Smile)";
    }

    @Override
    public final String description() {
        return "Labels each position on its own from the features of the positions around it; treats positions "
                + "as independent examples, with no model of how labels follow one another.";
    }

    @Override
    public final Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public final Set<Goal> goals() {
        return Set.of(Goal.MODEL_SEQUENCES);
    }

    @Override
    public final Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public final ParameterSpace parameters() {
        return parameters;
    }

    @Override
    public final FittedModel fit(FitRequest request) throws Exception {
        var fit = SequenceSupport.sequences(request, id(), Set.of(SequenceTask.LABEL));
        Sequences data = fit.data();
        SequenceSupport.labels(data);
        int half = request.parameters().getInt("width");
        var features = PositionFeatures.of(data.positions());
        var windows = features.windows(data, half);
        String name = parameters.parameters().get(1).name();
        var inner = new FitRequest(Goal.CLASSIFY, windows, Optional.<Column>of(data.labels().orElseThrow()),
                classifier.parameters().resolve(Map.of(name, request.parameters().values().get(name))),
                request.seed());
        var model = (Classifier) classifier.fit(inner);
        return new Labeler(model, features, half, windows.columnCount(), id());
    }

    private record Labeler(Classifier model, PositionFeatures features, int half, int columns, String id)
            implements SequenceModel {
        @Override
        public int[] label(Sequences sequences) {
            return model.predict(features.windows(sequences, half)).labels();
        }

        @Override
        public String summary() {
            return model.summary() + " (windows of " + (2 * half + 1) + " positions, " + columns + " features)";
        }
    }
}
