package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unsupervised Smile plugins that draw random numbers give the same model for the same seed, fitted in turn, on
 * two threads at once or as common-pool tasks; the isolation forest, G-means and the one-class SVM draw inside
 * Smile's parallel streams or from its thread-local generator, so this is where a missed seed would show.
 */
final class SeededUnsupervisedFitsTest {
    private static final long SEED = 42;

    static List<Arguments> randomised() {
        return List.of(
                Arguments.of(new IsolationForestPlugin(), Goal.DETECT_ANOMALIES),
                Arguments.of(new OneClassSvmPlugin(), Goal.DETECT_ANOMALIES),
                Arguments.of(new GmmPlugin(), Goal.DETECT_ANOMALIES),
                Arguments.of(new KMeansPlugin(), Goal.CLUSTER),
                Arguments.of(new GMeansPlugin(), Goal.CLUSTER),
                Arguments.of(new KModesPlugin(), Goal.CLUSTER));
    }

    private static Table rows(int n, long seed) {
        var random = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            int group = i % 4;
            a[i] = 4 * (group % 2) + random.nextGaussian();
            b[i] = 4 * (group / 2) + random.nextGaussian();
        }
        return new Table("rows", List.of(NumericColumn.of("a", a), NumericColumn.of("b", b)));
    }

    private static double[] fitAndAnswer(ModelPlugin plugin, Goal goal, long seed) throws Exception {
        FittedModel model = plugin.fit(new FitRequest(goal, rows(200, 1), Optional.empty(),
                plugin.parameters().defaults(), seed));
        Table test = rows(60, 2);
        return switch (model) {
            case AnomalyDetector detector -> detector.score(test);
            case Clusterer clusterer -> Arrays.stream(clusterer.assign(test)).asDoubleStream().toArray();
            default -> throw new AssertionError("unexpected model " + model);
        };
    }

    @ParameterizedTest
    @MethodSource("randomised")
    void concurrentFitsEqualSequentialFits(ModelPlugin plugin, Goal goal) throws Exception {
        double[] sequential = fitAndAnswer(plugin, goal, SEED);
        assertThat(fitAndAnswer(plugin, goal, SEED)).as("%s twice in a row", plugin.id()).containsExactly(sequential);
        int threads = 2;
        var barrier = new CyclicBarrier(threads);
        var futures = new ArrayList<Future<double[]>>();
        try (var executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    barrier.await();
                    return fitAndAnswer(plugin, goal, SEED);
                }));
            }
            for (var future : futures) {
                assertThat(future.get()).as("%s on two threads at once", plugin.id()).containsExactly(sequential);
            }
        }
        List<double[]> pooled = IntStream.range(0, 3).parallel().mapToObj(i -> {
            try {
                return fitAndAnswer(plugin, goal, SEED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (double[] answer : pooled) {
            assertThat(answer).as("%s as common-pool tasks", plugin.id()).containsExactly(sequential);
        }
    }

    @org.junit.jupiter.api.Test
    void theIsolationForestFollowsItsSeed() throws Exception {
        // the mixtures and k-means reach the same optimum from any start on these groups; the forest's trees differ
        var plugin = new IsolationForestPlugin();
        assertThat(Arrays.equals(fitAndAnswer(plugin, Goal.DETECT_ANOMALIES, SEED + 1),
                fitAndAnswer(plugin, Goal.DETECT_ANOMALIES, SEED)))
                .as("seeds %d and %d give the same scores", SEED + 1, SEED).isFalse();
    }
}
