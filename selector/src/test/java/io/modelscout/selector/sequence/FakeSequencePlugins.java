package io.modelscout.selector.sequence;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Small sequence plugins for the run's tests: a bigram chain, a majority labeller, and ones that misbehave. */
final class FakeSequencePlugins {
    private FakeSequencePlugins() {
    }

    abstract static class Base implements ModelPlugin {
        private final String id;
        private final Family family;
        private final Set<Capability> capabilities;

        Base(String id, Family family, Capability first, Capability... rest) {
            this.id = id;
            this.family = family;
            this.capabilities = Set.copyOf(EnumSet.of(first, rest));
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final String displayName() {
            return "Fake " + id;
        }

        @Override
        public final String description() {
            return "A sequence plugin for tests.";
        }

        @Override
        public final Family family() {
            return family;
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
            return ParameterSpace.EMPTY;
        }
    }

    /**
     * A first-order chain over the single symbol column with add-one smoothing; one chain per class classifies by
     * Bayes' rule. Its fit draws a random jitter from the seed, so a seed that changed with scheduling would show.
     */
    static final class Bigram extends Base {
        Bigram() {
            super("fake.bigram", Family.GENERATIVE, Capability.SEQUENTIAL, Capability.GENERATIVE,
                    Capability.CLASSIFIES_SEQUENCES, Capability.PREDICTS_NEXT);
        }

        @Override
        public FittedModel fit(FitRequest request) {
            Sequences data = request.sequences().orElseThrow().data();
            var symbols = (CategoricalColumn) data.positions().column(0);
            int k = symbols.levels().size();
            double jitter = new SplittableRandom(request.seed()).nextDouble() * 0.01;
            int classes = data.classes().map(c -> c.levels().size()).orElse(1);
            double[][][] counts = new double[classes][k + 1][k];
            double[] prior = new double[classes];
            for (int s = 0; s < data.count(); s++) {
                int c = data.classes().map(col -> col.code(0)).isPresent() ? data.classes().orElseThrow().code(s) : 0;
                prior[c]++;
                int previous = k;
                for (int r = data.start(s); r < data.start(s) + data.length(s); r++) {
                    counts[c][previous][symbols.code(r)]++;
                    previous = symbols.code(r);
                }
            }
            double[][][] p = new double[classes][k + 1][k];
            for (int c = 0; c < classes; c++) {
                for (int a = 0; a <= k; a++) {
                    double total = 0;
                    for (int b = 0; b < k; b++) {
                        total += counts[c][a][b] + 1 + jitter;
                    }
                    for (int b = 0; b < k; b++) {
                        p[c][a][b] = (counts[c][a][b] + 1 + jitter) / total;
                    }
                }
            }
            return new Model(p, prior, symbols.levels());
        }

        record Model(double[][][] p, double[] prior, List<String> levels) implements SequenceModel {
            @Override
            public double[][] nextProbabilities(Sequences sequences) {
                var symbols = (CategoricalColumn) sequences.positions().column(0);
                double[][] pooled = pooled();
                double[][] out = new double[sequences.positions().rowCount()][];
                for (int s = 0; s < sequences.count(); s++) {
                    int previous = levels.size();
                    for (int r = sequences.start(s); r < sequences.start(s) + sequences.length(s); r++) {
                        out[r] = pooled[previous].clone();
                        previous = symbols.code(r);
                    }
                }
                return out;
            }

            private double[][] pooled() {
                double[][] out = new double[p[0].length][p[0][0].length];
                double total = 0;
                for (double v : prior) {
                    total += v;
                }
                for (int c = 0; c < p.length; c++) {
                    for (int a = 0; a < out.length; a++) {
                        for (int b = 0; b < out[a].length; b++) {
                            out[a][b] += p[c][a][b] * prior[c] / total;
                        }
                    }
                }
                return out;
            }

