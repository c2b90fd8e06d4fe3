package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import io.modelscout.plugins.smile.ConditionalGaussians.Gaussian;
import io.modelscout.plugins.smile.ConditionalGaussians.Mixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian arithmetic against closed forms: conditional means and variances of the missing cells, marginal
 * densities against quadrature, and the number of components the mixtures choose on separated groups.
 */
final class GaussianDensityTest {
    private static final double[] MEAN = {1, -2, 3};
    private static final double[][] COV = {{4, 1.2, -0.8}, {1.2, 2, 0.5}, {-0.8, 0.5, 1}};

    /** x1 given x0 and x2: mu1 + S1o Soo^-1 (xo - muo), Soo the 2x2 block of columns 0 and 2, by hand. */
    private static double[] conditionalOfMiddle(double x0, double x2) {
        double a = COV[0][0];
        double b = COV[0][2];
        double d = COV[2][2];
        double det = a * d - b * b;
        double[][] inverse = {{d / det, -b / det}, {-b / det, a / det}};
        double[] s1o = {COV[1][0], COV[1][2]};
        double[] r = {x0 - MEAN[0], x2 - MEAN[2]};
        double[] w = {s1o[0] * inverse[0][0] + s1o[1] * inverse[1][0], s1o[0] * inverse[0][1] + s1o[1] * inverse[1][1]};
        double mean = MEAN[1] + w[0] * r[0] + w[1] * r[1];
        double variance = COV[1][1] - (w[0] * s1o[0] + w[1] * s1o[1]);
        return new double[] {mean, variance};
    }

