package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.FitRequest;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.Arrays;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;

/**
 * The one place where api tables become Smile inputs: row-major {@code double[][]}, compact {@code int[]} labels,
 * {@code double[]} responses, and data frames with a formula for the models that take them.
 *
 * <p>No plugin here declares nominal features or missing data, so the framework hands over numeric, complete
 * features; they are checked all the same, so that a broken promise fails with a message rather than a NaN model.
 * Data frames name the features {@code x0, x1, ...} and the response {@code y}, whatever the columns were called,
 * so names can neither clash nor trip Smile's formula parser.
 */
final class SmileData {
    private static final String RESPONSE = "y";
    private static final Formula FORMULA = Formula.lhs(RESPONSE);

    private SmileData() {
    }

    /**
     * The training rows of a classification fit, labelled with compact codes.
     *
     * @param x one row per training example
     * @param y the compact class (an index into {@code classes.present()}) per row
     * @param classes the map between compact codes and the target's levels
     */
    record ClassTraining(double[][] x, int[] y, Classes classes) {
        int features() {
            return classes.features();
        }
    }

    /**
     * The training rows of a regression fit.
     *
     * @param x one row per training example
     * @param y the response per row
     * @param features the number of feature columns
     */
    record RegressionTraining(double[][] x, double[] y, int features) {
    }

    /**
     * The classes seen in training, in code order, and the number of declared levels. Smile wants labels
     * {@code 0..k-1}, all present; a target may declare levels that never occur, so the codes are compacted for
     * Smile and spread back over all declared levels for the answer.
     *
     * @param present the target codes that occur in training, ascending; compact code {@code j} is {@code present[j]}
     * @param levels the number of declared levels of the target
     * @param features the number of feature columns the model is fitted on
     */
    record Classes(int[] present, int levels, int features) {
        int count() {
            return present.length;
        }

        /** Spreads compact probabilities over all declared levels: non-negative, summing to one. */
        double[] expand(double[] compact) {
            double[] full = new double[levels];
            double sum = 0;
            for (int j = 0; j < present.length; j++) {
                double p = compact[j];
                double v = p > 0 && p < Double.POSITIVE_INFINITY ? p : 0.0;
                full[present[j]] = v;
                sum += v;
            }
            if (!(sum > 0)) {
                // no usable probability at all: fall back to even odds over the classes seen in training
                for (int code : present) {
                    full[code] = 1.0 / present.length;
                }
                return full;
            }
            for (int code : present) {
                full[code] = Math.min(1.0, full[code] / sum);
            }
            return full;
        }
    }

    /**
     * The features and class target of a classification request.
     *
     * @param request a request with a categorical target
     * @return the rows, compact labels and class map
     */
    static ClassTraining classification(FitRequest request) {
        requireNonNull(request, "request is null");
        double[][] x = features(request.features());
        CategoricalColumn target = request.classTarget();
        int levels = target.levels().size();
        int[] codes = target.toCodes();
        var seen = new boolean[levels];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == CategoricalColumn.MISSING) {
                throw new IllegalArgumentException("target '" + target.name() + "': row " + i
                        + " is missing; a class target must be complete");
            }
            seen[codes[i]] = true;
        }
        int[] compactOf = new int[levels];
        int[] present = new int[levels];
        int k = 0;
        for (int code = 0; code < levels; code++) {
            compactOf[code] = seen[code] ? k : -1;
            if (seen[code]) {
                present[k++] = code;
            }
        }
        int[] y = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            y[i] = compactOf[codes[i]];
        }
        return new ClassTraining(x, y, new Classes(Arrays.copyOf(present, k), levels, request.features().columnCount()));
    }

    /**
     * The features and numeric target of a regression request.
     *
     * @param request a request with a numeric target
     * @return the rows and response
     */
    static RegressionTraining regression(FitRequest request) {
        requireNonNull(request, "request is null");
        double[][] x = features(request.features());
        NumericColumn target = request.numericTarget();
        double[] y = target.toArray();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target '" + target.name() + "': row " + i + " is " + y[i]
                        + "; a regression target must be finite");
            }
        }
        return new RegressionTraining(x, y, request.features().columnCount());
    }

    /**
     * The rows of a table to predict, checked against the number of columns the model was fitted on.
     *
     * @param table the rows
     * @param expected the number of feature columns at fit time
     * @return one row array per table row
     */
    static double[][] features(Table table, int expected) {
        requireNonNull(table, "features is null");
        if (table.columnCount() != expected) {
            throw new IllegalArgumentException("the model was fitted on " + expected + " feature columns, got "
                    + table.columnCount() + ": " + table.columnNames());
        }
        return features(table);
    }

    private static double[][] features(Table table) {
        requireNonNull(table, "features is null");
        for (Column column : table.columns()) {
            if (!(column instanceof NumericColumn)) {
                throw new IllegalArgumentException("feature '" + column.name() + "' is " + column.kind()
                        + "; the Smile plugins take numeric features only (the framework encodes the others)");
            }
        }
        double[][] x = table.toMatrix();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("feature '" + table.column(j).name() + "': row " + i + " is "
                            + x[i][j] + "; the Smile plugins take complete, finite features (the framework imputes)");
                }
            }
        }
        return x;
    }

    /**
     * The formula that models the response on every feature, for frames made by {@link #frame(double[][], int[], int)}
     * and {@link #frame(double[][], double[], int)}.
     *
     * @return {@code y ~ .}
     */
    static Formula formula() {
        return FORMULA;
    }

    /**
     * A data frame of features and class labels.
     *
     * @param x the rows
     * @param y the compact label per row
     * @param features the number of feature columns
     * @return the frame, features {@code x0..}, response {@code y}
     */
    static DataFrame frame(double[][] x, int[] y, int features) {
        var columns = columns(x, features, 1);
        columns[features] = new IntVector(RESPONSE, y.clone());
        return new DataFrame(columns);
    }

    /**
     * A data frame of features and a numeric response.
     *
     * @param x the rows
     * @param y the response per row
     * @param features the number of feature columns
     * @return the frame, features {@code x0..}, response {@code y}
     */
    static DataFrame frame(double[][] x, double[] y, int features) {
        var columns = columns(x, features, 1);
        columns[features] = new DoubleVector(RESPONSE, y.clone());
        return new DataFrame(columns);
    }

    /**
     * The rows as tuples with the feature names of the training frames, for models that predict on tuples.
     *
     * @param x the rows
     * @param features the number of feature columns
     * @return one tuple per row
     */
    static Tuple[] tuples(double[][] x, int features) {
        var frame = new DataFrame(columns(x, features, 0));
        var tuples = new Tuple[x.length];
        for (int i = 0; i < x.length; i++) {
            tuples[i] = frame.get(i);
        }
        return tuples;
    }

    private static ValueVector[] columns(double[][] x, int features, int extra) {
        var columns = new ValueVector[features + extra];
        for (int j = 0; j < features; j++) {
            double[] values = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                values[i] = x[i][j];
            }
            columns[j] = new DoubleVector("x" + j, values);
        }
        return columns;
    }
}
