package io.modelscout.plugins.core.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import io.modelscout.api.model.FittedModel;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The in-house unsupervised models against what they should find: the mixed mixture recovers two groups and its
 * densities with a missing cell equal the integral (or sum) over that cell; kernel densities choose a bandwidth that
 * fits several modes and impute by kernel regression; the baseline imputes means and modes.
 */
final class UnsupervisedModelsTest {
    private static final List<String> COLOURS = List.of("red", "blue", "green");

    /** Two groups: x ~ N(0 or 8, 1), y ~ N(0 or 5, 1), colour red or blue nine times in ten; some cells blank. */
    private static Table twoGroups(int rows, double missing, long seed) {
        var random = new SplittableRandom(seed);
        double[] x = new double[rows];
        double[] y = new double[rows];
        int[] colour = new int[rows];
        for (int i = 0; i < rows; i++) {
            int g = i % 2;
            x[i] = 8 * g + random.nextGaussian();
            y[i] = 5 * g + random.nextGaussian();
            colour[i] = random.nextDouble() < 0.9 ? g : 2;
            if (random.nextDouble() < missing) {
                x[i] = Double.NaN;
            }
            if (random.nextDouble() < missing) {
                colour[i] = CategoricalColumn.MISSING;
            }
        }
        return new Table("two-groups", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                NominalColumn.of("colour", COLOURS, colour)));
    }

    private static FittedModel fit(ModelPlugin plugin, Goal goal, Table train) throws Exception {
        return plugin.fit(new FitRequest(goal, train, Optional.empty(), plugin.parameters().defaults(), 3));
    }

    private static Table row(double x, double y, int colour) {
        return new Table("row", List.of(NumericColumn.of("x", new double[] {x}), NumericColumn.of("y", new double[] {y}),
                NominalColumn.of("colour", COLOURS, new int[] {colour})));
    }

    @Test
    void theMixedMixtureRecoversTwoGroupsEvenWithAFifthOfTheCellsMissing() throws Exception {
        for (double missing : new double[] {0.0, 0.2}) {
            var model = (Clusterer) fit(new MixedMixturePlugin(), Goal.CLUSTER, twoGroups(400, missing, 1));
            assertThat(model.clusterCount()).as("components with %s missing", missing).isEqualTo(2);
            int[] assigned = model.assign(twoGroups(200, missing, 2));
            int agree = 0;
            for (int i = 0; i < assigned.length; i++) {
                agree += assigned[i] == assigned[1] ^ i % 2 == 0 ? 1 : 0;
            }
            assertThat(Math.max(agree, assigned.length - agree) / (double) assigned.length)
                    .as("rows in their group with %s missing", missing).isGreaterThan(0.98);
        }
    }

    @Test
    void aMissingCellIsIntegratedOut() throws Exception {
        var model = (DensityModel) fit(new MixedMixturePlugin(), Goal.ESTIMATE_DENSITY, twoGroups(400, 0.1, 1));
        double step = 0.001;
        double integral = 0;
        for (double v = -15; v <= 25; v += step) {
            integral += Math.exp(model.logDensity(row(v, 4.0, 1))[0]) * step;
        }
        assertThat(model.logDensity(row(Double.NaN, 4.0, 1))[0]).as("x missing")
                .isCloseTo(Math.log(integral), within(1e-6));
        double sum = 0;
        for (int c = 0; c < COLOURS.size(); c++) {
            sum += Math.exp(model.logDensity(row(7.0, 4.0, c))[0]);
        }
        assertThat(model.logDensity(row(7.0, 4.0, CategoricalColumn.MISSING))[0]).as("colour missing")
                .isCloseTo(Math.log(sum), within(1e-9));
    }

    @Test
    void theMixedMixtureImputesFromTheGroupTheKnownCellsPointTo() throws Exception {
        var model = (DensityModel) fit(new MixedMixturePlugin(), Goal.ESTIMATE_DENSITY, twoGroups(400, 0.1, 1));
        Table imputed = model.impute(row(Double.NaN, 5.2, CategoricalColumn.MISSING));
        assertThat(((NumericColumn) imputed.column("x")).value(0)).isCloseTo(8.0, within(0.3));
        assertThat(((CategoricalColumn) imputed.column("colour")).label(0)).isEqualTo("blue");
    }

    /** Two narrow modes far apart: a normal-reference rule sees one wide bump and oversmooths. */
    private static Table twoModes(int rows, long seed) {
        var random = new SplittableRandom(seed);
        double[] x = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = (i % 2 == 0 ? -10 : 10) + 0.3 * random.nextGaussian();
        }
        return new Table("two-modes", List.of(NumericColumn.of("x", x)));
    }

    private static double meanLogDensity(DensityModel model, Table rows) {
        double sum = 0;
        for (double v : model.logDensity(rows)) {
            sum += v;
        }
        return sum / rows.rowCount();
    }

    @Test
    void leaveOneOutBandwidthsBeatTheRuleOnTwoNarrowModes() throws Exception {
        var rule = (KernelDensity) fit(new KdeRulePlugin(), Goal.ESTIMATE_DENSITY, twoModes(300, 1));
        var cv = (KernelDensity) fit(new KdeCvPlugin(), Goal.ESTIMATE_DENSITY, twoModes(300, 1));
        assertThat(cv.bandwidth()[0]).isLessThan(rule.bandwidth()[0] / 3);
        Table heldOut = twoModes(300, 2);
        assertThat(meanLogDensity(cv, heldOut)).isGreaterThan(meanLogDensity(rule, heldOut) + 0.5);
    }

    @Test
    void kernelImputationIsKernelRegression() throws Exception {
        var random = new SplittableRandom(4);
        double[] a = new double[500];
        double[] b = new double[500];
        for (int i = 0; i < a.length; i++) {
            a[i] = 4 * random.nextDouble() - 2;
            b[i] = a[i] * a[i] + 0.1 * random.nextGaussian();
        }
        var train = new Table("parabola", List.of(NumericColumn.of("a", a), NumericColumn.of("b", b)));
        var model = (DensityModel) fit(new KdeCvPlugin(), Goal.ESTIMATE_DENSITY, train);
        var holes = new Table("holes", List.of(NumericColumn.of("a", new double[] {1.5, 0.0}),
                NumericColumn.of("b", new double[] {Double.NaN, Double.NaN})));
        var imputed = (NumericColumn) model.impute(holes).column("b");
        // a Gaussian (linear) model would give the mean of b for both; the kernel follows the curve
        assertThat(imputed.value(0)).isCloseTo(2.25, within(0.3));
        assertThat(imputed.value(1)).isCloseTo(0.0, within(0.3));
    }

    @Test
    void theBaselineImputesMeanAndModeAndMultipliesItsMarginals() throws Exception {
        Table train = twoGroups(400, 0.1, 1);
        var model = (DensityModel) fit(new IndependentMarginalsPlugin(), Goal.ESTIMATE_DENSITY, train);
        Table imputed = model.impute(row(Double.NaN, 5.2, CategoricalColumn.MISSING));
        double mean = java.util.Arrays.stream(((NumericColumn) train.column("x")).toArray()).filter(Double::isFinite)
                .average().orElseThrow();
        assertThat(((NumericColumn) imputed.column("x")).value(0)).isCloseTo(mean, within(1e-9));
        int[] counts = ((CategoricalColumn) train.column("colour")).counts();
        int mode = counts[0] >= counts[1] ? (counts[0] >= counts[2] ? 0 : 2) : (counts[1] >= counts[2] ? 1 : 2);
        assertThat(((CategoricalColumn) imputed.column("colour")).code(0)).isEqualTo(mode);
        double joint = model.logDensity(row(1.0, 2.0, 0))[0];
        double parts = model.logDensity(row(1.0, Double.NaN, CategoricalColumn.MISSING))[0]
                + model.logDensity(row(Double.NaN, 2.0, CategoricalColumn.MISSING))[0]
                + model.logDensity(row(Double.NaN, Double.NaN, 0))[0];
        assertThat(joint).isCloseTo(parts, within(1e-9));
    }
}
