package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Naive Bayes that integrates a missing cell out against the same model fitted and applied on mean/mode-imputed
 * data: with 30 % of the cells removed at random, the marginalising model should lose less accuracy.
 */
final class MissingCellsTest {
    private static final double REMOVED = 0.30;
    private static final int SEEDS = 5;
    private static final MixedNaiveBayesPlugin MIXED = new MixedNaiveBayesPlugin();

    @Test
    void marginalisingLosesLessAccuracyThanImputingOnTheVotes() throws Exception {
        Table votes = Arff.read("vote.arff");
        // the complete rows only, so that the reference accuracy has nothing missing
        int[] complete = IntStream.range(0, votes.rowCount())
                .filter(i -> votes.columns().stream().noneMatch(c -> c.isMissing(i))).toArray();
        Table data = votes.select(complete);
        assertThat(data.rowCount()).isEqualTo(232);
        double[] drops = drops(data, "Class");
        assertThat(drops[0]).as("mean accuracy drop of the marginalising model (imputing: %s)", drops[1])
                .isLessThan(drops[1]);
    }

    @Test
    void marginalisingLosesLessAccuracyThanImputingOnGaussianClasses() throws Exception {
        double[] drops = drops(gaussians(600, 17), "class");
        assertThat(drops[0]).as("mean accuracy drop of the marginalising model (imputing: %s)", drops[1])
                .isLessThan(drops[1] - 0.01);
    }

    @Test
    void aMissingCellGivesTheAnswerOfTheModelWithoutThatFeature() throws Exception {
        Table data = gaussians(300, 3);
        Table features = data.without("class");
        var full = (Classifier) MIXED.fit(request(data, "class"));
        var withoutX1 = (Classifier) MIXED.fit(request(data.without("x1"), "class"));
        double[] x1 = ((NumericColumn) features.column("x1")).toArray();
        x1[0] = Double.NaN;
        Table blanked = features.withColumns(List.of(features.column("x0"), NumericColumn.of("x1", x1),
                features.column("x2"), features.column("colour")));
        double[] marginal = full.predict(blanked.select(new int[] {0})).probabilities()[0];
        double[] reduced = withoutX1.predict(features.without("x1").select(new int[] {0})).probabilities()[0];
        for (int k = 0; k < marginal.length; k++) {
            assertThat(marginal[k]).as("class %d", k).isCloseTo(reduced[k], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /** Mean accuracy drop over seeds: {marginalising, imputing}. */
    private static double[] drops(Table data, String target) throws Exception {
        double marginalising = 0;
        double imputing = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            var random = new SplittableRandom(seed);
            int[] order = shuffled(data.rowCount(), random);
            int cut = data.rowCount() * 2 / 3;
            Table train = data.select(java.util.Arrays.copyOfRange(order, 0, cut));
            Table test = data.select(java.util.Arrays.copyOfRange(order, cut, order.length));
            double reference = accuracy(train, test, target);
            Table trainHoles = blank(train, target, random);
            Table testHoles = blank(test, target, random);
            double kept = accuracy(trainHoles, testHoles, target);
            double imputed = accuracy(impute(trainHoles, trainHoles, target), impute(testHoles, trainHoles, target), target);
            System.out.printf("%s seed %d: complete %.3f, 30%% removed and marginalised %.3f, imputed %.3f%n",
                    data.name(), seed, reference, kept, imputed);
            marginalising += (reference - kept) / SEEDS;
            imputing += (reference - imputed) / SEEDS;
        }
        return new double[] {marginalising, imputing};
    }

    private static FitRequest request(Table train, String target) {
        return new FitRequest(Goal.CLASSIFY, train.without(target), Optional.of(train.column(target)),
                MIXED.parameters().defaults(), 1);
    }

    private static double accuracy(Table train, Table test, String target) throws Exception {
        ModelPlugin plugin = MIXED;
        var model = (Classifier) plugin.fit(request(train, target));
        int[] labels = model.predict(test.without(target)).labels();
        var truth = (CategoricalColumn) test.column(target);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == truth.code(i)) {
                correct++;
            }
        }
        return correct / (double) labels.length;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Removes each feature cell with probability {@link #REMOVED}. */
    private static Table blank(Table table, String target, SplittableRandom random) {
        var columns = new ArrayList<Column>();
        for (Column column : table.columns()) {
            if (column.name().equals(target)) {
                columns.add(column);
                continue;
            }
            switch (column) {
                case NumericColumn numeric -> {
                    double[] v = numeric.toArray();
                    for (int i = 0; i < v.length; i++) {
                        if (random.nextDouble() < REMOVED) {
                            v[i] = Double.NaN;
                        }
                    }
                    columns.add(numeric.withValues(v));
                }
                case CategoricalColumn categorical -> {
                    int[] codes = categorical.toCodes();
                    for (int i = 0; i < codes.length; i++) {
                        if (random.nextDouble() < REMOVED) {
                            codes[i] = CategoricalColumn.MISSING;
                        }
                    }
                    columns.add(categorical.withCodes(codes));
                }
            }
        }
        return table.withColumns(columns);
    }

    /** Fills missing cells of {@code table} with the mean (numeric) or mode (categorical) of {@code fitted}. */
    private static Table impute(Table table, Table fitted, String target) {
        var columns = new ArrayList<Column>();
        for (Column column : table.columns()) {
            Column source = fitted.column(column.name());
            if (column.name().equals(target)) {
                columns.add(column);
                continue;
            }
            switch (column) {
                case NumericColumn numeric -> {
                    double mean = java.util.Arrays.stream(((NumericColumn) source).toArray())
                            .filter(v -> !Double.isNaN(v)).average().orElse(0);
                    double[] v = numeric.toArray();
                    for (int i = 0; i < v.length; i++) {
                        if (Double.isNaN(v[i])) {
                            v[i] = mean;
                        }
                    }
                    columns.add(numeric.withValues(v));
                }
                case CategoricalColumn categorical -> {
                    int[] counts = ((CategoricalColumn) source).counts();
                    int mode = 0;
                    for (int k = 1; k < counts.length; k++) {
                        if (counts[k] > counts[mode]) {
                            mode = k;
                        }
                    }
                    int[] codes = categorical.toCodes();
                    for (int i = 0; i < codes.length; i++) {
                        if (codes[i] == CategoricalColumn.MISSING) {
                            codes[i] = mode;
                        }
                    }
                    columns.add(categorical.withCodes(codes));
                }
            }
        }
        return table.withColumns(columns);
    }

    /**
     * Three classes with their own means and spreads over three numeric features, and a nominal feature that
     * follows the class 60 % of the time.
     */
    static Table gaussians(int rows, long seed) {
        double[][] centre = {{0, 0, 0}, {2.5, 1, -1}, {1, 3, 1.5}};
        double[] spread = {0.7, 1.5, 1.0};
        var random = new SplittableRandom(seed);
        double[][] x = new double[3][rows];
        int[] colour = new int[rows];
        int[] label = new int[rows];
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(3);
            label[i] = k;
            for (int j = 0; j < 3; j++) {
                x[j][i] = centre[k][j] + spread[k] * random.nextGaussian();
            }
            colour[i] = random.nextDouble() < 0.6 ? k : random.nextInt(3);
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < 3; j++) {
            columns.add(NumericColumn.of("x" + j, x[j]));
        }
        columns.add(NominalColumn.of("colour", List.of("red", "green", "blue"), colour));
        columns.add(NominalColumn.of("class", List.of("a", "b", "c"), label));
        return new Table("gaussians", columns);
    }
}
