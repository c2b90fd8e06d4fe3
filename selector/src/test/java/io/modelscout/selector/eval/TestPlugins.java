package io.modelscout.selector.eval;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small plugins for the evaluator's tests: well-behaved ones and ones that fail in each way a real plugin might.
 * The selector never depends on the real plugin modules, so these stand in for them.
 */
final class TestPlugins {
    private TestPlugins() {
    }

    /** The metadata every test plugin shares; subclasses give {@code fit}. */
    abstract static class Base implements ModelPlugin {
        private final String id;
        private final Set<Goal> goals;
        private final Set<Capability> capabilities;

        Base(String id, Set<Goal> goals, Capability... capabilities) {
            this.id = id;
            this.goals = Set.copyOf(goals);
            this.capabilities = capabilities.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(capabilities[0], capabilities));
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final String displayName() {
            return "Test " + id;
        }

        @Override
        public final String description() {
            return "A plugin for tests.";
        }

        @Override
        public final Family family() {
            return Family.DISCRIMINATIVE;
        }

        @Override
        public final Set<Goal> goals() {
            return goals;
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

    /** A plugin with the given capabilities whose fit is never called; for recipes. */
    static final class Declared extends Base {
        Declared(Capability... capabilities) {
            super("test.declared", Set.of(Goal.CLASSIFY), capabilities);
        }

        @Override
        public FittedModel fit(FitRequest request) {
            throw new UnsupportedOperationException("not fitted in this test");
        }
    }

    /** Nearest class mean over numeric features: deterministic, and good on well-separated classes. */
    static final class NearestMean extends Base {
        NearestMean(String id) {
            super(id, Set.of(Goal.CLASSIFY), Capability.FAST_INFERENCE);
        }

        @Override
        public Classifier fit(FitRequest request) {
            CategoricalColumn target = request.classTarget();
            Table x = request.features();
            int classes = target.levels().size();
            double[][] sums = new double[classes][x.columnCount()];
            int[] counts = new int[classes];
            double[][] rows = x.toMatrix();
            for (int i = 0; i < rows.length; i++) {
                int k = target.code(i);
                counts[k]++;
                for (int j = 0; j < rows[i].length; j++) {
                    sums[k][j] += rows[i][j];
                }
            }
            return features -> {
                double[][] test = features.toMatrix();
                double[][] p = new double[test.length][classes];
                for (int i = 0; i < test.length; i++) {
                    double total = 0;
                    for (int k = 0; k < classes; k++) {
                        if (counts[k] == 0) {
                            continue;
                        }
                        double d = 0;
                        for (int j = 0; j < test[i].length; j++) {
                            double diff = test[i][j] - sums[k][j] / counts[k];
                            d += diff * diff;
                        }
                        p[i][k] = Math.exp(-d);
                        total += p[i][k];
                    }
                    for (int k = 0; k < classes; k++) {
                        p[i][k] = total > 0 ? p[i][k] / total : 1.0 / classes;
                    }
                }
                return ClassPrediction.fromProbabilities(p);
            };
        }
    }

    /** Predicts the training mean of the target. */
    static final class MeanRegressor extends Base {
        MeanRegressor(String id) {
            super(id, Set.of(Goal.REGRESS));
        }

        @Override
        public Regressor fit(FitRequest request) {
            double mean = Arrays.stream(request.numericTarget().toArray()).average().orElseThrow();
            return features -> {
                double[] out = new double[features.rowCount()];
                Arrays.fill(out, mean);
                return out;
            };
        }
    }

    /** Least squares on the first feature: close to perfect on a linear target. */
    static final class LineRegressor extends Base {
        LineRegressor(String id) {
            super(id, Set.of(Goal.REGRESS));
        }

        @Override
        public Regressor fit(FitRequest request) {
            double[] x = ((NumericColumn) request.features().column(0)).toArray();
            double[] y = request.numericTarget().toArray();
            double mx = Arrays.stream(x).average().orElseThrow();
            double my = Arrays.stream(y).average().orElseThrow();
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < x.length; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
            double slope = sxy / sxx;
            double intercept = my - slope * mx;
            return features -> {
                double[] in = ((NumericColumn) features.column(0)).toArray();
                double[] out = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    out[i] = intercept + slope * in[i];
                }
                return out;
            };
        }
    }

    /** Throws from fit. */
    static final class Throwing extends Base {
        Throwing(String id, Goal goal) {
            super(id, Set.of(goal));
        }