            @Override
            public ClassPrediction classify(Sequences sequences) {
                var symbols = (CategoricalColumn) sequences.positions().column(0);
                double[][] posterior = new double[sequences.count()][p.length];
                for (int s = 0; s < sequences.count(); s++) {
                    double[] log = new double[p.length];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < p.length; c++) {
                        log[c] = Math.log(prior[c] + 1);
                        int previous = levels.size();
                        for (int r = sequences.start(s); r < sequences.start(s) + sequences.length(s); r++) {
                            log[c] += Math.log(p[c][previous][symbols.code(r)]);
                            previous = symbols.code(r);
                        }
                        max = Math.max(max, log[c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < p.length; c++) {
                        posterior[s][c] = Math.exp(log[c] - max);
                        sum += posterior[s][c];
                    }
                    for (int c = 0; c < p.length; c++) {
                        posterior[s][c] /= sum;
                    }
                }
                return ClassPrediction.fromProbabilities(posterior);
            }

            @Override
            public Table continueSequence(Table prefix, int length, long seed) {
                var random = new SplittableRandom(seed);
                var symbols = (CategoricalColumn) prefix.column(0);
                int previous = symbols.code(prefix.rowCount() - 1);
                double[][] pooled = pooled();
                int[] codes = new int[length];
                for (int i = 0; i < length; i++) {
                    double u = random.nextDouble();
                    int next = 0;
                    double cumulative = pooled[previous][0];
                    while (u > cumulative && next < levels.size() - 1) {
                        next++;
                        cumulative += pooled[previous][next];
                    }
                    codes[i] = next;
                    previous = next;
                }
                return new Table("continuation", List.of(NominalColumn.of(symbols.name(), levels, codes)));
            }

            @Override
            public Optional<double[][]> transitionMatrix() {
                double[][] pooled = pooled();
                return Optional.of(java.util.Arrays.copyOf(pooled, levels.size()));
            }
        }
    }

    /** Labels every position with the training majority label. */
    static final class Majority extends Base {
        Majority() {
            super("fake.majority", Family.DISCRIMINATIVE, Capability.SEQUENTIAL, Capability.LABELS_POSITIONS);
        }

        @Override
        public FittedModel fit(FitRequest request) {
            int[] counts = request.sequences().orElseThrow().data().labels().orElseThrow().counts();
            int best = 0;
            for (int k = 1; k < counts.length; k++) {
                if (counts[k] > counts[best]) {
                    best = k;
                }
            }
            int label = best;
            return new SequenceModel() {
                @Override
                public int[] label(Sequences sequences) {
                    int[] out = new int[sequences.positions().rowCount()];
                    java.util.Arrays.fill(out, label);
                    return out;
                }
            };
        }
    }

    /** Labels each position with the label its first feature was seen with most; declares no order. */
    static final class Orderless extends Base {
        Orderless() {
            super("fake.orderless", Family.DISCRIMINATIVE, Capability.LABELS_POSITIONS, Capability.PREDICTS_NEXT);
        }

        @Override
        public FittedModel fit(FitRequest request) {
            throw new AssertionError("a plugin without SEQUENTIAL must never be fitted for label or next");
        }
    }

    /** Throws on every fit. */
    static final class Broken extends Base {
        Broken() {
            super("fake.broken", Family.GENERATIVE, Capability.SEQUENTIAL, Capability.LABELS_POSITIONS,
                    Capability.CLASSIFIES_SEQUENCES, Capability.PREDICTS_NEXT);
        }

        @Override
        public FittedModel fit(FitRequest request) {
            throw new IllegalStateException("cannot fit these sequences");
        }
    }

    /** Returns NaN probabilities. */
    static final class NotANumber extends Base {
        NotANumber() {
            super("fake.nan", Family.GENERATIVE, Capability.SEQUENTIAL, Capability.PREDICTS_NEXT,
                    Capability.CLASSIFIES_SEQUENCES);
        }

        @Override
        public FittedModel fit(FitRequest request) {
            return new SequenceModel() {
                @Override
                public double[][] nextProbabilities(Sequences sequences) {
                    int k = ((CategoricalColumn) sequences.positions().column(0)).levels().size();
                    double[][] out = new double[sequences.positions().rowCount()][k];
                    for (double[] row : out) {
                        java.util.Arrays.fill(row, Double.NaN);
                    }
                    return out;
                }
            };
        }
    }

    static Set<ModelPlugin> all() {
        return Set.of(new Bigram(), new Majority(), new Orderless(), new Broken(), new NotANumber());
    }
}
