package io.modelscout.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicNode;

/**
 * The contract checks of the goals {@link Goal#CLUSTER}, {@link Goal#DETECT_ANOMALIES} and
 * {@link Goal#ESTIMATE_DENSITY}, called by {@link PluginContract}.
 *
 * <p>The data are three well separated round groups over two numeric columns ({@link #groups}); a test row far from
 * all of them is planted after the held-out rows. A clusterer must find the groups (adjusted Rand index), a detector
 * must score the planted row highest, a density model must give it the lowest density and must integrate to one over
 * a single numeric column (by quadrature) and over a single nominal column (by summation). Imputation keeps known
 * cells and fills every missing one; draws and samples follow their seed; the same seed gives the same model.
 * Nominal columns and missing cells are given only to plugins that declare they take them.
 */
final class UnsupervisedContract {
    private static final long SEED = 20261125L;
    private static final int ROWS = 240;
    private static final int TRAIN = 180;
    private static final double[][] CENTRES = {{0, 0}, {6, 0}, {3, 5}};
    private static final double SPREAD = 0.7;
    private static final double[] FAR = {30, -30};

    private UnsupervisedContract() {
    }

    static List<DynamicNode> tests(ModelPlugin plugin, Goal goal) {
        var caps = plugin.capabilities();
        boolean nominal = caps.contains(Capability.NOMINAL_FEATURES);
        boolean missing = caps.contains(Capability.HANDLES_MISSING_DATA);
        var tests = new ArrayList<DynamicNode>();
        tests.add(dynamicTest(goal.id() + ": numeric data", () -> check(plugin, goal, false, false)));
        if (nominal) {
            tests.add(dynamicTest(goal.id() + ": nominal features", () -> check(plugin, goal, true, false)));
        }
        if (missing) {
            tests.add(dynamicTest(goal.id() + ": missing cells", () -> check(plugin, goal, nominal, true)));
        }
        tests.add(dynamicTest(goal.id() + ": same seed, same model", () -> checkDeterminism(plugin, goal)));
        if (goal == Goal.ESTIMATE_DENSITY) {
            tests.add(dynamicTest(goal.id() + ": integrates to one over a numeric column",
                    () -> checkNumericIntegral(plugin)));
            if (nominal) {
                tests.add(dynamicTest(goal.id() + ": sums to one over a nominal column",
                        () -> checkNominalSum(plugin)));
            }
            tests.add(dynamicTest(goal.id() + ": imputation", () -> checkImputation(plugin, nominal, false)));
            if (missing) {
                tests.add(dynamicTest(goal.id() + ": imputation after fitting on missing cells",
                        () -> checkImputation(plugin, nominal, true)));
            }
            if (caps.contains(Capability.SAMPLES_NEW_DATA)) {
                tests.add(dynamicTest(goal.id() + ": sampling", () -> checkSampling(plugin, nominal)));
            }
        }
        return tests;
    }

