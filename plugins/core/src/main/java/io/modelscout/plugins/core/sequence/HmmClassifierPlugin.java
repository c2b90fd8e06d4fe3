package io.modelscout.plugins.core.sequence;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import io.modelscout.plugins.core.hmm.BaumWelch;
import io.modelscout.plugins.core.hmm.Hmm;
import io.modelscout.plugins.core.hmm.Observations;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One HMM per class, each trained by Baum-Welch on the sequences of its class, and Bayes' rule over the sequence
 * likelihoods with the classes' shares as priors. Emissions follow the column types: categorical for nominal
 * symbols, Gaussian for numeric series, Bernoulli for binary feature sets. Two topologies, two plugins: ergodic
 * (any state may follow any other; the number of states chosen on held-out sequences) and left-to-right (each state
 * repeats or moves on to the next, so the states follow the successive parts of a sequence: the model of aligned
 * windows such as DNA around a splice junction).
 */
public abstract sealed class HmmClassifierPlugin implements ModelPlugin
        permits HmmClassifierPlugin.Ergodic, HmmClassifierPlugin.LeftToRight {
    /** Baum-Welch stops when the log-likelihood per position gains less than this. */
    private static final double TOLERANCE = 1e-4;
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE,
            Capability.SEQUENTIAL, Capability.CLASSIFIES_SEQUENCES, Capability.PROBABILISTIC,
            Capability.NOMINAL_FEATURES));

    private final BaumWelch.Topology topology;
    private final ParameterSpace parameters;

    private HmmClassifierPlugin(BaumWelch.Topology topology, ParameterSpace parameters) {
        this.topology = topology;
        this.parameters = parameters;
    }

    /** Ergodic HMMs, the number of states chosen by held-out likelihood. */
    public static final class Ergodic extends HmmClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public Ergodic() {
            super(BaumWelch.Topology.ERGODIC, ParameterSpace.of(
                    new IntParam("states", "Hidden states per class; 0 chooses among 2, 3, 4, ... up to maxStates by "
                            + "the likelihood of a held-out fifth of the class's sequences.", 0, 0, 64, false),
                    new IntParam("maxStates", "The largest number of states tried when states is 0.", 4, 2, 64, false),
                    new IntParam("restarts", "Random starts of Baum-Welch; the start of highest likelihood is kept.",
                            3, 1, 50, false),
                    new IntParam("iterations", "Most Baum-Welch iterations per start.", 50, 1, 1_000, true)));
        }
    }

    /** Left-to-right (Bakis) HMMs, one state per position of a typical sequence unless told otherwise. */
    public static final class LeftToRight extends HmmClassifierPlugin {
        /** Creates the plugin; it holds no state. */
        public LeftToRight() {
            super(BaumWelch.Topology.LEFT_TO_RIGHT, ParameterSpace.of(
                    new IntParam("states", "Hidden states per class; 0 takes the median training length of the class "
                            + "(at most 200).", 0, 0, 1_000, false),
                    new IntParam("restarts", "Starts of Baum-Welch. The first start segments every sequence evenly over "
                            + "the states, so one start is usually enough; more perturb how long each state lasts.",
                            1, 1, 50, false),
                    new IntParam("iterations", "Most Baum-Welch iterations per start.", 50, 1, 1_000, true)));
        }
    }

    @Override
    public final String id() {
        return topology == BaumWelch.Topology.ERGODIC ? "core.hmm-classifier" : "core.hmm-classifier-left-right";
    }

    @Override
    public final String displayName() {
        return "One " + (topology == BaumWelch.Topology.ERGODIC ? "ergodic" : "left-to-right")
                + " HMM per class (in-house)";
    }

    @Override
    public final String description() {
        return "A hidden Markov model per class trained by Baum-Welch, classifying a sequence by Bayes' rule over "
                + "the class likelihoods; categorical emissions for symbols, Gaussian for numeric series"
                + (topology == BaumWelch.Topology.ERGODIC ? "." : "; left to right, its states follow the successive "
                + "parts of a sequence.");
    }

    @Override
    public final Family family() {
        return Family.GENERATIVE;
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
    public final FittedModel fit(FitRequest request) {
        var fit = SequenceInputs.sequences(request, id(), Set.of(SequenceTask.CLASSIFY));
        Sequences data = fit.data();
        var classColumn = data.classes().orElseThrow();
        int levels = classColumn.levels().size();
        int[][] byClass = SequenceInputs.byClass(SequenceInputs.classes(classColumn), levels);
        var layout = Observations.Layout.of(data.positions());
        Observations observations = layout.encode(data);
        ParameterValues p = request.parameters();
        var trainer = new BaumWelch(p.getInt("iterations"), p.getInt("restarts"), TOLERANCE);
        long[] seeds = new SplittableRandom(request.seed()).longs(levels).toArray();
        Hmm[] models = new Hmm[levels];
        int largest = -1;
        for (int k = 0; k < levels; k++) {
            if (byClass[k].length > 0) {
                int[] candidates = p.getInt("states") > 0 ? new int[] {p.getInt("states")}
                        : topology == BaumWelch.Topology.LEFT_TO_RIGHT ? new int[] {medianLength(data, byClass[k])}
                        : BaumWelch.candidates(p.getInt("maxStates"));
                models[k] = trainer.tune(observations, byClass[k], candidates, seeds[k], topology).fit().model();
                if (largest < 0 || byClass[k].length > byClass[largest].length) {
                    largest = k;
                }
            }
        }
        return new PerClass(models, SequenceInputs.logPriors(byClass, data.count()), layout, largest,
                topology == BaumWelch.Topology.ERGODIC ? "ergodic" : "left-to-right");
    }

    private static int medianLength(Sequences data, int[] sequences) {
        int[] lengths = new int[sequences.length];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = data.length(sequences[i]);
        }
        java.util.Arrays.sort(lengths);
        return Math.min(200, lengths[lengths.length / 2]);
    }

    private record PerClass(Hmm[] models, double[] logPriors, Observations.Layout layout, int largest,
                            String topology)
            implements SequenceModel {
        @Override
        public ClassPrediction classify(Sequences sequences) {
            Observations observations = layout.encode(sequences);
            double[][] logJoint = new double[sequences.count()][models.length];
            for (int s = 0; s < logJoint.length; s++) {
                for (int k = 0; k < models.length; k++) {
                    logJoint[s][k] = models[k] == null ? Double.NEGATIVE_INFINITY
                            : logPriors[k] + models[k].logLikelihood(observations, s);
                }
            }
            return SequenceInputs.bayes(logJoint);
        }

        @Override
        public double[] logLikelihood(Sequences sequences) {
            // The mixture over classes: log sum_k p(k) p(sequence | k).
            Observations observations = layout.encode(sequences);
            double[] out = new double[sequences.count()];
            for (int s = 0; s < out.length; s++) {
                double max = Double.NEGATIVE_INFINITY;
                double[] terms = new double[models.length];
                for (int k = 0; k < models.length; k++) {
                    terms[k] = models[k] == null ? Double.NEGATIVE_INFINITY
                            : logPriors[k] + models[k].logLikelihood(observations, s);
                    max = Math.max(max, terms[k]);
                }
                double sum = 0;
                for (double term : terms) {
                    sum += Double.isFinite(term) ? Math.exp(term - max) : 0;
                }
                out[s] = max + Math.log(sum);
            }
            return out;
        }

        @Override
        public Optional<double[][]> transitionMatrix() {
            return Optional.of(models[largest].transition());
        }

        @Override
        public String summary() {
            var states = new StringBuilder();
            for (Hmm model : models) {
                if (model != null) {
                    states.append(states.isEmpty() ? "" : ", ").append(model.states());
                }
            }
            return "one " + topology + " HMM per class (states " + states + "), "
                    + models[largest].emission().describe();
        }
    }
}
