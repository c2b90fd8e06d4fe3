package io.modelscout.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every plugin passes, as JUnit dynamic tests. A plugin author writes one test class:
 *
 * <pre>{@code
 * final class MyPluginTest {
 *     @TestFactory
 *     Stream<DynamicNode> contract() {
 *         return PluginContract.of(new MyPlugin()).stream();
 *     }
 * }
 * }</pre>
 *
 * <p>The checks: the metadata is well formed and its defaults resolve; for each supervised goal it serves, a
 * model fitted on seeded data predicts every row with the right shape, probabilities that are finite and sum
 * to one over all declared classes, clearly better than chance (baselines excepted); the same seed gives the
 * same predictions; a row predicted alone gets the answer it got in a batch; and data with nominal features or
 * missing cells is accepted when the plugin declares it can take them.
 */
public final class PluginContract {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final long SEED = 20261125L;

    private PluginContract() {
    }

    /**
     * The contract tests of one plugin, grouped under its id.
     *
     * @param plugin the plugin to check
     * @return one container of tests
     */
    public static List<DynamicNode> of(ModelPlugin plugin) {
        var tests = new ArrayList<DynamicNode>();
        tests.add(dynamicTest("metadata", () -> checkMetadata(plugin)));
        for (Goal goal : plugin.goals()) {
            if (goal == Goal.CLASSIFY || goal == Goal.REGRESS) {
                tests.add(dynamicTest(goal.id() + ": numeric data", () -> checkSupervised(plugin, goal, false, false)));
                if (plugin.capabilities().contains(Capability.NOMINAL_FEATURES)) {
                    tests.add(dynamicTest(goal.id() + ": nominal features", () -> checkSupervised(plugin, goal, true, false)));
                }
                if (plugin.capabilities().contains(Capability.HANDLES_MISSING_DATA)) {
                    tests.add(dynamicTest(goal.id() + ": missing cells", () -> checkSupervised(plugin, goal,
                            plugin.capabilities().contains(Capability.NOMINAL_FEATURES), true)));
                }
                tests.add(dynamicTest(goal.id() + ": same seed, same model", () -> checkDeterminism(plugin, goal)));
            }
            switch (goal) {
                case CLUSTER, DETECT_ANOMALIES, ESTIMATE_DENSITY -> tests.addAll(UnsupervisedContract.tests(plugin, goal));
                case MODEL_SEQUENCES -> tests.addAll(SequenceContract.tests(plugin, goal));
                case GENERATE -> tests.addAll(GeneratorContract.tests(plugin, goal));
                case CLASSIFY, REGRESS -> {
                }
            }
        }
        return List.of(DynamicContainer.dynamicContainer(plugin.id(), tests));
    }

    /**
     * The contract tests of several plugins.
     *
     * @param plugins the plugins
     * @return one container per plugin
     */
    public static List<DynamicNode> of(Iterable<? extends ModelPlugin> plugins) {
        var all = new ArrayList<DynamicNode>();
        for (ModelPlugin plugin : plugins) {
            all.addAll(of(plugin));
        }
        return all;
    }

    /**
     * Checks id, names, goals, family and parameter defaults.
     *
     * @param plugin the plugin
     */
    public static void checkMetadata(ModelPlugin plugin) {
        assertThat(plugin.id()).as("id").matches(ID);
        assertThat(plugin.displayName()).as("display name of %s", plugin.id()).isNotBlank();
        assertThat(plugin.description()).as("description of %s", plugin.id()).isNotBlank();
        assertThat(plugin.family()).as("family of %s", plugin.id()).isNotNull();
        assertThat(plugin.goals()).as("goals of %s", plugin.id()).isNotEmpty();
        assertThat(plugin.capabilities()).as("capabilities of %s", plugin.id()).isNotNull();
        assertThat(plugin.capabilities().contains(Capability.GENERATIVE))
                .as("%s: the GENERATIVE capability matches the family", plugin.id())
                .isEqualTo(plugin.family() == io.modelscout.api.Family.GENERATIVE);
        assertThat(plugin.apiVersion().split("\\.")[0]).as("API major version of %s", plugin.id())
                .isEqualTo(ModelPlugin.API_VERSION.split("\\.")[0]);
        ParameterValues defaults = plugin.parameters().defaults();
        assertThat(defaults.values().keySet()).as("parameters of %s", plugin.id())
                .containsExactlyElementsOf(plugin.parameters().parameters().stream().map(p -> p.name()).toList());
    }

    private static Table data(Goal goal, boolean nominal, boolean missing) {
        return goal == Goal.CLASSIFY
                ? ContractData.classification(nominal, missing, SEED)
                : ContractData.regression(nominal, missing, SEED);
    }

    private static String targetName(Goal goal) {
        return goal == Goal.CLASSIFY ? "class" : "y";
    }

    private static FittedModel fit(ModelPlugin plugin, Goal goal, Table train, long seed) throws Exception {
        String target = targetName(goal);
        var request = new FitRequest(goal, train.without(target), Optional.of(train.column(target)),
                plugin.parameters().defaults(), seed);
        return plugin.fit(request);
    }