    /**
     * Three round groups of {@value #ROWS} rows in turn, centred at {@link #CENTRES}, columns {@code x1, x2}; with a
     * nominal column {@code colour} that follows the group four times in five and declares a level that never occurs;
     * with about 5 % of {@code x1} (and of {@code colour}) blanked.
     */
    static Table groups(boolean nominal, boolean missing, long seed) {
        var random = new SplittableRandom(seed);
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        int[] colour = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            int k = i % 3;
            x1[i] = CENTRES[k][0] + SPREAD * random.nextGaussian();
            x2[i] = CENTRES[k][1] + SPREAD * random.nextGaussian();
            colour[i] = random.nextDouble() < 0.8 ? k : random.nextInt(3);
            if (missing && random.nextDouble() < 0.05) {
                x1[i] = Double.NaN;
            }
            if (missing && nominal && random.nextDouble() < 0.05) {
                colour[i] = CategoricalColumn.MISSING;
            }
        }
        var columns = new ArrayList<Column>();
        columns.add(NumericColumn.of("x1", x1));
        columns.add(NumericColumn.of("x2", x2));
        if (nominal) {
            columns.add(NominalColumn.of("colour", List.of("red", "green", "blue", "grey"), colour));
        }
        return new Table("contract-groups", columns);
    }

    private static Table train(Table all) {
        return all.select(ContractData.range(0, TRAIN));
    }

    /** The held-out rows, then one row far from every group (last). */
    private static Table testWithOutlier(Table all) {
        Table test = all.select(ContractData.range(TRAIN, ROWS));
        var columns = new ArrayList<Column>();
        for (Column column : test.columns()) {
            switch (column) {
                case NumericColumn numeric -> {
                    double[] values = java.util.Arrays.copyOf(numeric.toArray(), test.rowCount() + 1);
                    values[test.rowCount()] = FAR[column.name().equals("x1") ? 0 : 1];
                    columns.add(NumericColumn.of(column.name(), values));
                }
                case CategoricalColumn categorical -> {
                    int[] codes = java.util.Arrays.copyOf(categorical.toCodes(), test.rowCount() + 1);
                    codes[test.rowCount()] = 0;
                    columns.add(NominalColumn.of(column.name(), categorical.levels(), codes));
                }
            }
        }
        return new Table(test.name(), columns);
    }

    private static int[] truth(int from, int to) {
        int[] groups = new int[to - from];
        for (int i = from; i < to; i++) {
            groups[i - from] = i % 3;
        }
        return groups;
    }

    private static FittedModel fit(ModelPlugin plugin, Goal goal, Table train, long seed) throws Exception {
        return plugin.fit(new FitRequest(goal, train, Optional.empty(), plugin.parameters().defaults(), seed));
    }

    private static void check(ModelPlugin plugin, Goal goal, boolean nominal, boolean missing) throws Exception {
        Table all = groups(nominal, missing, SEED);
        Table train = train(all);
        Table test = testWithOutlier(all);
        int held = ROWS - TRAIN;
        boolean baseline = plugin.capabilities().contains(Capability.BASELINE);
        FittedModel model = fit(plugin, goal, train, SEED);
        assertThat(model.summary()).as("%s summary", plugin.id()).isNotNull();
        switch (goal) {
            case CLUSTER -> {
                assertThat(model).as("%s returns a clusterer", plugin.id()).isInstanceOf(Clusterer.class);
                var clusterer = (Clusterer) model;
                int k = clusterer.clusterCount();
                assertThat(k).as("%s cluster count", plugin.id()).isPositive();
                Table heldOut = all.select(ContractData.range(TRAIN, ROWS));
                int[] assigned = clusterer.assign(heldOut);
                assertThat(assigned).as("assigned rows").hasSize(held);
                int noise = 0;
                for (int i = 0; i < assigned.length; i++) {
                    assertThat(assigned[i]).as("cluster of row %d", i).isBetween(-1, k - 1);
                    noise += assigned[i] == -1 ? 1 : 0;
                }
                assertThat(noise).as("%s calls every row noise", plugin.id()).isLessThan(held);
                if (!baseline) {
                    assertThat(adjustedRand(assigned, truth(TRAIN, ROWS)))
                            .as("%s adjusted Rand index on three well separated groups", plugin.id())
                            .isGreaterThan(0.6);
                }
                int[] single = clusterer.assign(heldOut.select(new int[] {5}));
                assertThat(single).as("a row alone gets its batch cluster").containsExactly(assigned[5]);
                if (plugin.capabilities().contains(Capability.PROBABILISTIC)) {
                    double[] logDensity = clusterer.logDensity(heldOut);
                    assertThat(logDensity).as("log-densities").hasSize(held);
                    assertFinite(logDensity, plugin.id() + " cluster log-density");
                }
                var choice = clusterer.countChoice();
                assertThat(choice).isNotNull();
                if (!choice.criterion().isEmpty()) {
                    assertThat(choice.values()).as("%s values of %s", plugin.id(), choice.criterion()).isNotEmpty();
                    choice.values().values().forEach(v -> assertThat(Double.isNaN(v)).as("criterion value").isFalse());
                }
            }
            case DETECT_ANOMALIES -> {
                assertThat(model).as("%s returns an anomaly detector", plugin.id()).isInstanceOf(AnomalyDetector.class);
                var detector = (AnomalyDetector) model;
                double[] scores = detector.score(test);
                assertThat(scores).as("scored rows").hasSize(held + 1);
                assertFinite(scores, plugin.id() + " anomaly score");
                if (!baseline) {
                    for (int i = 0; i < held; i++) {
                        assertThat(scores[held]).as("%s: the far row scores higher (more anomalous) than row %d",
                                plugin.id(), i).isGreaterThan(scores[i]);
                    }
                }
                double[] single = detector.score(test.select(new int[] {5}));
                assertThat(single[0]).as("a row alone gets its batch score")
                        .isCloseTo(scores[5], Offset.offset(1e-9 * (1 + Math.abs(scores[5]))));
            }
            case ESTIMATE_DENSITY -> {
                assertThat(model).as("%s returns a density model", plugin.id()).isInstanceOf(DensityModel.class);
                var density = (DensityModel) model;
                double[] logDensity = density.logDensity(test);
                assertThat(logDensity).as("log-densities").hasSize(held + 1);
                assertFinite(logDensity, plugin.id() + " log-density");
                for (int i = 0; i < held; i++) {
                    assertThat(logDensity[held]).as("%s: the far row has a lower density than row %d",
                            plugin.id(), i).isLessThan(logDensity[i]);
                }
                double[] single = density.logDensity(test.select(new int[] {5}));
                assertThat(single[0]).as("a row alone gets its batch log-density")
                        .isCloseTo(logDensity[5], Offset.offset(1e-9 * (1 + Math.abs(logDensity[5]))));
            }
            default -> throw new IllegalArgumentException("not an unsupervised goal: " + goal);
        }
    }

    private static void checkDeterminism(ModelPlugin plugin, Goal goal) throws Exception {
        Table all = groups(false, false, SEED);
        Table train = train(all);
        Table test = testWithOutlier(all);
        FittedModel first = fit(plugin, goal, train, 7);
        FittedModel second = fit(plugin, goal, train, 7);
        switch (goal) {
            case CLUSTER -> assertThat(((Clusterer) second).assign(test)).as("%s: same seed, same clusters", plugin.id())
                    .containsExactly(((Clusterer) first).assign(test));
            case DETECT_ANOMALIES -> assertThat(((AnomalyDetector) second).score(test))
                    .as("%s: same seed, same scores", plugin.id()).containsExactly(((AnomalyDetector) first).score(test));
            case ESTIMATE_DENSITY -> assertThat(((DensityModel) second).logDensity(test))
                    .as("%s: same seed, same log-densities", plugin.id())
                    .containsExactly(((DensityModel) first).logDensity(test));
            default -> throw new IllegalArgumentException("not an unsupervised goal: " + goal);
        }
    }

    /** Fitted on one numeric column, the density integrates to one (trapezoidal rule far beyond the data). */
    private static void checkNumericIntegral(ModelPlugin plugin) throws Exception {
        Table train = train(groups(false, false, SEED));
        var x1 = (NumericColumn) train.column("x1");
        Table oneColumn = new Table("x1 alone", List.of(x1));
        var model = (DensityModel) fit(plugin, Goal.ESTIMATE_DENSITY, oneColumn, SEED);
        double[] values = x1.toArray();
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        double lo = min - 10;
        double hi = max + 10;
        int points = 6001;
        double step = (hi - lo) / (points - 1);
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = lo + i * step;
        }
        double[] logDensity = model.logDensity(new Table("grid", List.of(NumericColumn.of("x1", grid))));
        double integral = 0;
        for (int i = 0; i < points; i++) {
            double weight = i == 0 || i == points - 1 ? 0.5 : 1.0;
            integral += weight * Math.exp(logDensity[i]) * step;
        }
        assertThat(integral).as("%s: integral of the density over x1", plugin.id()).isCloseTo(1.0, Offset.offset(0.02));
    }

    /** Fitted on one nominal column, the probabilities of all declared levels (one never seen) sum to one. */
    private static void checkNominalSum(ModelPlugin plugin) throws Exception {
        Table train = train(groups(true, false, SEED));
        var colour = (CategoricalColumn) train.column("colour");
        var model = (DensityModel) fit(plugin, Goal.ESTIMATE_DENSITY, new Table("colour alone", List.of(colour)), SEED);
        int levels = colour.levels().size();
        int[] codes = new int[levels];
        for (int c = 0; c < levels; c++) {
            codes[c] = c;
        }
        double[] logDensity = model.logDensity(new Table("levels",
                List.of(NominalColumn.of("colour", colour.levels(), codes))));
        double sum = 0;
        for (double v : logDensity) {
            assertThat(Double.isFinite(v)).as("%s: log-probability of a level is finite", plugin.id()).isTrue();
            sum += Math.exp(v);
        }
        assertThat(sum).as("%s: probabilities of the levels of colour", plugin.id()).isCloseTo(1.0, Offset.offset(1e-6));
    }

    /** Held-out rows with cells blanked in a fixed pattern, some rows wholly blank. */
    private static Table blanked(Table rows) {
        var columns = new ArrayList<Column>();
        for (int j = 0; j < rows.columnCount(); j++) {
            Column column = rows.column(j);
            int col = j;
            java.util.function.IntPredicate blank = i -> i % 12 == 3 || i % 4 == col;
            switch (column) {
                case NumericColumn numeric -> {
                    double[] values = numeric.toArray();
                    for (int i = 0; i < values.length; i++) {
                        if (blank.test(i)) {
                            values[i] = Double.NaN;
                        }
                    }
                    columns.add(numeric.withValues(values));
                }
                case CategoricalColumn categorical -> {
                    int[] codes = categorical.toCodes();
                    for (int i = 0; i < codes.length; i++) {
                        if (blank.test(i)) {
                            codes[i] = CategoricalColumn.MISSING;
                        }
                    }
                    columns.add(categorical.withCodes(codes));
                }
            }
        }
        return rows.withColumns(columns);
    }

    private static void checkImputation(ModelPlugin plugin, boolean nominal, boolean missing) throws Exception {
        Table all = groups(nominal, missing, SEED);
        Table train = train(all);
        Table holes = blanked(all.select(ContractData.range(TRAIN, ROWS)));
        var model = (DensityModel) fit(plugin, Goal.ESTIMATE_DENSITY, train, SEED);
        Table imputed = model.impute(holes);
        checkCompleted(plugin, "impute", train, holes, imputed, 1);
        Table draw = model.imputeDraw(holes, 5);
        checkCompleted(plugin, "imputeDraw", train, holes, draw, 6);
        assertThat(model.imputeDraw(holes, 5).toMatrix()).as("%s: same seed, same imputation draw", plugin.id())
                .isDeepEqualTo(draw.toMatrix());
        assertThatCode(() -> model.logDensity(holes)).as("%s: log-density of rows with missing cells", plugin.id())
                .doesNotThrowAnyException();
    }

    /** Checks a completed table: known cells kept, no cell missing, filled cells within {@code spreads} standard deviations of the training range. */
    private static void checkCompleted(ModelPlugin plugin, String how, Table train, Table holes, Table completed,
                                       double spreads) {
        assertThat(completed.columnNames()).as("%s %s: columns", plugin.id(), how).isEqualTo(holes.columnNames());
        assertThat(completed.rowCount()).as("%s %s: rows", plugin.id(), how).isEqualTo(holes.rowCount());
        assertThat(completed.missingCount()).as("%s %s: missing cells left", plugin.id(), how).isZero();
        for (int j = 0; j < holes.columnCount(); j++) {
            Column before = holes.column(j);
            Column after = completed.column(j);
            for (int i = 0; i < holes.rowCount(); i++) {
                switch (before) {
                    case NumericColumn numeric -> {
                        double value = ((NumericColumn) after).value(i);
                        if (!numeric.isMissing(i)) {
                            assertThat(value).as("%s %s: known cell %s of row %d", plugin.id(), how, before.name(), i)
                                    .isEqualTo(numeric.value(i));
                        } else {
                            double[] known = ((NumericColumn) train.column(j)).toArray();
                            double lo = java.util.Arrays.stream(known).filter(Double::isFinite).min().orElseThrow();
                            double hi = java.util.Arrays.stream(known).filter(Double::isFinite).max().orElseThrow();
                            double[] finite = java.util.Arrays.stream(known).filter(Double::isFinite).toArray();
                            double m = mean(finite);
                            double sd = Math.sqrt(java.util.Arrays.stream(finite).map(v -> (v - m) * (v - m)).sum()
                                    / finite.length);
                            assertThat(value).as("%s %s: filled cell %s of row %d near the training range",
                                    plugin.id(), how, before.name(), i).isBetween(lo - spreads * sd, hi + spreads * sd);
                        }
                    }
                    case CategoricalColumn categorical -> {
                        int code = ((CategoricalColumn) after).code(i);
                        assertThat(code).as("filled level").isBetween(0, categorical.levels().size() - 1);
                        if (!categorical.isMissing(i)) {
                            assertThat(code).as("%s %s: known cell %s of row %d", plugin.id(), how, before.name(), i)
                                    .isEqualTo(categorical.code(i));
                        }
                    }
                }
            }
        }
    }

    private static void checkSampling(ModelPlugin plugin, boolean nominal) throws Exception {
        Table train = train(groups(nominal, false, SEED));
        var model = (DensityModel) fit(plugin, Goal.ESTIMATE_DENSITY, train, SEED);
        Table sample = model.sample(300, 9);
        assertThat(sample.columnNames()).as("%s sample columns", plugin.id()).isEqualTo(train.columnNames());
        assertThat(sample.rowCount()).as("%s sample rows", plugin.id()).isEqualTo(300);
        assertThat(sample.missingCount()).as("%s sample missing cells", plugin.id()).isZero();
        assertThat(model.sample(300, 9).toMatrix()).as("%s: same seed, same sample", plugin.id())
                .isDeepEqualTo(sample.toMatrix());
        for (String name : List.of("x1", "x2")) {
            double trainMean = mean(((NumericColumn) train.column(name)).toArray());
            double sampleMean = mean(((NumericColumn) sample.column(name)).toArray());
            assertThat(sampleMean).as("%s: sample mean of %s", plugin.id(), name)
                    .isCloseTo(trainMean, Offset.offset(0.6));
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void assertFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.isFinite(values[i])).as("%s of row %d is finite (got %s)", what, i, values[i]).isTrue();
        }
    }

    /** The adjusted Rand index of two partitions; noise (-1) counts as a cluster of its own. */
    static double adjustedRand(int[] a, int[] b) {
        var pairs = new java.util.HashMap<Long, Integer>();
        var rows = new java.util.HashMap<Integer, Integer>();
        var cols = new java.util.HashMap<Integer, Integer>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double index = pairs.values().stream().mapToDouble(UnsupervisedContract::choose2).sum();
        double sumA = rows.values().stream().mapToDouble(UnsupervisedContract::choose2).sum();
        double sumB = cols.values().stream().mapToDouble(UnsupervisedContract::choose2).sum();
        double expected = sumA * sumB / choose2(a.length);
        double maximum = 0.5 * (sumA + sumB);
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }

    private static double choose2(int n) {
        return n * (n - 1) / 2.0;
    }
}
