package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PreprocessorTest {
    private static final int M = CategoricalColumn.MISSING;
    private static final double NAN = Double.NaN;
    private static final int[] TRAIN = {0, 1, 2, 3};
    private static final int[] TEST = {4, 5};
    private static final Recipe IMPUTE_ENCODE_DROP = new Recipe(true, true, false, true);
    private static final Recipe EVERYTHING = new Recipe(true, true, true, true);

    /**
     * Rows 0-3 train, 4-5 test. {@code colour} declares red, green, blue, violet: training sees green once and blue
     * twice (never red or violet); the test has red. {@code k} is constant in training only.
     */
    private static Table table(double testX, int testColour) {
        return new Table("t", List.of(
                NumericColumn.of("x", new double[] {1, 2, NAN, 5, testX, NAN}),
                NumericColumn.of("k", new double[] {7, 7, 7, 7, 9, 7}),
                NominalColumn.of("colour", List.of("red", "green", "blue", "violet"), new int[] {1, 2, 2, M, testColour, M}),
                OrdinalColumn.of("size", List.of("s", "m", "l"), new int[] {0, 2, 1, 1, 2, M})));
    }

    private static Preprocessor.Prepared prepare(Recipe recipe, Table table) {
        return Preprocessor.prepare(recipe, table.select(TRAIN), table.select(TEST));
    }

    private static double[] values(Table table, String column) {
        return ((NumericColumn) table.column(column)).toArray();
    }

    @Test
    void imputesWithTheTrainingMeanAndModeEncodesAndDropsConstantColumns() {
        Preprocessor.Prepared prepared = prepare(IMPUTE_ENCODE_DROP, table(100, 0));
        double mean = (1 + 2 + 5) / 3.0;

        assertThat(prepared.train().columnNames()).containsExactly("x", "colour=blue", "size");
        assertThat(prepared.test().columnNames()).containsExactly("x", "colour=blue", "size");
        assertThat(prepared.train().allNumeric()).isTrue();
        assertThat(prepared.train().rowCount()).isEqualTo(4);
        assertThat(prepared.test().rowCount()).isEqualTo(2);

        assertThat(values(prepared.train(), "x")).containsExactly(new double[] {1, 2, mean, 5}, within(1e-12));
        assertThat(values(prepared.test(), "x")).containsExactly(new double[] {100, mean}, within(1e-12));

        // Mode of colour in training is blue; green, the first level seen, is the reference.
        assertThat(values(prepared.train(), "colour=blue")).containsExactly(0, 1, 1, 1);
        // Red never occurred in training: all indicators zero. The missing test cell takes the mode, blue.
        assertThat(values(prepared.test(), "colour=blue")).containsExactly(0, 1);

        // Ordinal as ranks; the mode of size in training is m (rank 1).
        assertThat(values(prepared.train(), "size")).containsExactly(0, 2, 1, 1);
        assertThat(values(prepared.test(), "size")).containsExactly(2, 1);
        assertThat(prepared.train().missingCount()).isZero();
        assertThat(prepared.test().missingCount()).isZero();
    }

    @Test
    void statisticsComeFromTheTrainingRowsOnly() {
        Preprocessor.Prepared original = prepare(EVERYTHING, table(100, 0));
        Preprocessor.Prepared changed = prepare(EVERYTHING, table(-1e6, 3));

        assertThat(changed.train().columnNames()).isEqualTo(original.train().columnNames());
        assertThat(changed.train().toMatrix()).isDeepEqualTo(original.train().toMatrix());
        // The test rows are scaled with the training mean and sd, whatever the test values.
        double mean = (1 + 2 + 5) / 3.0;
        double sd = Math.sqrt((Math.pow(1 - mean, 2) + Math.pow(2 - mean, 2) + Math.pow(5 - mean, 2)) / 2);
        assertThat(values(original.test(), "x")).containsExactly(new double[] {(100 - mean) / sd, 0}, within(1e-12));
        assertThat(values(changed.test(), "x")).containsExactly(new double[] {(-1e6 - mean) / sd, 0}, within(1e-6));
        // A test-only level (violet) adds no column.
        assertThat(changed.test().columnNames()).isEqualTo(original.test().columnNames());
        assertThat(values(changed.test(), "colour=blue")).containsExactly(0, 1);
    }

    @Test
    void scalingUsesTheTrainingMeanAndSampleSd() {
        var table = new Table("t", List.of(
                NumericColumn.of("x", new double[] {1, 2, 3, 4, 10, 6, -2}),
                NumericColumn.of("y", new double[] {5, 5, 6, 5, 5, 1000, 1000})));
        int[] train = {0, 1, 2, 3, 4};
        int[] test = {5, 6};
        var prepared = Preprocessor.prepare(new Recipe(false, false, true, true), table.select(train), table.select(test));

        double mean = 4.0;
        double sd = Math.sqrt((9 + 4 + 1 + 0 + 36) / 4.0);
        double yMean = 26.0 / 5;
        double ySd = Math.sqrt((4 * 0.2 * 0.2 + 0.8 * 0.8) / 4.0);
        for (String column : List.of("x", "y")) {
            double[] scaled = values(prepared.train(), column);
            assertThat(Arrays.stream(scaled).average().orElseThrow()).as(column).isCloseTo(0.0, within(1e-12));
            assertThat(sampleSd(scaled)).as(column).isCloseTo(1.0, within(1e-12));
        }
        assertThat(values(prepared.test(), "x")).containsExactly(new double[] {(6 - mean) / sd, (-2 - mean) / sd}, within(1e-12));
        assertThat(values(prepared.test(), "y")).containsExactly(
                new double[] {(1000 - yMean) / ySd, (1000 - yMean) / ySd}, within(1e-9));
    }

    @Test
    void scalingStandardisesOrdinalRanksButNotIndicators() {
        Preprocessor.Prepared prepared = prepare(EVERYTHING, table(100, 0));

        double[] size = values(prepared.train(), "size");
        assertThat(Arrays.stream(size).average().orElseThrow()).isCloseTo(0.0, within(1e-12));
        assertThat(sampleSd(size)).isCloseTo(1.0, within(1e-12));
        assertThat(values(prepared.train(), "colour=blue")).containsExactly(0, 1, 1, 1);
        assertThat(values(prepared.test(), "colour=blue")).containsExactly(0, 1);
    }

    @Test
    void theReferenceIsTheFirstDeclaredLevelSeenInTraining() {
        // Training rows see c, then a, then b; a is declared first and is the reference.
        var table = new Table("t", List.of(NominalColumn.of("v", List.of("a", "b", "c"), new int[] {2, 0, 1, 0, 2})));
        var prepared = Preprocessor.prepare(IMPUTE_ENCODE_DROP, table.select(new int[] {0, 1, 2, 3}), table.select(new int[] {4}));

        assertThat(prepared.train().columnNames()).containsExactly("v=b", "v=c");
        assertThat(values(prepared.train(), "v=b")).containsExactly(0, 0, 1, 0);
        assertThat(values(prepared.train(), "v=c")).containsExactly(1, 0, 0, 0);
        assertThat(values(prepared.test(), "v=c")).containsExactly(1);
    }

    @Test
    void withoutImputationMissingCellsStayMissing() {
        Preprocessor.Prepared prepared = prepare(new Recipe(false, true, false, true), table(100, 0));

        assertThat(values(prepared.train(), "x")).containsExactly(1, 2, NAN, 5);
        assertThat(values(prepared.train(), "colour=blue")).containsExactly(0, 1, 1, NAN);
        assertThat(values(prepared.test(), "size")).containsExactly(2, NAN);
    }

    @Test
    void imputationAloneKeepsCategoricalColumnsAndTheirLevels() {
        Preprocessor.Prepared prepared = prepare(new Recipe(true, false, false, false), table(100, 0));

        assertThat(prepared.train().columnNames()).containsExactly("x", "k", "colour", "size");
        var colour = (CategoricalColumn) prepared.train().column("colour");
        assertThat(colour).isInstanceOf(NominalColumn.class);
        assertThat(colour.levels()).containsExactly("red", "green", "blue", "violet");
        assertThat(colour.toCodes()).containsExactly(1, 2, 2, 2);
        var size = (CategoricalColumn) prepared.test().column("size");
        assertThat(size).isInstanceOf(OrdinalColumn.class);
        assertThat(size.toCodes()).containsExactly(2, 1);
        assertThat(values(prepared.test(), "k")).containsExactly(9, 7);
    }

    @Test
    void theEmptyRecipeReturnsTheVeryViews() {
        Table table = table(100, 0);
        Table train = table.select(TRAIN);
        Table test = table.select(TEST);

        Preprocessor.Prepared prepared = Preprocessor.prepare(Recipe.NONE, train, test);

        assertThat(prepared.train()).isSameAs(train);
        assertThat(prepared.test()).isSameAs(test);
    }

    @Test
    void preparingDoesNotChangeTheInput() {
        Table table = table(100, 0);
        String before = Arrays.deepToString(table.toMatrix());

        prepare(EVERYTHING, table);

        // Compared as text: the table holds NaN, which no numeric equality matches.
        assertThat(Arrays.deepToString(table.toMatrix())).isEqualTo(before).contains("NaN");
    }

    private static double sampleSd(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    @Test
    void columnsThatNeedNoChangeStayViewsAndAreNotCopied() {
        var table = new Table("t", List.of(
                NumericColumn.of("a", new double[] {1, 2, 3, 4, 5, 6}),
                NumericColumn.of("b", new double[] {2, 2, 2, 2, 3, 4})));
        Table train = table.select(TRAIN);
        Table test = table.select(TEST);
        var prepared = Preprocessor.prepare(new Recipe(false, false, false, true), train, test);
        assertThat(prepared.train().columnNames()).containsExactly("a");
        assertThat(prepared.train().column("a")).isSameAs(train.column("a"));
        assertThat(prepared.test().column("a")).isSameAs(test.column("a"));
    }

    @Test
    void droppingEveryColumnKeepsTheRowCount() {
        var table = new Table("t", List.of(NumericColumn.of("k", new double[] {7, 7, 7, 7, 8, 9})));
        var prepared = Preprocessor.prepare(new Recipe(false, false, false, true), table.select(TRAIN), table.select(TEST));
        assertThat(prepared.train().columnCount()).isZero();
        assertThat(prepared.train().rowCount()).isEqualTo(TRAIN.length);
        assertThat(prepared.test().rowCount()).isEqualTo(TEST.length);
    }
}
