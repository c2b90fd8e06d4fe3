package io.modelscout.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.FitRequest.SequenceFit;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicNode;

/**
 * The contract checks of goal model-sequences, called by {@link PluginContract}: one group per sequence capability
 * the plugin declares, each on small seeded synthetic sequences with a planted pattern.
 *
 * <p>The shapes are those the framework produces: sparse binary feature sets (numeric 0/1 columns {@code f0..}),
 * symbol sequences (one nominal column) and numeric series (one numeric column). A plugin declaring
 * {@link Capability#NOMINAL_FEATURES} must take the symbol shape, one without it the numeric shape; for any other
 * shape it may refuse, but only by a clear {@link IllegalArgumentException} at fit time. On every shape it takes:
 * the answers have the right shape, codes are in range, probability rows sum to one, the planted pattern is found
 * clearly better than chance, the same seed gives the same answers, and {@code continueSequence} is deterministic
 * and of the asked length.
 */
final class SequenceContract {
    private static final long SEED = 20261125L;
    private static final int TRAIN = 60;
    private static final int TEST = 30;

    /** The shapes of positions a sequence plugin may be given. */
    enum Shape {
        /** Numeric 0/1 columns, a few active per position. */
        SPARSE_BINARY,
        /** One nominal column of symbols. */
        SYMBOLS,
        /** One numeric column of real values. */
        SERIES
    }

    private SequenceContract() {
    }

    static List<DynamicNode> tests(ModelPlugin plugin, Goal goal) {
        var tests = new ArrayList<DynamicNode>();
        var capabilities = plugin.capabilities();
        if (!capabilities.contains(Capability.SEQUENTIAL) && (capabilities.contains(Capability.LABELS_POSITIONS)
                || capabilities.contains(Capability.PREDICTS_NEXT))) {
            tests.add(dynamicTest("sequence: label and next need SEQUENTIAL", () -> {
                throw new AssertionError(plugin.id() + " labels positions or predicts the next symbol without "
                        + "declaring SEQUENTIAL");
            }));
        }
        Shape primary = capabilities.contains(Capability.NOMINAL_FEATURES) ? Shape.SYMBOLS : Shape.SERIES;
        if (capabilities.contains(Capability.LABELS_POSITIONS)) {
            tests.add(dynamicTest("sequence label: sparse binary features",
                    () -> checkLabel(plugin, Shape.SPARSE_BINARY, true)));
            tests.add(dynamicTest("sequence label: symbols, or a clear refusal",
                    () -> checkLabel(plugin, Shape.SYMBOLS, false)));
        }
        if (capabilities.contains(Capability.CLASSIFIES_SEQUENCES)) {
            for (Shape shape : List.of(Shape.SYMBOLS, Shape.SERIES)) {
                tests.add(dynamicTest("sequence classify: " + shape.name().toLowerCase(java.util.Locale.ROOT)
                        + (shape == primary ? "" : ", or a clear refusal"),
                        () -> checkClassify(plugin, shape, shape == primary)));
            }
        }
        if (capabilities.contains(Capability.PREDICTS_NEXT)) {
            tests.add(dynamicTest("sequence next: symbols", () -> checkNext(plugin)));
            tests.add(dynamicTest("sequence next: numeric features are refused clearly", () -> {
                Sequences series = series(TRAIN, SEED).select(ContractData.range(0, TRAIN));
                assertThatThrownBy(() -> fit(plugin, SequenceTask.NEXT, series.withoutTruth(), SEED))
                        .as("%s given numeric series for next", plugin.id())
                        .isInstanceOf(IllegalArgumentException.class)
                        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
            }));
        }
        return tests;
    }

    // ---- checks --------------------------------------------------------------------------------------------

