package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class OrdinalLogisticTest {
    private static final OrdinalLogisticPlugin PLUGIN = new OrdinalLogisticPlugin();
    private static final List<String> LEVELS = List.of("very-low", "low", "medium", "high", "very-high");

    /**
     * A latent score {@code y* = w.x + logistic noise} cut at ordered thresholds into five ranked classes: exactly the
     * proportional-odds model. Features are independent standard normals; the last column is pure noise.
     */
    private static Table latent(int rows, double[] w, double[] cuts, long seed) {
        var random = new SplittableRandom(seed);
        int p = w.length + 1;
        double[][] x = new double[p][rows];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            double score = 0;
            for (int j = 0; j < p; j++) {
                x[j][i] = random.nextGaussian();
                score += j < w.length ? w[j] * x[j][i] : 0;
            }
            double u = random.nextDouble();
            score += Math.log(u / (1 - u));
            int k = 0;
            while (k < cuts.length && score > cuts[k]) {
                k++;
            }
            y[i] = k;
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < p; j++) {
            columns.add(NumericColumn.of("x" + j, x[j]));
        }
        List<String> levels = LEVELS.subList(0, cuts.length + 1);
        columns.add(OrdinalColumn.of("rank", levels, y));
        return new Table("latent", columns);
    }

    private static Classifier fit(Table train, double lambda) {
        var parameters = PLUGIN.parameters().resolve(Map.of("lambda", lambda));
        return (Classifier) PLUGIN.fit(new FitRequest(Goal.CLASSIFY, train.without("rank"),
                Optional.of(train.column("rank")), parameters, 1));
    }

    private static double rankMae(int[] truth, int[] predicted) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(truth[i] - predicted[i]);
        }
        return sum / truth.length;
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    @Test
    void beatsMultinomialLogisticRegressionOnRankErrorWhenRowsAreFew() {
        double[] w = {1.5, -1.0, 0.7, 0.5};
        double[] cuts = {-3.0, -1.0, 1.0, 3.0};
        int train = 50;
        int test = 1000;
        int seeds = 8;
        int ordinalWins = 0;
        double ordinalTotal = 0;
        double multinomialTotal = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            Table all = latent(train + test, w, cuts, seed);
            Table fitRows = all.select(range(0, train));
            Table heldOut = all.select(range(train, train + test));
            int[] truth = ((OrdinalColumn) heldOut.column("rank")).toCodes();
            double lambda = 1e-3;
            int[] ordinal = fit(fitRows, lambda).predict(heldOut.without("rank")).labels();
            int[] multinomial = MultinomialLogistic.fit(fitRows.without("rank"),
                    ((OrdinalColumn) fitRows.column("rank")).toCodes(), cuts.length + 1, lambda)
                    .predict(heldOut.without("rank"));
            double ordinalMae = rankMae(truth, ordinal);
            double multinomialMae = rankMae(truth, multinomial);
            ordinalTotal += ordinalMae;
            multinomialTotal += multinomialMae;
            if (ordinalMae < multinomialMae) {
                ordinalWins++;
            }
        }
        System.out.printf("rank MAE over %d seeds, %d training rows: ordinal %.3f, multinomial %.3f; ordinal lower on %d%n",
                seeds, train, ordinalTotal / seeds, multinomialTotal / seeds, ordinalWins);
        assertThat(ordinalTotal / seeds).as("mean rank MAE of ordinal vs multinomial logistic regression")
                .isLessThan(multinomialTotal / seeds - 0.05);
        assertThat(ordinalWins).as("seeds on which the ordinal model has the lower rank MAE").isGreaterThanOrEqualTo(seeds - 1);
    }

    @Test
    void recoversTheWeightsAndThresholdsOfAProportionalOddsProcess() {
        double[] w = {1.5, -1.0};
        double[] cuts = {-2.0, 0.0, 1.5};
        Table data = latent(6000, w, cuts, 11);
        var model = fit(data, 1e-6);
        // the features are standard normal, so weights per standard deviation are the generating weights
        var fitted = (OrdinalLogisticPlugin.Fitted) model;
        assertThat(fitted.weights()).containsExactly(new double[] {1.5, -1.0, 0.0}, within(0.1));
        assertThat(fitted.thresholds()).containsExactly(cuts, within(0.1));
        assertThat(model.summary()).contains("x0 +1.5", "very-low|low -1.9");
        ClassPrediction prediction = model.predict(data.without("rank").select(new int[] {0}));
        double[] row0 = data.without("rank").select(new int[] {0}).toMatrix()[0];
        double eta = w[0] * row0[0] + w[1] * row0[1];
        double expectedLowest = 1 / (1 + Math.exp(-(cuts[0] - eta)));
        assertThat(prediction.probabilities()[0][0]).isCloseTo(expectedLowest, within(0.05));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        var random = new SplittableRandom(3);
        int n = 40;
        int p = 3;
        int classes = 4;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = random.nextInt(classes);
        }
        var objective = new CumulativeLogit(x, y, classes, 0.1);
        double[] params = new double[CumulativeLogit.size(p, classes)];
        for (int j = 0; j < params.length; j++) {
            params[j] = random.nextGaussian() * 0.5;
        }
        double[] gradient = new double[params.length];
        objective.evaluate(params, gradient);
        double h = 1e-6;
        for (int j = 0; j < params.length; j++) {
            double[] up = params.clone();
            double[] down = params.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (objective.evaluate(up, new double[params.length])
                    - objective.evaluate(down, new double[params.length])) / (2 * h);
            assertThat(gradient[j]).as("derivative %d", j).isCloseTo(numeric, within(1e-6));
        }
    }

    @Test
    void probabilitiesStayFiniteFarOutAndForALevelNeverSeen() {
        double[] w = {2.0};
        double[] cuts = {-1.0, 1.0};
        Table data = latent(300, w, cuts, 5);
        // declare a fourth, top level that no row has
        var rank = (OrdinalColumn) data.column("rank");
        var widened = OrdinalColumn.of("rank", List.of("very-low", "low", "medium", "unseen"), rank.toCodes());
        Table train = data.without("rank").withColumns(List.of(data.column("x0"), data.column("x1"), widened));
        var model = fit(train, 1e-3);
        Table far = new Table("far", List.of(NumericColumn.of("x0", new double[] {-1e6, 0, 1e6}),
                NumericColumn.of("x1", new double[] {0, 0, 0})));
        double[][] p = model.predict(far).probabilities();
        for (double[] row : p) {
            assertThat(row).hasSize(4);
            for (double v : row) {
                assertThat(v).isBetween(0.0, 1.0);
            }
            assertThat(row[0] + row[1] + row[2] + row[3]).isCloseTo(1.0, within(1e-12));
        }
        assertThat(p[0][0]).isCloseTo(1.0, within(1e-9));
        assertThat(p[1][3]).as("the unseen level in the middle of the data").isLessThan(0.01);
        assertThat(model.predict(far).labels()).containsExactly(0, 1, 3);
    }

    @Test
    void refusesNominalFeaturesWithAMessageNamingTheColumn() {
        Table data = new Table("t", List.of(
                NominalColumn.of("colour", List.of("red", "blue"), new int[] {0, 1, 0, 1}),
                OrdinalColumn.of("rank", List.of("low", "high"), new int[] {0, 1, 0, 1})));
        assertThatThrownBy(() -> fit(data, 1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("core.ordinal-logistic").hasMessageContaining("'colour'").hasMessageContaining("nominal");
    }
}
