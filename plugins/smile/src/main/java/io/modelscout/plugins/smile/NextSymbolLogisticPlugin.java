package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The discriminative rival for the next symbol: multinomial logistic regression (Smile) of the symbol on the last
 * {@code k} symbols, each one-hot with an extra level for "before the start". Probabilities get a floor of
 * {@value #FLOOR} spread evenly over the symbols, so a symbol the regression never saw as a target keeps a finite
 * log-loss.
 */
public final class NextSymbolLogisticPlugin implements ModelPlugin {
    static final double FLOOR = 1e-4;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("k", "How many preceding symbols are used.", 3, 1, 20, false),
            new RealParam("lambda", "Strength of the L2 penalty on the weights.", 0.1, 1e-8, 1e3, true));
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.SEQUENTIAL,
            Capability.PREDICTS_NEXT, Capability.PROBABILISTIC, Capability.NOMINAL_FEATURES,
            Capability.SAMPLES_NEW_DATA));

    /** Creates the plugin; it holds no state. */
    public NextSymbolLogisticPlugin() {
    }

    @Override
    public String id() {
        return "smile.next-symbol-logistic";
    }

    @Override
    public String displayName() {
        return "Logistic regression on the last k symbols (Smile)";
    }

    @Override
    public String description() {
        return "Predicts the next symbol from the previous k, one-hot encoded, by multinomial logistic regression; "
                + "models the next symbol given its context, not the sequence.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
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
    public FittedModel fit(FitRequest request) throws Exception {
        var fit = SequenceSupport.sequences(request, id(), Set.of(SequenceTask.NEXT));
        Sequences data = fit.data();
        CategoricalColumn symbols = KmerFeatures.symbols(data.positions(), id());
        int k = request.parameters().getInt("k");
        int[][] codes = codes(data, symbols);
        var context = new Context(k, symbols.levels().size());
        int rows = data.positions().rowCount();
        double[][] x = new double[rows][];
        int[] y = new int[rows];
        int row = 0;
        for (int[] sequence : codes) {
            for (int t = 0; t < sequence.length; t++) {
                x[row] = context.features(sequence, t);
                y[row++] = sequence[t];
            }
        }
        var lr = new LogisticRegressionPlugin();
        var inner = new FitRequest(Goal.CLASSIFY, context.table(x),
                Optional.<Column>of(NominalColumn.of(symbols.name(), symbols.levels(), y)),
                lr.parameters().resolve(Map.of("lambda", request.parameters().getDouble("lambda"))), request.seed());
        return new Next((Classifier) lr.fit(inner), context, symbols.name(), symbols.levels());
    }

    private static int[][] codes(Sequences data, CategoricalColumn symbols) {
        int[][] out = new int[data.count()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new int[data.length(s)];
            for (int t = 0; t < out[s].length; t++) {
                int row = data.start(s) + t;
                out[s][t] = symbols.code(row);
                if (out[s][t] == CategoricalColumn.MISSING) {
                    throw new IllegalArgumentException("column '" + symbols.name() + "', row " + row
                            + ": a missing symbol");
                }
            }
        }
        return out;
    }

    /** The one-hot encoding of the last k symbols. */
    private record Context(int k, int levels) {
        double[] features(int[] sequence, int t) {
            double[] x = new double[k * (levels + 1)];
            for (int back = 1; back <= k; back++) {
                int u = t - back;
                int level = u >= 0 ? sequence[u] : levels;
                x[(back - 1) * (levels + 1) + level] = 1;
            }
            return x;
        }

        Table table(double[][] x) {
            var columns = new ArrayList<NumericColumn>();
            for (int j = 0; j < k * (levels + 1); j++) {
                double[] values = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    values[i] = x[i][j];
                }
                int level = j % (levels + 1);
                columns.add(NumericColumn.of("t-" + (j / (levels + 1) + 1) + "=" + (level == levels ? "start"
                        : String.valueOf(level)), values));
            }
            return new Table("context", columns);
        }
    }

    private record Next(Classifier model, Context context, String column, List<String> levels)
            implements SequenceModel {
        private double[][] probabilities(double[][] x) {
            double[][] p = model.predict(context.table(x)).probabilities();
            for (double[] row : p) {
                for (int v = 0; v < row.length; v++) {
                    row[v] = (1 - FLOOR) * row[v] + FLOOR / row.length;
                }
            }
            return p;
        }

        private int[][] codes(Sequences sequences) {
            CategoricalColumn symbols = KmerFeatures.symbols(sequences.positions(), "smile.next-symbol-logistic");
            if (!symbols.name().equals(column) || symbols.levels().size() != levels.size()) {
                throw new IllegalArgumentException("expected the nominal column '" + column + "' of " + levels.size()
                        + " levels, got '" + symbols.name() + "' of " + symbols.levels().size());
            }
            return NextSymbolLogisticPlugin.codes(sequences, symbols);
        }

        @Override
        public double[][] nextProbabilities(Sequences sequences) {
            int[][] codes = codes(sequences);
            double[][] x = new double[sequences.positions().rowCount()][];
            for (int s = 0; s < codes.length; s++) {
                for (int t = 0; t < codes[s].length; t++) {
                    x[sequences.start(s) + t] = context.features(codes[s], t);
                }
            }
            return probabilities(x);
        }

        @Override
        public Table continueSequence(Table prefix, int length, long seed) {
            int[] start = prefix.rowCount() == 0 ? new int[0]
                    : codes(new Sequences(prefix, new int[] {0, prefix.rowCount()}, Optional.empty(),
                            Optional.empty()))[0];
            int[] all = java.util.Arrays.copyOf(start, start.length + length);
            var random = new SplittableRandom(seed);
            for (int t = start.length; t < all.length; t++) {
                double[] p = probabilities(new double[][] {context.features(all, t)})[0];
                double u = random.nextDouble();
                double cumulative = 0;
                int drawn = p.length - 1;
                for (int v = 0; v < p.length; v++) {
                    cumulative += p[v];
                    if (u < cumulative) {
                        drawn = v;
                        break;
                    }
                }
                all[t] = drawn;
            }
            int[] out = java.util.Arrays.copyOfRange(all, start.length, all.length);
            return new Table("continuation", List.of(NominalColumn.of(column, levels, out)));
        }

        @Override
        public String summary() {
            return model.summary() + " on the last " + context.k() + " symbols";
        }
    }
}
