package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import io.modelscout.api.testkit.ContractData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same seed gives the same model whether fits run one after another or at the same time on several threads,
 * as the framework runs candidate x fold fits. Smile's generator is thread-local and its forests grow trees on the
 * common pool, so this is where a missed seed would show.
 */
final class SeededFitsTest {
    private static final long SEED = 42;

    static List<Arguments> randomised() {
        return List.of(
                Arguments.of(new RandomForestPlugin(), Goal.CLASSIFY),
                Arguments.of(new RandomForestPlugin(), Goal.REGRESS),
                Arguments.of(new GradientBoostingPlugin(), Goal.CLASSIFY),
                Arguments.of(new GradientBoostingPlugin(), Goal.REGRESS),
                Arguments.of(new SvmPlugin(), Goal.CLASSIFY),
                Arguments.of(new LinearSvmPlugin(), Goal.CLASSIFY),
                Arguments.of(new MlpPlugin(), Goal.CLASSIFY),
                Arguments.of(new MlpPlugin(), Goal.REGRESS));
    }

    private static Table data(Goal goal) {
        return goal == Goal.CLASSIFY ? ContractData.classification(false, false, 7)
                : ContractData.regression(false, false, 7);
    }

    private static String target(Goal goal) {
        return goal == Goal.CLASSIFY ? "class" : "y";
    }

    /** Fits on the training rows and answers on the rest: probabilities for classifiers, predictions otherwise. */
    private static double[][] fitAndPredict(ModelPlugin plugin, Goal goal, long seed) throws Exception {
        Table all = data(goal);
        Table train = all.select(ContractData.range(0, ContractData.TRAIN));
        Table test = all.select(ContractData.range(ContractData.TRAIN, ContractData.ROWS)).without(target(goal));
        FittedModel model = plugin.fit(new FitRequest(goal, train.without(target(goal)),
                Optional.of(train.column(target(goal))), plugin.parameters().defaults(), seed));
        return switch (model) {
            case Classifier classifier -> classifier.predict(test).probabilities();
            case Regressor regressor -> new double[][] {regressor.predict(test)};
            default -> throw new AssertionError("unexpected model " + model);
        };
    }

    @ParameterizedTest
    @MethodSource("randomised")
    void concurrentFitsEqualSequentialFits(ModelPlugin plugin, Goal goal) throws Exception {
        double[][] sequential = fitAndPredict(plugin, goal, SEED);
        assertThat(fitAndPredict(plugin, goal, SEED)).as("%s twice in a row", plugin.id()).isDeepEqualTo(sequential);

        int threads = 2;
        var barrier = new CyclicBarrier(threads);
        var futures = new ArrayList<Future<double[][]>>();
        try (var executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                Callable<double[][]> fit = () -> {
                    barrier.await();
                    return fitAndPredict(plugin, goal, SEED);
                };
                futures.add(executor.submit(fit));
            }
            for (var future : futures) {
                assertThat(future.get()).as("%s on two threads at once", plugin.id()).isDeepEqualTo(sequential);
            }
        }

        // fits run as tasks of the common pool, where the forests grow their trees too
        List<double[][]> pooled = IntStream.range(0, 4).parallel().mapToObj(i -> {
            try {
                return fitAndPredict(plugin, goal, SEED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (double[][] answer : pooled) {
            assertThat(answer).as("%s as common-pool tasks", plugin.id()).isDeepEqualTo(sequential);
        }
    }

    @Test
    void differentModelsFittedTogetherOnTheCommonPoolEqualSequentialFits() throws Exception {
        // a fit waiting on its own parallel work may run another fit's tree task on its thread, and tree tasks
        // reseed the thread they run on: the seeds must not depend on which thread did what
        var cases = randomised();
        var sequential = new ArrayList<double[][]>();
        for (Arguments c : cases) {
            sequential.add(fitAndPredict((ModelPlugin) c.get()[0], (Goal) c.get()[1], SEED));
        }
        List<double[][]> together = IntStream.range(0, 3 * cases.size()).parallel().mapToObj(i -> {
            var c = cases.get(i % cases.size());
            try {
                return fitAndPredict((ModelPlugin) c.get()[0], (Goal) c.get()[1], SEED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (int i = 0; i < together.size(); i++) {
            var c = cases.get(i % cases.size());
            assertThat(together.get(i)).as("%s %s among other fits", ((ModelPlugin) c.get()[0]).id(), c.get()[1])
                    .isDeepEqualTo(sequential.get(i % cases.size()));
        }
    }

    @ParameterizedTest
    @MethodSource("randomised")
    void anotherSeedGivesAnotherModel(ModelPlugin plugin, Goal goal) throws Exception {
        assertThat(Arrays.deepEquals(fitAndPredict(plugin, goal, SEED + 1), fitAndPredict(plugin, goal, SEED)))
                .as("%s: seeds %d and %d give the same answers", plugin.id(), SEED + 1, SEED).isFalse();
    }
}
