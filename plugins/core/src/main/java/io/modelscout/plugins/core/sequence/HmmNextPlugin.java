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
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import io.modelscout.plugins.core.hmm.BaumWelch;
import io.modelscout.plugins.core.hmm.Emission;
import io.modelscout.plugins.core.hmm.Hmm;
import io.modelscout.plugins.core.hmm.MarkovChain;
import io.modelscout.plugins.core.hmm.Observations;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An HMM over symbols trained without labels by Baum-Welch, predicting the next symbol by forward filtering:
 * p(x_t | x_0..x_{t-1}) = sum_j p(state_t = j | x_0..x_{t-1}) p(x_t | j). It continues a sequence by drawing the
 * next state from the filtered distribution, then states and symbols in turn.
 */
public final class HmmNextPlugin implements ModelPlugin {
    /** Baum-Welch stops when the log-likelihood per position gains less than this. */
    private static final double TOLERANCE = 1e-4;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("states", "Hidden states; 0 chooses among 2, 3, 4, ... up to maxStates by the likelihood of "
                    + "a held-out fifth of the sequences.", 0, 0, 64, false),
            new IntParam("maxStates", "The largest number of states tried when states is 0.", 6, 2, 64, false),
            new IntParam("restarts", "Random starts of Baum-Welch; the start of highest likelihood is kept.", 3, 1, 50,
                    false),
            new IntParam("iterations", "Most Baum-Welch iterations per start.", 50, 1, 1_000, true));
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE,
            Capability.SEQUENTIAL, Capability.PREDICTS_NEXT, Capability.PROBABILISTIC, Capability.NOMINAL_FEATURES,
            Capability.SAMPLES_NEW_DATA));

    /** Creates the plugin; it holds no state. */
    public HmmNextPlugin() {
    }

    @Override
    public String id() {
        return "core.hmm";
    }

    @Override
    public String displayName() {
        return "Hidden Markov model over symbols (in-house)";
    }

    @Override
    public String description() {
        return "A hidden Markov model learnt from the sequences alone by Baum-Welch (several random starts, the "
                + "number of states chosen on held-out sequences); predicts and generates the next symbol.";
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
        var fit = SequenceInputs.sequences(request, id(), Set.of(SequenceTask.NEXT));
        Sequences data = fit.data();
        CategoricalColumn symbols = SequenceInputs.symbolColumn(data.positions(), id());
        int levels = symbols.levels().size();
        Observations observations = Observations.ofSymbols(levels, SequenceInputs.symbolSequences(data, symbols));
        ParameterValues p = request.parameters();
        var trainer = new BaumWelch(p.getInt("iterations"), p.getInt("restarts"), TOLERANCE);
        int[] candidates = p.getInt("states") > 0 ? new int[] {p.getInt("states")}
                : BaumWelch.candidates(p.getInt("maxStates"));
        int[] all = new int[data.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Hmm hmm = trainer.tune(observations, all, candidates, request.seed()).fit().model();
        return new Next(hmm, symbols.name(), symbols.levels());
    }

    private record Next(Hmm hmm, String column, List<String> levels) implements SequenceModel {
        private Emission.Categorical emission() {
            return (Emission.Categorical) hmm.emission();
        }

        /** The predictive distribution of the symbol given the predicted state distribution. */
        private double[] symbolsGiven(double[] statePrediction) {
            double[] p = new double[levels.size()];
            for (int k = 0; k < statePrediction.length; k++) {
                for (int v = 0; v < p.length; v++) {
                    p[v] += statePrediction[k] * emission().probability(k, 0, v);
                }
            }
            return p;
        }

        private double[] advance(double[] filtered) {
            double[][] a = hmm.transition();
            double[] next = new double[filtered.length];
            for (int i = 0; i < filtered.length; i++) {
                for (int j = 0; j < next.length; j++) {
                    next[j] += filtered[i] * a[i][j];
                }
            }
            return next;
        }

        @Override
        public double[][] nextProbabilities(Sequences sequences) {
            int[][] codes = SequenceInputs.symbolSequences(sequences, column, levels.size(), "core.hmm");
            Observations observations = Observations.ofSymbols(levels.size(), codes);
            double[][] out = new double[sequences.positions().rowCount()][];
            for (int s = 0; s < codes.length; s++) {
                double[][] filtered = hmm.filtered(observations, s);
                double[] prediction = hmm.initial();
                for (int t = 0; t < codes[s].length; t++) {
                    out[sequences.start(s) + t] = symbolsGiven(prediction);
                    prediction = advance(filtered[t]);
                }
            }
            return out;
        }

        @Override
        public Table continueSequence(Table prefix, int length, long seed) {
            double[] prediction = hmm.initial();
            if (prefix.rowCount() > 0) {
                var sequences = new Sequences(prefix, new int[] {0, prefix.rowCount()}, Optional.empty(),
                        Optional.empty());
                int[][] codes = SequenceInputs.symbolSequences(sequences, column, levels.size(), "core.hmm");
                double[][] filtered = hmm.filtered(Observations.ofSymbols(levels.size(), codes), 0);
                prediction = advance(filtered[filtered.length - 1]);
            }
            var random = new SplittableRandom(seed);
            double[][] a = hmm.transition();
            int[] drawn = new int[length];
            int state = MarkovChain.draw(prediction, random);
            for (int t = 0; t < length; t++) {
                if (t > 0) {
                    state = MarkovChain.draw(a[state], random);
                }
                double[] emit = new double[levels.size()];
                for (int v = 0; v < emit.length; v++) {
                    emit[v] = emission().probability(state, 0, v);
                }
                drawn[t] = MarkovChain.draw(emit, random);
            }
            return SequenceInputs.symbolTable(column, levels, drawn);
        }

        @Override
        public double[] logLikelihood(Sequences sequences) {
            int[][] codes = SequenceInputs.symbolSequences(sequences, column, levels.size(), "core.hmm");
            Observations observations = Observations.ofSymbols(levels.size(), codes);
            double[] out = new double[codes.length];
            for (int s = 0; s < out.length; s++) {
                out[s] = hmm.logLikelihood(observations, s);
            }
            return out;
        }

        @Override
        public Optional<double[][]> transitionMatrix() {
            return Optional.of(hmm.transition());
        }

        @Override
        public String summary() {
            return hmm.toString() + " trained by Baum-Welch";
        }
    }
}