    /**
     * Fits on the first rows of a seeded table and checks the predictions on the rest.
     *
     * @param plugin the plugin
     * @param goal {@link Goal#CLASSIFY} or {@link Goal#REGRESS}
     * @param nominal whether the data has a nominal feature
     * @param missing whether the data has missing cells
     * @throws Exception when the plugin fails
     */
    public static void checkSupervised(ModelPlugin plugin, Goal goal, boolean nominal, boolean missing) throws Exception {
        Table all = data(goal, nominal, missing);
        Table train = all.select(ContractData.range(0, ContractData.TRAIN));
        Table test = all.select(ContractData.range(ContractData.TRAIN, ContractData.ROWS));
        Table testFeatures = test.without(targetName(goal));
        FittedModel model = fit(plugin, goal, train, SEED);
        boolean baseline = plugin.capabilities().contains(Capability.BASELINE);
        switch (goal) {
            case CLASSIFY -> {
                assertThat(model).as("%s returns a classifier", plugin.id()).isInstanceOf(Classifier.class);
                ClassPrediction prediction = ((Classifier) model).predict(testFeatures);
                int classes = 4;
                assertThat(prediction.size()).as("predicted rows").isEqualTo(test.rowCount());
                int correct = 0;
                var truth = test.column("class");
                for (int i = 0; i < prediction.size(); i++) {
                    assertThat(prediction.labels()[i]).as("label of row %d", i).isBetween(0, classes - 1);
                    double[] p = prediction.probabilities()[i];
                    assertThat(p).as("probabilities of row %d cover every declared class", i).hasSize(classes);
                    double sum = 0;
                    for (double v : p) {
                        assertThat(v).as("probability in row %d", i).isBetween(0.0, 1.0);
                        sum += v;
                    }
                    assertThat(sum).as("probabilities of row %d sum to one", i).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
                    if (prediction.labels()[i] == ((io.modelscout.api.data.CategoricalColumn) truth).code(i)) {
                        correct++;
                    }
                }
                if (!baseline) {
                    assertThat(correct / (double) prediction.size()).as("%s accuracy on well separated classes", plugin.id())
                            .isGreaterThan(0.7);
                }
                ClassPrediction single = ((Classifier) model).predict(testFeatures.select(new int[] {3}));
                assertThat(single.labels()[0]).as("a row alone gets its batch label").isEqualTo(prediction.labels()[3]);
            }
            case REGRESS -> {
                assertThat(model).as("%s returns a regressor", plugin.id()).isInstanceOf(Regressor.class);
                double[] predicted = ((Regressor) model).predict(testFeatures);
                assertThat(predicted).as("predicted rows").hasSize(test.rowCount());
                var truth = (io.modelscout.api.data.NumericColumn) test.column("y");
                double mean = 0;
                for (int i = 0; i < predicted.length; i++) {
                    assertThat(Double.isFinite(predicted[i])).as("prediction %d is finite", i).isTrue();
                    mean += truth.value(i) / predicted.length;
                }
                double sse = 0;
                double sst = 0;
                for (int i = 0; i < predicted.length; i++) {
                    sse += Math.pow(truth.value(i) - predicted[i], 2);
                    sst += Math.pow(truth.value(i) - mean, 2);
                }
                if (!baseline) {
                    assertThat(1 - sse / sst).as("%s R squared on a noisy linear target", plugin.id()).isGreaterThan(0.5);
                }
                double[] single = ((Regressor) model).predict(testFeatures.select(new int[] {3}));
                assertThat(single[0]).as("a row alone gets its batch prediction")
                        .isCloseTo(predicted[3], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(predicted[3]))));
            }
            default -> throw new IllegalArgumentException("not a supervised goal: " + goal);
        }
    }

    /**
     * Fits twice with the same seed and checks that the predictions agree exactly.
     *
     * @param plugin the plugin
     * @param goal {@link Goal#CLASSIFY} or {@link Goal#REGRESS}
     * @throws Exception when the plugin fails
     */
    public static void checkDeterminism(ModelPlugin plugin, Goal goal) throws Exception {
        Table all = data(goal, false, false);
        Table train = all.select(ContractData.range(0, ContractData.TRAIN));
        Table test = all.select(ContractData.range(ContractData.TRAIN, ContractData.ROWS)).without(targetName(goal));
        FittedModel first = fit(plugin, goal, train, 7);
        FittedModel second = fit(plugin, goal, train, 7);
        if (goal == Goal.CLASSIFY) {
            assertThat(((Classifier) second).predict(test).probabilities())
                    .as("%s: same seed, same probabilities", plugin.id())
                    .isDeepEqualTo(((Classifier) first).predict(test).probabilities());
        } else {
            assertThat(((Regressor) second).predict(test)).as("%s: same seed, same predictions", plugin.id())
                    .containsExactly(((Regressor) first).predict(test));
        }
    }

    /**
     * One dynamic test per plugin metadata check, for callers that want a flat list.
     *
     * @param plugin the plugin
     * @return the test
     */
    public static DynamicTest metadataTest(ModelPlugin plugin) {
        return dynamicTest(plugin.id() + " metadata", () -> checkMetadata(plugin));
    }
}
