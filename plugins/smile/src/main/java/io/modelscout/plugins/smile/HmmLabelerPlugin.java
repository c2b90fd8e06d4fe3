package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import smile.sequence.HMM;
import smile.sequence.HMMLabeler;

/**
 * Smile's supervised {@link HMMLabeler}: a first-order HMM whose states are the labels, estimated by counting
 * (maximum likelihood, no smoothing), decoded by Viterbi. Smile's HMM emits one discrete symbol per position, so
 * the position's features are collapsed into one symbol: the index of its combination of values (the set of active
 * binary features, or the tuple of nominal codes) among the combinations seen in training, in order of first
 * appearance. A combination never seen in training is mapped to the seen one it shares the most features with (the
 * first on a tie). Beside the in-house multi-feature HMM this shows what collapsing costs: with sparse windows of
 * letters or residues nearly every combination is unique.
 */
public final class HmmLabelerPlugin implements ModelPlugin {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.GENERATIVE,
            Capability.SEQUENTIAL, Capability.LABELS_POSITIONS, Capability.NOMINAL_FEATURES,
            Capability.INTERPRETABLE));

    /** Creates the plugin; it holds no state. */
    public HmmLabelerPlugin() {
    }

    @Override
    public String id() {
        return "smile.hmm-labeler";
    }

    @Override
    public String displayName() {
        return "HMM labeller, one symbol per position (Smile)";
    }

    @Override
    public String description() {
        return "Smile's hidden Markov model labeller: the labels are the states, each position's features are "
                + "collapsed into one symbol, the label path is decoded by Viterbi.";
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
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var fit = SequenceSupport.sequences(request, id(), Set.of(SequenceTask.LABEL));
        Sequences data = fit.data();
        int[][] labels = SequenceSupport.labels(data);
        var symbols = Symbols.fit(data.positions(), id());
        Integer[][] observations = symbols.encode(data);
        // Smile's own estimate (HMM.fit, as HMMLabeler.fit does), kept to show its transition matrix.
        int[][] codes = new int[observations.length][];
        for (int s = 0; s < codes.length; s++) {
            codes[s] = Arrays.stream(observations[s]).mapToInt(Integer::intValue).toArray();
        }
        HMM hmm = HMM.fit(codes, labels);
        return new Labeler(new HMMLabeler<>(hmm, Integer::intValue), hmm, symbols);
    }

    /** Feature combinations as symbol indices. */
    private static final class Symbols {
        private final List<String> columns;
        private final boolean binary;
        private final Map<List<Integer>, Integer> index = new HashMap<>();
        private final List<int[]> combinations = new ArrayList<>();

        private Symbols(List<String> columns, boolean binary) {
            this.columns = List.copyOf(columns);
            this.binary = binary;
        }

        static Symbols fit(Table positions, String plugin) {
            boolean nominal = positions.columns().stream().allMatch(c -> c instanceof CategoricalColumn);
            boolean binary = positions.columns().stream().allMatch(c -> c instanceof NumericColumn n && binaryValues(n));
            if (positions.columnCount() == 0 || (!nominal && !binary)) {
                throw new IllegalArgumentException(plugin + " takes nominal columns or 0/1 binary features (Smile's "
                        + "HMM emits discrete symbols), got " + positions.columns().stream()
                        .map(c -> c.name() + " (" + c.kind() + ")").limit(5).toList());
            }
            var symbols = new Symbols(positions.columnNames(), binary);
            for (int row = 0; row < positions.rowCount(); row++) {
                int[] combination = symbols.combination(positions, row);
                var key = Arrays.stream(combination).boxed().toList();
                if (!symbols.index.containsKey(key)) {
                    symbols.index.put(key, symbols.combinations.size());
                    symbols.combinations.add(combination);
                }
            }
            return symbols;
        }

        private static boolean binaryValues(NumericColumn column) {
            for (int i = 0; i < column.size(); i++) {
                double v = column.value(i);
                if (v != 0 && v != 1) {
                    return false;
                }
            }
            return true;
        }

        /** The active feature indices (binary) or the codes of the columns (nominal) of one position. */
        private int[] combination(Table positions, int row) {
            if (binary) {
                var active = new ArrayList<Integer>();
                for (int c = 0; c < positions.columnCount(); c++) {
                    double v = ((NumericColumn) positions.column(c)).value(row);
                    if (v == 1) {
                        active.add(c);
                    } else if (v != 0) {
                        throw new IllegalArgumentException("column '" + positions.column(c).name() + "', row " + row
                                + ": a binary feature must be 0 or 1, got " + v);
                    }
                }
                return active.stream().mapToInt(Integer::intValue).toArray();
            }
            int[] codes = new int[positions.columnCount()];
            for (int c = 0; c < codes.length; c++) {
                codes[c] = ((CategoricalColumn) positions.column(c)).code(row);
                if (codes[c] == CategoricalColumn.MISSING) {
                    throw new IllegalArgumentException("column '" + positions.column(c).name() + "', row " + row
                            + ": a missing cell");
                }
            }
            return codes;
        }

        Integer[][] encode(Sequences sequences) {
            Table positions = sequences.positions();
            var ordered = new ArrayList<Column>();
            for (String name : columns) {
                if (!positions.columnNames().contains(name)) {
                    throw new IllegalArgumentException("column '" + name + "' the model was fitted on is absent");
                }
                Column column = positions.column(name);
                if (binary != (column instanceof NumericColumn)) {
                    throw new IllegalArgumentException("column '" + name + "' changed type since fitting");
                }
                ordered.add(column);
            }
            Table table = positions.withColumns(ordered);
            var nearest = new HashMap<List<Integer>, Integer>();
            var out = new Integer[sequences.count()][];
            for (int s = 0; s < out.length; s++) {
                out[s] = new Integer[sequences.length(s)];
                for (int t = 0; t < out[s].length; t++) {
                    int[] combination = combination(table, sequences.start(s) + t);
                    var key = Arrays.stream(combination).boxed().toList();
                    Integer symbol = index.get(key);
                    out[s][t] = symbol != null ? symbol : nearest.computeIfAbsent(key, _ -> closest(combination));
                }
            }
            return out;
        }

        /** The first seen combination sharing the most features with an unseen one. */
        private int closest(int[] combination) {
            int best = 0;
            int bestShared = -1;
            for (int i = 0; i < combinations.size(); i++) {
                int shared = shared(combination, combinations.get(i));
                if (shared > bestShared) {
                    bestShared = shared;
                    best = i;
                }
            }
            return best;
        }

        private int shared(int[] a, int[] b) {
            int shared = 0;
            if (binary) {
                // Both sorted ascending: merge.
                int i = 0;
                int j = 0;
                while (i < a.length && j < b.length) {
                    if (a[i] == b[j]) {
                        shared++;
                        i++;
                        j++;
                    } else if (a[i] < b[j]) {
                        i++;
                    } else {
                        j++;
                    }
                }
            } else {
                for (int c = 0; c < a.length; c++) {
                    shared += a[c] == b[c] ? 1 : 0;
                }
            }
            return shared;
        }

        int size() {
            return combinations.size();
        }
    }

    private record Labeler(HMMLabeler<Integer> labeler, HMM hmm, Symbols symbols) implements SequenceModel {
        @Override
        public int[] label(Sequences sequences) {
            Integer[][] observations = symbols.encode(sequences);
            int[] out = new int[sequences.positions().rowCount()];
            for (int s = 0; s < observations.length; s++) {
                int[] path = labeler.predict(observations[s]);
                System.arraycopy(path, 0, out, sequences.start(s), path.length);
            }
            return out;
        }

        @Override
        public double[] logLikelihood(Sequences sequences) {
            Integer[][] observations = symbols.encode(sequences);
            double[] out = new double[observations.length];
            for (int s = 0; s < out.length; s++) {
                out[s] = labeler.logp(observations[s]);
            }
            return out;
        }

        @Override
        public Optional<double[][]> transitionMatrix() {
            var a = hmm.getStateTransitionProbabilities();
            double[][] out = new double[a.nrow()][a.ncol()];
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] = a.get(i, j);
                }
            }
            return Optional.of(out);
        }

        @Override
        public String summary() {
            return "Smile HMM labeller over " + symbols.size() + " collapsed symbols (feature combinations)";
        }
    }
}
