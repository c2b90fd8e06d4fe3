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
 * symbols, Gaussian for numeric series, Bernoulli for binary feature sets.
 */
public final class HmmClassifierPlugin implements ModelPlugin {
    /** Baum-Welch stops when the log-likelihood per position gains less than this. */
    private static final double TOLERANCE = 1e-4;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("states", "Hidden states per class; 0 chooses among 2, 3, 4, ... up to maxStates by the "
                    + "likelihood of a held-out fifth of the class's sequences.", 0, 0, 64, false),
            new IntParam("maxStates", "The largest number of states tried when states is 0.", 4, 2, 64, false),
            new IntParam("restarts", "Random starts of Baum-Welch; the start of highest likelihood is kept.", 3, 1, 50,
                    false),
            new IntParam("iterations", "Most Baum-Welch iterations per start.", 50, 1, 1_000, true));
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE,
            Capability.SEQUENTIAL, Capability.CLASSIFIES_SEQUENCES, Capability.PROBABILISTIC,
            Capability.NOMINAL_FEATURES));

    /** Creates the plugin; it holds no state. */
    public HmmClassifierPlugin() {
    }

    @Override
    public String id() {
        return "core.hmm-classifier";
    }

    @Override
    public String displayName() {
        return "One HMM per class (in-house)";
    }

    @Override
    public String description() {
        return "A hidden Markov model per class trained by Baum-Welch, classifying a sequence by Bayes' rule over "
                + "the class likelihoods; categorical emissions for symbols, Gaussian for numeric series.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.MODEL_SEQUENCES);
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
        var fit = SequenceInputs.sequences(request, id(), Set.of(SequenceTask.CLASSIFY));
        Sequences data = fit.data();
        var classColumn = data.classes().orElseThrow();
        int levels = classColumn.levels().size();
        int[][] byClass = SequenceInputs.byClass(SequenceInputs.classes(classColumn), levels);
        var layout = Observations.Layout.of(data.positions());
        Observations observations = layout.encode(data);
        ParameterValues p = request.parameters();
        var trainer = new BaumWelch(p.getInt("iterations"), p.getInt("restarts"), TOLERANCE);
        int[] candidates = p.getInt("states") > 0 ? new int[] {p.getInt("states")}
                : BaumWelch.candidates(p.getInt("maxStates"));
        long[] seeds = new SplittableRandom(request.seed()).longs(levels).toArray();
        Hmm[] models = new Hmm[levels];
        int largest = -1;
        for (int k = 0; k < levels; k++) {
            if (byClass[k].length > 0) {
                models[k] = trainer.tune(observations, byClass[k], candidates, seeds[k]).fit().model();
                if (largest < 0 || byClass[k].length > byClass[largest].length) {
                    largest = k;
                }
            }
        }
        return new PerClass(models, SequenceInputs.logPriors(byClass, data.count()), layout, largest);
    }

    private record PerClass(Hmm[] models, double[] logPriors, Observations.Layout layout, int largest)
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
            return "one HMM per class (states " + states + "), " + models[largest].emission().describe();
        }
    }
}