    @Test
    void theConditionalMeanAndVarianceOfAMissingCellAreTheClosedForm() {
        var gaussian = Gaussian.of(MEAN, COV);
        double[] row = {2.5, Double.NaN, 2.0};
        double[] expected = conditionalOfMiddle(2.5, 2.0);
        var conditional = gaussian.conditional(row);
        assertThat(conditional.missing()).containsExactly(1);
        assertThat(conditional.mean()[0]).isCloseTo(expected[0], within(1e-12));
        assertThat(conditional.chol()[0][0] * conditional.chol()[0][0]).isCloseTo(expected[1], within(1e-12));
        var mixture = Mixture.single(gaussian);
        assertThat(mixture.impute(row)).containsExactly(new double[] {2.5, expected[0], 2.0}, within(1e-12));

        var random = new SplittableRandom(3);
        int draws = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            double v = mixture.imputeDraw(row, random)[1];
            sum += v;
            squares += v * v;
        }
        double mean = sum / draws;
        assertThat(mean).as("mean of conditional draws").isCloseTo(expected[0], within(0.03));
        assertThat(squares / draws - mean * mean).as("variance of conditional draws")
                .isCloseTo(expected[1], within(0.05 * expected[1]));
    }

    @Test
    void theMarginalDensityOfKnownCellsEqualsTheIntegralOverTheMissingOne() {
        var mixture = new Mixture(new double[] {0.3, 0.7}, new Gaussian[] {Gaussian.of(MEAN, COV),
            Gaussian.of(new double[] {-1, 1, 0}, new double[][] {{1, 0.3, 0}, {0.3, 1, 0.2}, {0, 0.2, 0.5}})});
        double[] row = {0.5, Double.NaN, 1.0};
        double integral = 0;
        double step = 0.002;
        for (double v = -30; v <= 30; v += step) {
            integral += Math.exp(mixture.logDensity(new double[] {0.5, v, 1.0})) * step;
        }
        assertThat(mixture.logDensity(row)).isCloseTo(Math.log(integral), within(1e-6));
    }

    private static Table gaussianRows(int rows, long seed) {
        var gaussian = Gaussian.of(MEAN, COV);
        var random = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = gaussian.draw(random);
        }
        return UnsupervisedData.table("gaussian", List.of("a", "b", "c"), x);
    }

    @Test
    void theFittedGaussianImputesTheTrueConditionalMean() throws Exception {
        var plugin = new GaussianPlugin();
        var model = (DensityModel) plugin.fit(new FitRequest(Goal.ESTIMATE_DENSITY, gaussianRows(20_000, 1),
                Optional.empty(), plugin.parameters().defaults(), 1));
        var holes = new Table("holes", List.of(NumericColumn.of("a", new double[] {2.5, -1}),
                NumericColumn.of("b", new double[] {Double.NaN, Double.NaN}),
                NumericColumn.of("c", new double[] {2.0, 3.5})));
        var imputed = (NumericColumn) model.impute(holes).column("b");
        assertThat(imputed.value(0)).isCloseTo(conditionalOfMiddle(2.5, 2.0)[0], within(0.05));
        assertThat(imputed.value(1)).isCloseTo(conditionalOfMiddle(-1, 3.5)[0], within(0.05));
    }

    @Test
    void aMixtureImputesFromTheComponentTheKnownCellsPointTo() {
        var near = Gaussian.of(new double[] {0, 0}, new double[][] {{1, 0.8}, {0.8, 1}});
        var far = Gaussian.of(new double[] {20, -20}, new double[][] {{1, -0.5}, {-0.5, 1}});
        var mixture = new Mixture(new double[] {0.5, 0.5}, new Gaussian[] {near, far});
        // x0 = 21 is far in the second component: x1 | x0 = -20 - 0.5 * (21 - 20)
        assertThat(mixture.impute(new double[] {21, Double.NaN})[1]).isCloseTo(-20.5, within(1e-9));
        assertThat(mixture.impute(new double[] {1, Double.NaN})[1]).isCloseTo(0.8, within(1e-9));
    }

    /** Three round groups, far apart, 150 rows each. */
    private static Table threeGroups(long seed) {
        var random = new SplittableRandom(seed);
        double[][] centres = {{0, 0}, {10, 0}, {5, 9}};
        double[][] x = new double[450][];
        for (int i = 0; i < x.length; i++) {
            double[] c = centres[i % 3];
            x[i] = new double[] {c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
        }
        return UnsupervisedData.table("groups", List.of("x", "y"), x);
    }

    @Test
    void bicAndHeldOutLikelihoodBothFindThreeComponentsOnThreeSeparatedGroups() throws Exception {
        for (ModelPlugin plugin : List.of(new GmmPlugin(), new GmmHoldoutPlugin())) {
            var model = (Clusterer) plugin.fit(new FitRequest(Goal.CLUSTER, threeGroups(5), Optional.empty(),
                    plugin.parameters().resolve(Map.of("maxComponents", 6)), 11));
            assertThat(model.clusterCount()).as(plugin.id()).isEqualTo(3);
            var choice = model.countChoice();
            assertThat(choice.values().keySet()).as(plugin.id()).contains(1, 2, 3, 4);
            var bestKey = choice.values().entrySet().stream()
                    .reduce((a, b) -> (choice.higherIsBetter() ? b.getValue() > a.getValue() : b.getValue() < a.getValue())
                            ? b : a).orElseThrow().getKey();
            assertThat(bestKey).as("%s: the best %s", plugin.id(), choice.criterion()).isEqualTo(3);
        }
    }

    @Test
    void aFlatColumnStillGivesFiniteDensitiesThanksToTheRidge() throws Exception {
        var x = new double[60][];
        var random = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            double a = random.nextGaussian();
            x[i] = new double[] {a, 2 * a};
        }
        var train = UnsupervisedData.table("line", List.of("a", "b"), x);
        var plugin = new GaussianPlugin();
        var model = (DensityModel) plugin.fit(new FitRequest(Goal.ESTIMATE_DENSITY, train, Optional.empty(),
                plugin.parameters().defaults(), 1));
        double[] logDensity = model.logDensity(UnsupervisedData.table("off", List.of("a", "b"),
                new double[][] {{0.5, 1.0}, {0.5, 1.1}}));
        assertThat(Double.isFinite(logDensity[0]) && Double.isFinite(logDensity[1])).as("finite").isTrue();
        assertThat(logDensity[0]).as("on the line above off it").isGreaterThan(logDensity[1]);
        assertThat(model.summary()).contains("ridge");
    }
}
