package io.modelscout.selector.eval;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link Recipe} to one fold: every statistic (means, modes, levels, scales) comes from the training rows
 * and is then applied unchanged to the test rows, so no test value leaks into training.
 */
public final class Preprocessor {
    private Preprocessor() {
    }

    /**
     * The prepared training and test features of one fold.
     *
     * @param train training features
     * @param test test features with the same columns
     */
    public record Prepared(Table train, Table test) {
    }

    /**
     * Prepares one fold.
     *
     * @param recipe what to do
     * @param train the training features (a row view)
     * @param test the test features (a row view)
     * @return the prepared pair; the views themselves when the recipe does nothing
     */
    public static Prepared prepare(Recipe recipe, Table train, Table test) {
        if (!recipe.any()) {
            return new Prepared(train, test);
        }
        var trainColumns = new ArrayList<Column>();
        var testColumns = new ArrayList<Column>();
        for (int j = 0; j < train.columnCount(); j++) {
            Column trainColumn = train.column(j);
            Column testColumn = test.column(j);
            switch (trainColumn) {
                case NumericColumn numeric -> numeric(recipe, numeric, (NumericColumn) testColumn, trainColumns, testColumns);
                case CategoricalColumn categorical -> categorical(recipe, categorical, (CategoricalColumn) testColumn,
                        trainColumns, testColumns);
            }
        }
        return new Prepared(train.withColumns(trainColumns), test.withColumns(testColumns));
    }

    private static void numeric(Recipe recipe, NumericColumn train, NumericColumn test, List<Column> trainOut,
                                List<Column> testOut) {
        boolean fill = recipe.impute() && (train.missingCount() > 0 || test.missingCount() > 0);
        if (!fill && !recipe.scale()) {
            // Nothing changes the values: keep the row views, copy nothing.
            if (!(recipe.dropConstant() && constant(train))) {
                trainOut.add(train);
                testOut.add(test);
            }
            return;
        }
        numericValues(recipe, train.name(), train.toArray(), test.toArray(), trainOut, testOut);
    }

    private static boolean constant(NumericColumn column) {
        double first = Double.NaN;
        for (int i = 0; i < column.size(); i++) {
            double v = column.value(i);
            if (!Double.isNaN(v)) {
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Imputes, drops when constant, and scales one numeric column given as arrays (already copied). */
    private static void numericValues(Recipe recipe, String name, double[] train, double[] test, List<Column> trainOut,
                                      List<Column> testOut) {
        double sum = 0;
        int present = 0;
        for (double v : train) {
            if (!Double.isNaN(v)) {
                sum += v;
                present++;
            }
        }
        double mean = present == 0 ? 0.0 : sum / present;
        if (recipe.impute()) {
            fill(train, mean);
            fill(test, mean);
        }
        double ss = 0;
        double first = Double.NaN;
        boolean constant = true;
        for (double v : train) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    constant = false;
                }
            }
        }
        if (recipe.dropConstant() && constant) {
            return;
        }
        if (recipe.scale()) {
            double sd = present > 1 ? Math.sqrt(ss / (present - 1)) : 0.0;
            double scale = sd > 0 ? sd : 1.0;
            for (int i = 0; i < train.length; i++) {
                train[i] = (train[i] - mean) / scale;
            }
            for (int i = 0; i < test.length; i++) {
                test[i] = (test[i] - mean) / scale;
            }
        }
        trainOut.add(NumericColumn.of(name, train));
        testOut.add(NumericColumn.of(name, test));
    }

    private static void fill(double[] values, double with) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = with;
            }
        }
    }

    private static void categorical(Recipe recipe, CategoricalColumn train, CategoricalColumn test,
                                    List<Column> trainOut, List<Column> testOut) {
        int[] counts = train.counts();
        int mode = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[mode]) {
                mode = k;
            }
        }
        boolean fill = recipe.impute() && (train.missingCount() > 0 || test.missingCount() > 0);
        if (!fill && !recipe.encode()) {
            trainOut.add(train);
            testOut.add(test);
            return;
        }
        int[] trainCodes = train.toCodes();
        int[] testCodes = test.toCodes();
        if (recipe.impute()) {
            fillCodes(trainCodes, mode);
            fillCodes(testCodes, mode);
        }
        if (!recipe.encode()) {
            trainOut.add(train.withCodes(trainCodes));
            testOut.add(test.withCodes(testCodes));
            return;
        }
        if (train.ordered()) {
            numericValues(recipe, train.name(), ranks(trainCodes), ranks(testCodes), trainOut, testOut);
            return;
        }
        // Indicators for the levels seen in training, the first of them the reference: an unseen level is all zeros.
        int reference = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                if (reference < 0) {
                    reference = k;
                } else {
                    trainOut.add(NumericColumn.of(train.name() + "=" + train.levels().get(k), indicator(trainCodes, k)));
                    testOut.add(NumericColumn.of(train.name() + "=" + train.levels().get(k), indicator(testCodes, k)));
                }
            }
        }
    }

    private static void fillCodes(int[] codes, int with) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == CategoricalColumn.MISSING) {
                codes[i] = with;
            }
        }
    }

    private static double[] ranks(int[] codes) {
        double[] out = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] == CategoricalColumn.MISSING ? Double.NaN : codes[i];
        }
        return out;
    }

    private static double[] indicator(int[] codes, int level) {
        double[] out = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] == CategoricalColumn.MISSING ? Double.NaN : (codes[i] == level ? 1.0 : 0.0);
        }
        return out;
    }
}
