package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.testkit.ContractData;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed alone fixes a randomised Weka model, also when several fits run at once on different threads. */
final class WekaConcurrencyTest {
    private static final int THREADS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"random-forest", "smo", "mlp", "reptree"})
    void sameSeedSameModelOnConcurrentThreads(String name) throws Exception {
        ModelPlugin plugin = switch (name) {
            case "smo" -> new SmoPlugin();
            case "mlp" -> new MultilayerPerceptronPlugin();
            case "reptree" -> new RepTreePlugin();
            default -> new RandomForestPlugin();
        };
        Table all = ContractData.classification(true, true, 11);
        Table train = all.select(ContractData.range(0, ContractData.TRAIN));
        Table test = all.select(ContractData.range(ContractData.TRAIN, ContractData.ROWS)).without("class");

        double[][] alone = fitAndPredict(plugin, train, test, 42);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            var start = new CountDownLatch(1);
            var results = new ArrayList<Future<double[][]>>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return fitAndPredict(plugin, train, test, 42);
                }));
            }
            start.countDown();
            for (Future<double[][]> result : results) {
                assertThat(result.get()).as("%s fitted on another thread, same seed", plugin.id()).isDeepEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void theForestFollowsTheSeed(long other) throws Exception {
        var plugin = new RandomForestPlugin();
        Table all = ContractData.classification(false, false, 11);
        Table train = all.select(ContractData.range(0, ContractData.TRAIN));
        Table test = all.select(ContractData.range(ContractData.TRAIN, ContractData.ROWS)).without("class");

        assertThat(fitAndPredict(plugin, train, test, 42 + other)).as("another seed, another forest")
                .isNotEqualTo(fitAndPredict(plugin, train, test, 42));
    }

    private static double[][] fitAndPredict(ModelPlugin plugin, Table train, Table test, long seed) throws Exception {
        var request = new FitRequest(Goal.CLASSIFY, train.without("class"), Optional.of(train.column("class")),
                plugin.parameters().defaults(), seed);
        return ((Classifier) plugin.fit(request)).predict(test).probabilities();
    }
}