        @Override
        public FittedModel fit(FitRequest request) {
            throw new IllegalStateException("matrix is singular\nsecond line of detail");
        }
    }

    /** A regressor whose predictions are NaN. */
    static final class NanRegressor extends Base {
        NanRegressor(String id) {
            super(id, Set.of(Goal.REGRESS));
        }

        @Override
        public Regressor fit(FitRequest request) {
            return features -> {
                double[] out = new double[features.rowCount()];
                Arrays.fill(out, Double.NaN);
                return out;
            };
        }
    }

    /** A classifier whose probabilities sum to 0.8 on every row. */
    static final class BadProbabilities extends Base {
        BadProbabilities(String id) {
            super(id, Set.of(Goal.CLASSIFY));
        }

        @Override
        public Classifier fit(FitRequest request) {
            int classes = request.classTarget().levels().size();
            return features -> {
                double[][] p = new double[features.rowCount()][classes];
                for (double[] row : p) {
                    row[0] = 0.8;
                }
                return ClassPrediction.fromProbabilities(p);
            };
        }
    }

    /** Returns a regressor when asked to classify. */
    static final class WrongModel extends Base {
        WrongModel(String id) {
            super(id, Set.of(Goal.CLASSIFY));
        }

        @Override
        public Regressor fit(FitRequest request) {
            return features -> new double[features.rowCount()];
        }
    }

    /** Fits like {@link NearestMean} but throws whenever the row whose first feature is {@code marker} is held out. */
    static final class FailsWhenRowHeldOut extends Base {
        private final double marker;

        FailsWhenRowHeldOut(String id, double marker) {
            super(id, Set.of(Goal.CLASSIFY));
            this.marker = marker;
        }

        @Override
        public Classifier fit(FitRequest request) {
            double[] first = ((NumericColumn) request.features().column(0)).toArray();
            if (Arrays.stream(first).noneMatch(v -> v == marker)) {
                throw new IllegalArgumentException("row " + marker + " held out");
            }
            return new NearestMean(id()).fit(request);
        }
    }

    /** Sleeps in fit until interrupted, then counts the interruption and gives up. */
    static final class Hanging extends Base {
        final CountDownLatch interrupted = new CountDownLatch(1);
        final AtomicInteger fits = new AtomicInteger();

        Hanging(String id, Goal goal) {
            super(id, Set.of(goal));
        }

        @Override
        public FittedModel fit(FitRequest request) throws InterruptedException {
            fits.incrementAndGet();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new AssertionError("unreachable");
        }
    }

    /** Spins in fit, deaf to interrupts, until the test releases it. */
    static final class IgnoresInterrupts extends Base {
        final AtomicInteger fits = new AtomicInteger();
        private volatile boolean released;

        IgnoresInterrupts(String id, Goal goal) {
            super(id, Set.of(goal));
        }

        void release() {
            released = true;
        }

        @Override
        public FittedModel fit(FitRequest request) {
            fits.incrementAndGet();
            while (!released) {
                Thread.onSpinWait();
            }
            throw new IllegalStateException("released by the test");
        }
    }

    /**
     * Records the seed of every fit by its training rows (the values of the first feature, unique per row in the
     * tests), and guesses classes from that seed, so its scores depend on the seed it was given.
     */
    static final class SeedRecorder extends Base {
        final Map<List<Double>, Long> seedByTrainingRows = new ConcurrentHashMap<>();

        SeedRecorder(String id) {
            super(id, Set.of(Goal.CLASSIFY), Capability.NOMINAL_FEATURES, Capability.HANDLES_MISSING_DATA);
        }

        @Override
        public Classifier fit(FitRequest request) {
            var rows = Arrays.stream(((NumericColumn) request.features().column(0)).toArray()).boxed().toList();
            if (seedByTrainingRows.put(rows, request.seed()) != null) {
                throw new IllegalStateException("two fits on the same training rows");
            }
            int classes = request.classTarget().levels().size();
            long seed = request.seed();
            return features -> {
                var random = new SplittableRandom(seed);
                double[][] p = new double[features.rowCount()][classes];
                for (double[] row : p) {
                    double sum = 0;
                    for (int k = 0; k < classes; k++) {
                        row[k] = random.nextDouble() + 0.01;
                        sum += row[k];
                    }
                    for (int k = 0; k < classes; k++) {
                        row[k] /= sum;
                    }
                }
                return ClassPrediction.fromProbabilities(p);
            };
        }
    }
}
