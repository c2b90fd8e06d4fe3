package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.Regressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SmileModelsTest {
    private static final List<ModelPlugin> CLASSIFIERS = List.of(new LogisticRegressionPlugin(),
            new RandomForestPlugin(), new KnnPlugin(), new DecisionTreePlugin(), new GradientBoostingPlugin(),
            new SvmPlugin(), new NaiveBayesPlugin());

    /** Three Gaussian classes around (0, 0, 0), (4, 0, 0) and (2, 4, 1), unit spread; a fourth level never occurs. */
    private static Table gaussians(int rows, long seed) {
        double[][] centres = {{0, 0, 0}, {4, 0, 0}, {2, 4, 1}};
        var random = new SplittableRandom(seed);
        double[][] x = new double[3][rows];
        int[] label = new int[rows];
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(3);
            label[i] = k;
            for (int j = 0; j < 3; j++) {
                x[j][i] = centres[k][j] + random.nextGaussian();
            }
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < 3; j++) {
            columns.add(NumericColumn.of("feature " + j, x[j]));
        }
        columns.add(NominalColumn.of("class", List.of("never", "left", "right", "top"), shift(label)));
        return new Table("gaussians", columns);
    }

    // puts the unused level first, so that compact Smile labels and api codes differ
    private static int[] shift(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] + 1;
        }
        return out;
    }

    private static FitRequest request(ModelPlugin plugin, Goal goal, Table train, String target, long seed) {
        return new FitRequest(goal, train.without(target), Optional.of(train.column(target)),
                plugin.parameters().defaults(), seed);
    }

    @Test
    void logisticRegressionRandomForestAndNaiveBayesSeparateThreeGaussianClasses() throws Exception {
        Table train = gaussians(300, 11);
        Table test = gaussians(300, 12);
        var truth = (NominalColumn) test.column("class");
        for (ModelPlugin plugin : List.of(new LogisticRegressionPlugin(), new RandomForestPlugin(),
                new NaiveBayesPlugin())) {
            var model = (Classifier) plugin.fit(request(plugin, Goal.CLASSIFY, train, "class", 5));
            var prediction = model.predict(test.without("class"));
            int correct = 0;
            for (int i = 0; i < prediction.size(); i++) {
                correct += prediction.labels()[i] == truth.code(i) ? 1 : 0;
                assertThat(prediction.probabilities()[i]).as("%s row %d", plugin.id(), i).hasSize(4);
                assertThat(prediction.probabilities()[i][0]).as("%s: the absent level", plugin.id()).isZero();
            }
            assertThat(correct / (double) prediction.size()).as("%s accuracy", plugin.id()).isGreaterThan(0.9);
        }
    }

    @Test
    void everyClassifierCoversAllDeclaredLevels() throws Exception {
        Table train = gaussians(150, 21);
        Table test = gaussians(40, 22).without("class");
        for (ModelPlugin plugin : CLASSIFIERS) {
            var prediction = ((Classifier) plugin.fit(request(plugin, Goal.CLASSIFY, train, "class", 3))).predict(test);
            for (double[] p : prediction.probabilities()) {
                assertThat(p).as(plugin.id()).hasSize(4);
                for (double v : p) {
                    assertThat(v).as(plugin.id()).isBetween(0.0, 1.0);
                }
                assertThat(p[0] + p[1] + p[2] + p[3]).as(plugin.id()).isCloseTo(1.0, within(1e-9));
            }
        }
    }

    @Test
    void everyClassifierAnswersWithTheOnlyClassItSaw() throws Exception {
        Table all = gaussians(60, 31);
        var codes = ((NominalColumn) all.column("class")).toCodes();
        int[] rows = IntStream.range(0, codes.length).filter(i -> codes[i] == 2).toArray();
        Table train = all.select(rows);
        for (ModelPlugin plugin : CLASSIFIERS) {
            var prediction = ((Classifier) plugin.fit(request(plugin, Goal.CLASSIFY, train, "class", 3)))
                    .predict(all.without("class"));
            assertThat(prediction.labels()).as(plugin.id()).containsOnly(2);
            assertThat(prediction.probabilities()[0]).as(plugin.id()).containsExactly(0.0, 0.0, 1.0, 0.0);
        }
    }

    @Test
    void binarySvmGivesPlattProbabilities() throws Exception {
        Table all = gaussians(200, 41);
        var codes = ((NominalColumn) all.column("class")).toCodes();
        int[] rows = IntStream.range(0, codes.length).filter(i -> codes[i] != 3).toArray();
        Table train = all.select(rows);
        var plugin = new SvmPlugin();
        var prediction = ((Classifier) plugin.fit(request(plugin, Goal.CLASSIFY, train, "class", 3)))
                .predict(train.without("class"));
        int correct = 0;
        int soft = 0;
        for (int i = 0; i < prediction.size(); i++) {
            double[] p = prediction.probabilities()[i];
            assertThat(p[0]).isZero();
            assertThat(p[3]).isZero();
            correct += prediction.labels()[i] == codes[rows[i]] ? 1 : 0;
            soft += p[1] > 0.0 && p[1] < 1.0 ? 1 : 0;
        }
        assertThat(correct / (double) prediction.size()).isGreaterThan(0.9);
        assertThat(soft).as("rows with a probability strictly between 0 and 1").isEqualTo(prediction.size());
    }

    private static Table linear(double noise, boolean constantColumn, long seed) {
        var random = new SplittableRandom(seed);
        int n = 50;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        double[] constant = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = random.nextDouble(-5, 5);
            x2[i] = random.nextDouble(-5, 5);
            constant[i] = 7.0;
            y[i] = 2 + 3 * x1[i] - x2[i] + noise * random.nextGaussian();
        }
        var columns = new ArrayList<Column>(List.of(NumericColumn.of("x1", x1), NumericColumn.of("x2", x2)));
        if (constantColumn) {
            columns.add(NumericColumn.of("always seven", constant));
        }
        columns.add(NumericColumn.of("y", y));
        return new Table("linear", columns);
    }

    private static Table points(double[][] rows, boolean constantColumn) {
        var columns = new ArrayList<Column>();
        for (int j = 0; j < 2; j++) {
            double[] values = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                values[i] = rows[i][j];
            }
            columns.add(NumericColumn.of("x" + (j + 1), values));
        }
        if (constantColumn) {
            double[] seven = new double[rows.length];
            Arrays.fill(seven, 7.0);
            columns.add(NumericColumn.of("always seven", seven));
        }
        return new Table("points", columns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qr", "svd"})
    void olsRecoversTheCoefficientsOfANoiseFreePlane(String method) throws Exception {
        var plugin = new OlsPlugin();
        Table train = linear(0.0, false, 51);
        var request = new FitRequest(Goal.REGRESS, train.without("y"), Optional.of(train.column("y")),
                plugin.parameters().resolve(Map.of("method", method)), 1);
        var model = (Regressor) plugin.fit(request);
        double[] y = model.predict(points(new double[][] {{0, 0}, {1, 0}, {0, 1}}, false));
        assertThat(y[0]).as("intercept").isCloseTo(2.0, within(1e-6));
        assertThat(y[1] - y[0]).as("coefficient of x1").isCloseTo(3.0, within(1e-6));
        assertThat(y[2] - y[0]).as("coefficient of x2").isCloseTo(-1.0, within(1e-6));
        assertThat(model.summary()).contains("intercept 2.000");
    }

    @Test
    void olsCopesWithAConstantColumn() throws Exception {
        var plugin = new OlsPlugin();
        Table train = linear(0.0, true, 52);
        var model = (Regressor) plugin.fit(request(plugin, Goal.REGRESS, train, "y", 1));
        double[] y = model.predict(points(new double[][] {{0, 0}, {1, 0}, {0, 1}}, true));
        assertThat(y[1] - y[0]).isCloseTo(3.0, within(1e-6));
        assertThat(y[2] - y[0]).isCloseTo(-1.0, within(1e-6));
    }

    @Test
    void ridgeLeavesOutAConstantColumnAndShrinksLittleWithASmallPenalty() throws Exception {
        var plugin = new RidgePlugin();
        Table train = linear(0.1, true, 53);
        var request = new FitRequest(Goal.REGRESS, train.without("y"), Optional.of(train.column("y")),
                plugin.parameters().resolve(Map.of("lambda", 1e-6)), 1);
        var model = (Regressor) plugin.fit(request);
        double[] y = model.predict(points(new double[][] {{0, 0}, {1, 0}, {0, 1}}, true));
        assertThat(y[0]).isCloseTo(2.0, within(0.1));
        assertThat(y[1] - y[0]).isCloseTo(3.0, within(0.05));
        assertThat(y[2] - y[0]).isCloseTo(-1.0, within(0.05));
        assertThat(model.summary()).contains("2 of 3 features");
    }

    @Test
    void predictingOnAnotherNumberOfColumnsIsRefusedWithAMessage() throws Exception {
        var plugin = new OlsPlugin();
        var model = (Regressor) plugin.fit(request(plugin, Goal.REGRESS, linear(0.1, false, 54), "y", 1));
        assertThatThrownBy(() -> model.predict(points(new double[][] {{0, 0}}, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fitted on 2 feature columns, got 3");
    }
}