    private static void checkLabel(ModelPlugin plugin, Shape shape, boolean mustAccept) throws Exception {
        Sequences all = shape == Shape.SPARSE_BINARY ? labelledSparse(TRAIN + TEST, SEED)
                : labelledSymbols(TRAIN + TEST, SEED);
        Sequences train = all.select(ContractData.range(0, TRAIN));
        Sequences test = all.select(ContractData.range(TRAIN, TRAIN + TEST));
        Optional<SequenceModel> fitted = fitOrRefuse(plugin, SequenceTask.LABEL, train, SEED, mustAccept);
        if (fitted.isEmpty()) {
            return;
        }
        SequenceModel model = fitted.get();
        int[] labels = model.label(test.withoutTruth());
        CategoricalColumn truth = test.labels().orElseThrow();
        assertThat(labels).as("%s: one label per position", plugin.id()).hasSize(test.positions().rowCount());
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).as("label of position %d", i).isBetween(0, truth.levels().size() - 1);
            if (labels[i] == truth.code(i)) {
                correct++;
            }
        }
        assertThat(correct / (double) labels.length).as("%s position accuracy on a planted pattern (chance 0.5)",
                plugin.id()).isGreaterThan(0.75);
        SequenceModel again = fit(plugin, SequenceTask.LABEL, train, SEED);
        assertThat(again.label(test.withoutTruth())).as("%s: same seed, same labels", plugin.id()).containsExactly(labels);
        int[] firstAlone = model.label(test.select(new int[] {0}).withoutTruth());
        assertThat(firstAlone).as("%s: a sequence alone gets its batch labels", plugin.id())
                .containsExactly(java.util.Arrays.copyOf(labels, test.length(0)));
        checkCommon(plugin, model, test);
    }

    private static void checkClassify(ModelPlugin plugin, Shape shape, boolean mustAccept) throws Exception {
        Sequences all = shape == Shape.SYMBOLS ? classifiedSymbols(TRAIN + TEST, SEED) : series(TRAIN + TEST, SEED);
        Sequences train = all.select(ContractData.range(0, TRAIN));
        Sequences test = all.select(ContractData.range(TRAIN, TRAIN + TEST));
        Optional<SequenceModel> fitted = fitOrRefuse(plugin, SequenceTask.CLASSIFY, train, SEED, mustAccept);
        if (fitted.isEmpty()) {
            return;
        }
        SequenceModel model = fitted.get();
        ClassPrediction prediction = model.classify(test.withoutTruth());
        CategoricalColumn truth = test.classes().orElseThrow();
        int classes = truth.levels().size();
        assertThat(prediction.size()).as("%s: one prediction per sequence", plugin.id()).isEqualTo(test.count());
        int correct = 0;
        for (int i = 0; i < prediction.size(); i++) {
            assertThat(prediction.labels()[i]).as("class of sequence %d", i).isBetween(0, classes - 1);
            assertProbabilityRow(prediction.probabilities()[i], classes, "sequence " + i);
            if (prediction.labels()[i] == truth.code(i)) {
                correct++;
            }
        }
        assertThat(correct / (double) prediction.size()).as("%s sequence accuracy on planted classes (chance 1/3)",
                plugin.id()).isGreaterThan(0.7);
        SequenceModel again = fit(plugin, SequenceTask.CLASSIFY, train, SEED);
        assertThat(again.classify(test.withoutTruth()).probabilities())
                .as("%s: same seed, same probabilities", plugin.id()).isDeepEqualTo(prediction.probabilities());
        ClassPrediction alone = model.classify(test.select(new int[] {2}).withoutTruth());
        assertThat(alone.labels()[0]).as("%s: a sequence alone gets its batch class", plugin.id())
                .isEqualTo(prediction.labels()[2]);
        checkCommon(plugin, model, test);
    }

    private static void checkNext(ModelPlugin plugin) throws Exception {
        Sequences all = cycleSymbols(TRAIN + TEST, SEED);
        Sequences train = all.select(ContractData.range(0, TRAIN)).withoutTruth();
        Sequences test = all.select(ContractData.range(TRAIN, TRAIN + TEST)).withoutTruth();
        SequenceModel model = fit(plugin, SequenceTask.NEXT, train, SEED);
        double[][] p = model.nextProbabilities(test);
        var symbols = (CategoricalColumn) test.positions().column(0);
        int levels = symbols.levels().size();
        assertThat(p).as("%s: one row per position", plugin.id()).hasNumberOfRows(test.positions().rowCount());
        int correct = 0;
        int counted = 0;
        double logLoss = 0;
        for (int s = 0; s < test.count(); s++) {
            for (int t = 0; t < test.length(s); t++) {
                int row = test.start(s) + t;
                assertProbabilityRow(p[row], levels, "position " + row);
                if (t >= 2) {
                    int best = 0;
                    for (int k = 1; k < levels; k++) {
                        if (p[row][k] > p[row][best]) {
                            best = k;
                        }
                    }
                    correct += best == symbols.code(row) ? 1 : 0;
                    logLoss -= Math.log(p[row][symbols.code(row)]);
                    counted++;
                }
            }
        }
        assertThat(correct / (double) counted).as("%s top-1 accuracy on a noisy cycle (chance 1/4)", plugin.id())
                .isGreaterThan(0.6);
        assertThat(logLoss / counted).as("%s log-loss, below that of guessing (log 4)", plugin.id())
                .isLessThan(Math.log(levels) - 0.3);
        assertThat(fit(plugin, SequenceTask.NEXT, train, SEED).nextProbabilities(test))
                .as("%s: same seed, same probabilities", plugin.id()).isDeepEqualTo(p);
        double[][] alone = model.nextProbabilities(test.select(new int[] {1}));
        for (int t = 0; t < test.length(1); t++) {
            assertThat(alone[t]).as("%s: a sequence alone gets its batch probabilities", plugin.id())
                    .containsExactly(p[test.start(1) + t], Offset.offset(1e-12));
        }
        Table prefix = test.sequence(0);
        Table first = model.continueSequence(prefix, 7, 11);
        assertThat(first.rowCount()).as("%s: a continuation of the asked length", plugin.id()).isEqualTo(7);
        assertThat(first.columnNames()).as("%s: a continuation has the fitted columns", plugin.id())
                .isEqualTo(prefix.columnNames());
        var drawn = (CategoricalColumn) first.column(0);
        assertThat(drawn.levels()).as("continuation levels").isEqualTo(symbols.levels());
        for (int i = 0; i < drawn.size(); i++) {
            assertThat(drawn.code(i)).as("continued symbol %d", i).isBetween(0, levels - 1);
        }
        assertThat(((CategoricalColumn) model.continueSequence(prefix, 7, 11).column(0)).toCodes())
                .as("%s: same seed, same continuation", plugin.id()).containsExactly(drawn.toCodes());
        checkCommon(plugin, model, test);
    }

    private static void checkCommon(ModelPlugin plugin, SequenceModel model, Sequences test) {
        if (plugin.capabilities().contains(Capability.GENERATIVE)) {
            double[] logLikelihood = model.logLikelihood(test.withoutTruth());
            assertThat(logLikelihood).as("%s: one log-likelihood per sequence", plugin.id()).hasSize(test.count());
            for (double v : logLikelihood) {
                assertThat(Double.isFinite(v)).as("%s: finite log-likelihood, got %s", plugin.id(), v).isTrue();
            }
        }
        model.transitionMatrix().ifPresent(a -> {
            assertThat(a.length).as("%s: a non-empty transition matrix", plugin.id()).isPositive();
            for (double[] row : a) {
                assertProbabilityRow(row, a.length, "transition row");
            }
        });
        assertThat(model.summary()).as("%s summary", plugin.id()).isNotNull();
    }

    private static void assertProbabilityRow(double[] p, int size, String what) {
        assertThat(p).as("probabilities of %s cover every level", what).hasSize(size);
        double sum = 0;
        for (double v : p) {
            assertThat(v).as("probability in %s", what).isBetween(0.0, 1.0);
            sum += v;
        }
        assertThat(sum).as("probabilities of %s sum to one", what).isCloseTo(1.0, Offset.offset(1e-6));
    }

    private static Optional<SequenceModel> fitOrRefuse(ModelPlugin plugin, SequenceTask task, Sequences train,
                                                       long seed, boolean mustAccept) throws Exception {
        try {
            return Optional.of(fit(plugin, task, train, seed));
        } catch (IllegalArgumentException e) {
            if (mustAccept) {
                throw e;
            }
            assertThat(e.getMessage()).as("%s refuses a shape with a message", plugin.id()).isNotBlank();
            return Optional.empty();
        }
    }

    private static SequenceModel fit(ModelPlugin plugin, SequenceTask task, Sequences train, long seed)
            throws Exception {
        var request = new FitRequest(Goal.MODEL_SEQUENCES, train.positions(), Optional.empty(),
                plugin.parameters().defaults(), seed, Optional.of(new SequenceFit(task, train)));
        FittedModel model = plugin.fit(request);
        assertThat(model).as("%s returns a sequence model", plugin.id()).isInstanceOf(SequenceModel.class);
        return (SequenceModel) model;
    }

    // ---- seeded synthetic sequences -------------------------------------------------------------------------

    private static final List<String> SYMBOLS = List.of("a", "c", "g", "t");

    /**
     * Labelled positions with sparse binary features: the label follows a sticky two-state chain; each position has
     * one active feature among f0..f3 (drawn mostly from the pair of its label) and one among f4..f7 (noise).
     */
    static Sequences labelledSparse(int count, long seed) {
        var random = new SplittableRandom(seed);
        var offsets = new ArrayList<Integer>();
        var labels = new ArrayList<Integer>();
        var active = new ArrayList<int[]>();
        offsets.add(0);
        for (int s = 0; s < count; s++) {
            int length = 8 + random.nextInt(8);
            int label = random.nextInt(2);
            for (int t = 0; t < length; t++) {
                if (t > 0 && random.nextDouble() < 0.15) {
                    label = 1 - label;
                }
                int informative = random.nextDouble() < 0.9 ? 2 * label + random.nextInt(2) : random.nextInt(4);
                active.add(new int[] {informative, 4 + random.nextInt(4)});
                labels.add(label);
            }
            offsets.add(labels.size());
        }
        var columns = new ArrayList<Column>();
        for (int f = 0; f < 8; f++) {
            double[] values = new double[labels.size()];
            for (int i = 0; i < values.length; i++) {
                for (int a : active.get(i)) {
                    values[i] += a == f ? 1 : 0;
                }
            }
            columns.add(NumericColumn.of("f" + f, values));
        }
        return new Sequences(new Table("sparse", columns), toArray(offsets),
                Optional.of(NominalColumn.of("label", List.of("out", "in"), toArray(labels))), Optional.empty());
    }

    /** Labelled symbols: the label is a sticky chain; label 0 emits mostly a/c, label 1 mostly g/t. */
    static Sequences labelledSymbols(int count, long seed) {
        var random = new SplittableRandom(seed + 1);
        var offsets = new ArrayList<Integer>();
        var labels = new ArrayList<Integer>();
        var symbols = new ArrayList<Integer>();
        offsets.add(0);
        for (int s = 0; s < count; s++) {
            int length = 8 + random.nextInt(8);
            int label = random.nextInt(2);
            for (int t = 0; t < length; t++) {
                if (t > 0 && random.nextDouble() < 0.15) {
                    label = 1 - label;
                }
                symbols.add(random.nextDouble() < 0.9 ? 2 * label + random.nextInt(2) : random.nextInt(4));
                labels.add(label);
            }
            offsets.add(labels.size());
        }
        return new Sequences(new Table("symbols", List.of(NominalColumn.of("symbol", SYMBOLS, toArray(symbols)))),
                toArray(offsets), Optional.of(NominalColumn.of("label", List.of("out", "in"), toArray(labels))),
                Optional.empty());
    }

    /**
     * Three classes of symbol sequences: class 0 mostly repeats a symbol, class 1 walks a -> c -> g -> t, class 2
     * draws independently from a skewed distribution.
     */
    static Sequences classifiedSymbols(int count, long seed) {
        var random = new SplittableRandom(seed + 2);
        var offsets = new ArrayList<Integer>();
        var classes = new int[count];
        var symbols = new ArrayList<Integer>();
        offsets.add(0);
        for (int s = 0; s < count; s++) {
            int type = s % 3;
            classes[s] = type;
            int length = 20 + random.nextInt(10);
            int symbol = random.nextInt(4);
            for (int t = 0; t < length; t++) {
                if (t > 0) {
                    symbol = switch (type) {
                        case 0 -> random.nextDouble() < 0.8 ? symbol : random.nextInt(4);
                        case 1 -> random.nextDouble() < 0.8 ? (symbol + 1) % 4 : random.nextInt(4);
                        default -> random.nextDouble() < 0.6 ? 3 : random.nextInt(3);
                    };
                }
                symbols.add(symbol);
            }
            offsets.add(symbols.size());
        }
        return new Sequences(new Table("symbols", List.of(NominalColumn.of("symbol", SYMBOLS, toArray(symbols)))),
                toArray(offsets), Optional.empty(),
                Optional.of(NominalColumn.of("class", List.of("repeat", "walk", "skewed"), classes)));
    }

    /** Three classes of numeric series of length 30: flat noise, an upward trend, a cycle. */
    static Sequences series(int count, long seed) {
        var random = new SplittableRandom(seed + 3);
        int length = 30;
        double[] values = new double[count * length];
        int[] offsets = new int[count + 1];
        int[] classes = new int[count];
        for (int s = 0; s < count; s++) {
            int type = s % 3;
            classes[s] = type;
            offsets[s] = s * length;
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int t = 0; t < length; t++) {
                double mean = switch (type) {
                    case 0 -> 0;
                    case 1 -> 0.25 * t - 3;
                    default -> 3 * Math.sin(2 * Math.PI * t / 10 + phase);
                };
                values[s * length + t] = mean + gaussian(random);
            }
        }
        offsets[count] = count * length;
        return new Sequences(new Table("series", List.of(NumericColumn.of("value", values))), offsets,
                Optional.empty(), Optional.of(NominalColumn.of("class", List.of("flat", "trend", "cycle"), classes)));
    }

    /** Symbols that walk the cycle a -> c -> g -> t with probability 0.85, else any symbol. */
    static Sequences cycleSymbols(int count, long seed) {
        var random = new SplittableRandom(seed + 4);
        var offsets = new ArrayList<Integer>();
        var symbols = new ArrayList<Integer>();
        offsets.add(0);
        for (int s = 0; s < count; s++) {
            int length = 15 + random.nextInt(10);
            int symbol = random.nextInt(4);
            for (int t = 0; t < length; t++) {
                if (t > 0) {
                    symbol = random.nextDouble() < 0.85 ? (symbol + 1) % 4 : random.nextInt(4);
                }
                symbols.add(symbol);
            }
            offsets.add(symbols.size());
        }
        return new Sequences(new Table("cycle", List.of(NominalColumn.of("symbol", SYMBOLS, toArray(symbols)))),
                toArray(offsets), Optional.empty(), Optional.empty());
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
