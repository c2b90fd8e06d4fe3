package io.modelscout.plugins.core.sequence;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import io.modelscout.plugins.core.hmm.MarkovChain;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A Markov chain of a fixed order over symbols with interpolated Witten-Bell smoothing (see {@link MarkovChain}):
 * for the next symbol, one chain over all sequences; for classes, one chain per class and Bayes' rule over the
 * sequence likelihoods with the classes' shares as priors. Each order is its own plugin, so that a selection shows
 * how the held-out perplexity changes with the order.
 */
public abstract sealed class MarkovChainPlugin implements ModelPlugin
        permits MarkovChainPlugin.Order1, MarkovChainPlugin.Order2, MarkovChainPlugin.Order3 {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE,
            Capability.SEQUENTIAL, Capability.CLASSIFIES_SEQUENCES, Capability.PREDICTS_NEXT,
            Capability.PROBABILISTIC, Capability.NOMINAL_FEATURES, Capability.INTERPRETABLE,
            Capability.SAMPLES_NEW_DATA, Capability.FAST_INFERENCE));
    private final int order;

    private MarkovChainPlugin(int order) {
        this.order = order;
    }

    /** The first-order chain: the next symbol depends on the last one. */
    public static final class Order1 extends MarkovChainPlugin {
        /** Creates the plugin; it holds no state. */
        public Order1() {
            super(1);
        }
    }

    /** The second-order chain: the next symbol depends on the last two. */
    public static final class Order2 extends MarkovChainPlugin {
        /** Creates the plugin; it holds no state. */
        public Order2() {
            super(2);
        }
    }

    /** The third-order chain: the next symbol depends on the last three. */
    public static final class Order3 extends MarkovChainPlugin {
        /** Creates the plugin; it holds no state. */
        public Order3() {
            super(3);
        }
    }

    @Override
    public final String id() {
        return "core.markov-" + order;
    }

    @Override
    public final String displayName() {
        return "Markov chain of order " + order + " (in-house)";
    }

    @Override
    public final String description() {
        return "The next symbol depends on the last " + (order == 1 ? "one" : order)
                + ", with interpolated Witten-Bell smoothing towards shorter histories; one chain per class "
                + "classifies by Bayes' rule.";
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
        return ParameterSpace.EMPTY;
    }

    @Override
    public final FittedModel fit(FitRequest request) {
        var fit = SequenceInputs.sequences(request, id(), Set.of(SequenceTask.CLASSIFY, SequenceTask.NEXT));
        Sequences data = fit.data();
        CategoricalColumn symbols = SequenceInputs.symbolColumn(data.positions(), id());
        int levels = symbols.levels().size();
        int[][] codes = SequenceInputs.symbolSequences(data, symbols);
        if (fit.task() == SequenceTask.NEXT) {
            return new Chains(new MarkovChain[] {new MarkovChain(order, levels, codes)}, new double[] {0},
                    symbols.name(), symbols.levels(), id());
        }
        var classColumn = data.classes().orElseThrow();
        int[][] byClass = SequenceInputs.byClass(SequenceInputs.classes(classColumn), classColumn.levels().size());
        var chains = new MarkovChain[byClass.length];
        for (int k = 0; k < chains.length; k++) {
            if (byClass[k].length > 0) {
                int[][] mine = new int[byClass[k].length][];
                for (int i = 0; i < mine.length; i++) {
                    mine[i] = codes[byClass[k][i]];
                }
                chains[k] = new MarkovChain(order, levels, mine);
            }
        }
        return new Chains(chains, SequenceInputs.logPriors(byClass, data.count()), symbols.name(), symbols.levels(),
                id());
    }

    /** One chain (next symbol) or one per class (classes). */
    private record Chains(MarkovChain[] chains, double[] logPriors, String column, List<String> levels, String id)
            implements SequenceModel {
        private int[][] codes(Sequences sequences) {
            return SequenceInputs.symbolSequences(sequences, column, levels.size(), id);
        }

        @Override
        public ClassPrediction classify(Sequences sequences) {
            int[][] codes = codes(sequences);
            double[][] logJoint = new double[codes.length][chains.length];
            for (int s = 0; s < codes.length; s++) {
                for (int k = 0; k < chains.length; k++) {
                    logJoint[s][k] = chains[k] == null ? Double.NEGATIVE_INFINITY
                            : logPriors[k] + chains[k].logLikelihood(codes[s]);
                }
            }
            return SequenceInputs.bayes(logJoint);
        }

        @Override
        public double[] logLikelihood(Sequences sequences) {
            int[][] codes = codes(sequences);
            double[] out = new double[codes.length];
            for (int s = 0; s < codes.length; s++) {
                double max = Double.NEGATIVE_INFINITY;
                double[] terms = new double[chains.length];
                for (int k = 0; k < chains.length; k++) {
                    terms[k] = chains[k] == null ? Double.NEGATIVE_INFINITY
                            : logPriors[k] + chains[k].logLikelihood(codes[s]);
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

        private MarkovChain single() {
            if (chains.length != 1) {
                throw new UnsupportedOperationException("this chain was fitted per class; fit it for task next");
            }
            return chains[0];
        }

        @Override
        public double[][] nextProbabilities(Sequences sequences) {
            MarkovChain chain = single();
            int[][] codes = codes(sequences);
            double[][] out = new double[sequences.positions().rowCount()][];
            for (int s = 0; s < codes.length; s++) {
                for (int t = 0; t < codes[s].length; t++) {
                    out[sequences.start(s) + t] = chain.next(codes[s], t);
                }
            }
            return out;
        }

        @Override
        public Table continueSequence(Table prefix, int length, long seed) {
            MarkovChain chain = single();
            int[] start = prefix.rowCount() == 0 ? new int[0]
                    : codes(new Sequences(prefix, new int[] {0, prefix.rowCount()}, Optional.empty(),
                            Optional.empty()))[0];
            return SequenceInputs.symbolTable(column, levels,
                    chain.continueSequence(start, length, new SplittableRandom(seed)));
        }

        private MarkovChain first() {
            return java.util.Arrays.stream(chains).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        }

        @Override
        public String summary() {
            return (chains.length == 1 ? "one" : chains.length + " per-class") + " Witten-Bell Markov chain"
                    + (chains.length == 1 ? "" : "s") + " of order " + first().order()
                    + " over " + levels.size() + " symbols";
        }
    }
}
