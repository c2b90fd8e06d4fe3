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
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A classifier of whole symbol sequences on their k-mer counts (see {@link KmerFeatures}): the discriminative rival
 * of the per-class HMMs and Markov chains. It keeps the order of symbols only within each k-mer.
 */
public abstract sealed class KmerClassifierPlugin implements ModelPlugin
        permits KmerClassifierPlugin.Logistic, KmerClassifierPlugin.Svm, KmerClassifierPlugin.Forest {
    private static final IntParam K = new IntParam("k", "Length of the k-mers counted.", 3, 1, 8, false);

    private final String learner;
    private final String name;
    private final ModelPlugin classifier;
    private final ParameterSpace parameters;
    private final Set<Capability> capabilities;

    private KmerClassifierPlugin(String learner, String name, ModelPlugin classifier, HyperParameter learnerParameter,
                                 boolean probabilistic) {
        this.learner = learner;
        this.name = name;
        this.classifier = classifier;
        this.parameters = ParameterSpace.of(K, learnerParameter);
        var set = EnumSet.of(Capability.CLASSIFIES_SEQUENCES, Capability.NOMINAL_FEATURES);
        if (probabilistic) {
            set.add(Capability.PROBABILISTIC);
        }
        this.capabilities = Collections.unmodifiableSet(set);
    }

    /** Multinomial logistic regression on the k-mer counts. */
    public static final class Logistic extends KmerClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public Logistic() {
            super("logistic", "Logistic regression", new LogisticRegressionPlugin(), new RealParam("lambda",
                    "Strength of the L2 penalty on the weights.", 0.1, 1e-8, 1e3, true), true);
        }
    }

    /** A linear support vector machine on the k-mer counts (one-versus-rest, Platt-scaled). */
    public static final class Svm extends KmerClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public Svm() {
            super("svm", "Linear SVM", new LinearSvmPlugin(), new RealParam("C",
                    "Soft-margin penalty: the cost of a margin violation.", 1.0, 1e-4, 1e4, true), false);
        }
    }

    /** A random forest on the k-mer counts. */
    public static final class Forest extends KmerClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public Forest() {
            super("forest", "Random forest", new RandomForestPlugin(),
                    new IntParam("trees", "Number of trees.", 200, 1, 5_000, true), true);
        }
    }

    @Override
    public final String id() {
        return "smile.kmer-" + learner;
    }

    @Override
    public final String displayName() {
        return name + " on k-mer counts (Smile)";
    }

    @Override
    public final String description() {
        return "Classifies a whole sequence from how often each run of k symbols occurs in it; order-free beyond "
                + "the k-mer, discriminative.";
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
        return capabilities;
    }

    @Override
    public final ParameterSpace parameters() {
        return parameters;
    }

    @Override
    public final FittedModel fit(FitRequest request) throws Exception {
        var fit = SequenceSupport.sequences(request, id(), Set.of(SequenceTask.CLASSIFY));
        Sequences data = fit.data();
        SequenceSupport.classes(data);
        var features = KmerFeatures.fit(data, request.parameters().getInt("k"), id());
        String inner = parameters.parameters().get(1).name();
        var request2 = new FitRequest(Goal.CLASSIFY, features.table(data),
                Optional.<Column>of(data.classes().orElseThrow()),
                classifier.parameters().resolve(Map.of(inner, request.parameters().values().get(inner))),
                request.seed());
        return new SequenceClassifier((Classifier) classifier.fit(request2), features);
    }

    private record SequenceClassifier(Classifier model, KmerFeatures features) implements SequenceModel {
        @Override
        public ClassPrediction classify(Sequences sequences) {
            return model.predict(features.table(sequences));
        }

        @Override
        public String summary() {
            return model.summary() + " (" + features.size() + " k-mers)";
        }
    }
}
