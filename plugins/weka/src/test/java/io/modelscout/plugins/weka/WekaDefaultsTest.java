package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Table;
import io.modelscout.api.testkit.ContractData;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.bayes.BayesNet;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.functions.SMOreg;
import weka.classifiers.lazy.IBk;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.M5P;
import weka.classifiers.trees.REPTree;
import weka.classifiers.trees.RandomForest;
import weka.core.OptionHandler;
import weka.core.Utils;

/** The declared defaults are Weka's own: a model fitted with them runs with a fresh Weka learner's options. */
final class WekaDefaultsTest {

    static Stream<Arguments> plugins() {
        return Stream.of(
                Arguments.of(new J48Plugin(), new J48()),
                Arguments.of(new NaiveBayesPlugin(), new NaiveBayes()),
                Arguments.of(new LogisticPlugin(), new Logistic()),
                // Weka's default seed is 1, and our seed 1 maps to it.
                Arguments.of(new RandomForestPlugin(), new RandomForest()),
                Arguments.of(new IbkPlugin(), new IBk()),
                Arguments.of(new LinearRegressionPlugin(), new LinearRegression()),
                Arguments.of(new M5pPlugin(), new M5P()),
                Arguments.of(new BayesNetPlugin(), new BayesNet()),
                Arguments.of(new RepTreePlugin(), new REPTree()),
                Arguments.of(new SmoRegPlugin(), new SMOreg()));
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void defaultsAreWekas(ModelPlugin plugin, OptionHandler weka) throws Exception {
        String expected = weka.getClass().getSimpleName() + " " + Utils.joinOptions(weka.getOptions());

        assertThat(fit(plugin, Map.of(), 1).summary()).isEqualTo(expected);
    }

    @Test
    void multilayerPerceptronDefaultsAreWekasWhoseSeedIsZero() throws Exception {
        var weka = new MultilayerPerceptron();
        String expected = "MultilayerPerceptron " + Utils.joinOptions(weka.getOptions());

        assertThat(fit(new MultilayerPerceptronPlugin(), Map.of("trainingTime", 10), 0).summary())
                .isEqualTo(expected.replace("-N 500", "-N 10"));
    }

    @Test
    void smoAddsSeededCalibrationToWekasDefaults() throws Exception {
        String summary = fit(new SmoPlugin(), Map.of("kernel", "rbf", "gamma", 0.5), 9).summary();

        assertThat(summary).contains("-C 1.0", " -M ", "-W 9", "RBFKernel", "-G 0.5");
    }

    @Test
    void naiveBayesRefusesBothNumericEstimatorsAtOnce() {
        assertThatThrownBy(() -> fit(new NaiveBayesPlugin(),
                Map.of("useKernelEstimator", true, "useSupervisedDiscretization", true), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("useKernelEstimator").hasMessageContaining("useSupervisedDiscretization");
    }

    @Test
    void aGoalThePluginDoesNotServeIsRefused() {
        var plugin = new M5pPlugin();
        Table data = ContractData.classification(false, false, 3);
        var request = new FitRequest(Goal.CLASSIFY, data.without("class"), Optional.of(data.column("class")),
                plugin.parameters().defaults(), 1);

        assertThatThrownBy(() -> plugin.fit(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weka.m5p: goal 'classify' is not served; served: regress");
    }

    private static io.modelscout.api.model.FittedModel fit(ModelPlugin plugin, Map<String, ?> parameters, long seed)
            throws Exception {
        boolean classify = plugin.goals().contains(Goal.CLASSIFY);
        Table data = classify ? ContractData.classification(false, false, 3) : ContractData.regression(false, false, 3);
        String target = classify ? "class" : "y";
        var request = new FitRequest(classify ? Goal.CLASSIFY : Goal.REGRESS, data.without(target),
                Optional.of(data.column(target)), plugin.parameters().resolve(parameters), seed);
        return plugin.fit(request);
    }
}
