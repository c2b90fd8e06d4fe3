package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.FitRequest;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.measure.Measure;
import smile.data.measure.NominalScale;
import smile.data.measure.OrdinalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;

/**
 * The one place where api tables become Smile inputs: row-major {@code double[][]}, compact {@code int[]} labels,
 * {@code double[]} responses, and data frames with a formula for the models that take them.
 *
 * <p>No plugin here declares missing data, so the framework hands over complete features; most plugins take numeric
 * features only, and the tree learners (decision tree, random forest, gradient boosting) also take categorical ones
 * as they are. The features are checked all the same, so that a broken promise fails with a message rather than a
 * NaN model. Data frames name the features {@code x0, x1, ...} and the response {@code y}, whatever the columns were
 * called, so names can neither clash nor trip Smile's formula parser.
 *
 * <p>Categorical features reach Smile's CART as an {@link IntVector} of level codes whose field carries the declared
 * levels: a nominal column with a {@link NominalScale}, so a split asks "is it this level?", and an ordinal column,
 * for the learners built on regression trees, with an {@link OrdinalScale}, which CART treats as ordered (every
 * measure but {@code NominalScale} is sorted and split as "code &lt;= t"). The classification trees take ordinal
 * columns by level too, for the reason below ({@link Categories}). Numeric columns stay {@link DoubleVector}s.
 *
 * <p>Why not one-hot columns: Smile 6.3's classification tree ({@code DecisionTree.findBestSplit}, ordered branch)
 * only tries a threshold where the class of a row differs from the class of the row before it in the column's
 * sorted order within the node ({@code yi != prevy}), a shortcut that is only sound without ties. A 0/1 column is
 * two runs of ties, so its single threshold is tried only if the two rows that happen to meet at the 0|1 border
 * differ in class; when they agree, the column yields no split, and {@code CART.findBestSplit} then marks it
 * unsplittable for the whole subtree. On car.arff (one-hot, 15 columns) the tree stopped at 15 nodes with training
 * accuracy 0.740, and in 3-fold cross-validation scored the constant baseline, 0.70; the same data as nominal
 * columns reach 0.93 to 0.94. The quirk also hits ordinal codes (few values, many ties): with car's features declared
 * ordinal and given as ordered, the classification tree scored 0.74 and the forest 0.78, against 0.94 and 0.93 by
 * level. The regression tree, on which gradient boosting is built for both goals, has no such check, and there the
 * order helps: boosting scored 0.96 on ordered codes against 0.94 by level.
 */
final class SmileData {
    private static final String RESPONSE = "y";
    private static final Formula FORMULA = Formula.lhs(RESPONSE);

    private SmileData() {
    }

    /** How a model takes categorical features. */
    enum Categories {
        /** Numeric features only: the framework encodes the others before they arrive. */
        NONE,
        /**
         * Nominal columns by level, ordinal columns in their order; for learners built on Smile's regression tree,
         * whose ordered split search is sound.
         */
        ORDERED,
        /**
         * Nominal and ordinal columns by level; for Smile's classification trees, whose ordered split search skips
         * thresholds between tied values (see the class comment), so an ordered column of a few levels loses most
         * of its splits.
         */
        BY_LEVEL
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

        Layout layout() {
            return classes.layout();
        }
    }

    /**
     * The training rows of a regression fit.
     *
     * @param x one row per training example
     * @param y the response per row
     * @param features the number of feature columns
     */
    record RegressionTraining(double[][] x, double[] y, int features, Layout layout) {
        RegressionTraining {
            requireNonNull(layout, "layout is null");
        }

        RegressionTraining(double[][] x, double[] y, int features) {
            this(x, y, features, Layout.numeric(features));
        }
    }

    /**
     * How one feature column reaches Smile.
     *
     * @param levels the declared levels of a categorical column; empty for a numeric column
     * @param ordered whether the model is given the levels in order (an ordinal column, for a learner that takes
     *         it {@link Categories#ORDERED})
     * @param fallback the code given to a cell whose level the model does not know: the most frequent level in
     *         training; -1 for a numeric column
     */
    record Feature(List<String> levels, boolean ordered, int fallback) {
        static final Feature NUMERIC = new Feature(List.of(), false, -1);

        Feature {
            levels = List.copyOf(levels);
        }

        boolean categorical() {
            return !levels.isEmpty();
        }

        /** The Smile field of this feature at position {@code j}. */
        StructField field(int j) {
            Measure measure = !categorical() ? null
                    : ordered ? new OrdinalScale(levels) : new NominalScale(levels);
            return new StructField("x" + j, categorical() ? DataTypes.IntType : DataTypes.DoubleType, measure);
        }
    }

    /**
     * The Smile type of every feature column a model was fitted on; prediction builds its tuples with the same one.
     *
     * @param features one per feature column, in order
     */
    record Layout(List<Feature> features) {
        Layout {
            features = List.copyOf(features);
        }

        static Layout numeric(int count) {
            return new Layout(java.util.Collections.nCopies(count, Feature.NUMERIC));
        }

        int size() {
            return features.size();
        }

        Feature get(int j) {
            return features.get(j);
        }

        boolean allNumeric() {
            return features.stream().noneMatch(Feature::categorical);
        }
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
    record Classes(int[] present, int levels, int features, Layout layout) {
        Classes {
            requireNonNull(layout, "layout is null");
            if (layout.size() != features) {
                throw new IllegalArgumentException("layout of " + layout.size() + " features for " + features);
            }
        }

        Classes(int[] present, int levels, int features) {
            this(present, levels, features, Layout.numeric(features));
        }

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
        return classification(request, Categories.NONE);
    }

    /**
     * The features and class target of a classification request, for a model that may take categorical features.
     *
     * @param request a request with a categorical target
     * @param categories how categorical features are taken (as codes in {@code x}, described by the layout); with
     *         {@link Categories#NONE}, every feature must be numeric
     * @return the rows, compact labels and class map
     */
    static ClassTraining classification(FitRequest request, Categories categories) {
        requireNonNull(request, "request is null");
        Layout layout = layout(request.features(), categories);
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
        return new ClassTraining(x, y,
                new Classes(Arrays.copyOf(present, k), levels, request.features().columnCount(), layout));
    }

    /**
     * The features and numeric target of a regression request.
     *
     * @param request a request with a numeric target
     * @return the rows and response
     */
    static RegressionTraining regression(FitRequest request) {
        return regression(request, Categories.NONE);
    }

    /**
     * The features and numeric target of a regression request, for a model that may take categorical features.
     *
     * @param request a request with a numeric target
     * @param categories how categorical features are taken
     * @return the rows and response
     */
    static RegressionTraining regression(FitRequest request, Categories categories) {
        requireNonNull(request, "request is null");
        Layout layout = layout(request.features(), categories);
        double[][] x = features(request.features());
        NumericColumn target = request.numericTarget();
        double[] y = target.toArray();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target '" + target.name() + "': row " + i + " is " + y[i]
                        + "; a regression target must be finite");
            }
        }
        return new RegressionTraining(x, y, request.features().columnCount(), layout);
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
        layout(table, Categories.NONE);
        return features(table);
    }

    /**
     * The rows of a table to predict, for a model fitted on features of the given layout. A categorical cell becomes
     * the code of its level among the levels seen at fit time, matched by name when the column declares other levels.
     * A cell the model cannot place, a level it does not declare (or a missing cell, which the framework imputes
     * before it gets here), takes the most frequent training level: the best guess a tree can follow. A declared
     * level that never occurred in training keeps its code: a nominal split sends it with the levels not asked
     * about, an ordered split by its rank.
     *
     * @param table the rows
     * @param layout the features at fit time
     * @return one row array per table row, categorical cells as codes
     */
    static double[][] features(Table table, Layout layout) {
        requireNonNull(table, "features is null");
        requireNonNull(layout, "layout is null");
        if (layout.allNumeric()) {
            return features(table, layout.size());
        }
        if (table.columnCount() != layout.size()) {
            throw new IllegalArgumentException("the model was fitted on " + layout.size() + " feature columns, got "
                    + table.columnCount() + ": " + table.columnNames());
        }
        var numeric = new ArrayList<Column>();
        for (int j = 0; j < layout.size(); j++) {
            Column column = table.column(j);
            boolean categorical = column instanceof CategoricalColumn;
            if (categorical != layout.get(j).categorical()) {
                throw new IllegalArgumentException("feature '" + column.name() + "' is " + column.kind()
                        + "; the model was fitted on a " + (categorical ? "numeric" : "categorical") + " column there");
            }
            numeric.add(categorical ? NumericColumn.of(column.name(), codes((CategoricalColumn) column,
                    layout.get(j))) : column);
        }
        return features(table.withColumns(numeric));
    }

    /** The codes of a categorical column in the training levels of a feature, as doubles. */
    private static double[] codes(CategoricalColumn column, Feature feature) {
        List<String> levels = column.levels();
        int[] map = new int[levels.size()];
        for (int code = 0; code < map.length; code++) {
            int known = levels.equals(feature.levels()) ? code : feature.levels().indexOf(levels.get(code));
            map[code] = known >= 0 ? known : feature.fallback();
        }
        double[] out = new double[column.size()];
        for (int i = 0; i < out.length; i++) {
            int code = column.code(i);
            out[i] = code == CategoricalColumn.MISSING ? feature.fallback() : map[code];
        }
        return out;
    }

    /** The layout of a training table; with {@link Categories#NONE}, every column must be numeric. */
    private static Layout layout(Table table, Categories categories) {
        requireNonNull(table, "features is null");
        boolean categorical = categories != Categories.NONE;
        var features = new ArrayList<Feature>();
        for (Column column : table.columns()) {
            switch (column) {
                case NumericColumn ignored -> features.add(Feature.NUMERIC);
                case CategoricalColumn c when categorical && !c.levels().isEmpty() -> {
                    int[] counts = c.counts();
                    int mode = 0;
                    for (int code = 1; code < counts.length; code++) {
                        mode = counts[code] > counts[mode] ? code : mode;
                    }
                    features.add(new Feature(c.levels(), c.ordered() && categories == Categories.ORDERED, mode));
                }
                default -> throw new IllegalArgumentException("feature '" + column.name() + "' is " + column.kind()
                        + (categorical ? " without levels; a categorical feature needs at least one level"
                                : "; this Smile plugin takes numeric features only (the framework encodes the others)"));
            }
        }
        return new Layout(features);
    }

    private static double[][] features(Table table) {
        requireNonNull(table, "features is null");
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
        return frame(x, y, Layout.numeric(features));
    }

    /**
     * A data frame of features of the given layout and class labels.
     *
     * @param x the rows, categorical cells as codes
     * @param y the compact label per row
     * @param layout the features
     * @return the frame, features {@code x0..}, response {@code y}
     */
    static DataFrame frame(double[][] x, int[] y, Layout layout) {
        int features = layout.size();
        var columns = columns(x, layout, 1);
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
        return frame(x, y, Layout.numeric(features));
    }

    /**
     * A data frame of features of the given layout and a numeric response.
     *
     * @param x the rows, categorical cells as codes
     * @param y the response per row
     * @param layout the features
     * @return the frame, features {@code x0..}, response {@code y}
     */
    static DataFrame frame(double[][] x, double[] y, Layout layout) {
        int features = layout.size();
        var columns = columns(x, layout, 1);
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
        return tuples(x, Layout.numeric(features));
    }

    /**
     * The rows as tuples with the schema of the training frames, for models that predict on tuples.
     *
     * @param x the rows, categorical cells as codes
     * @param layout the features at fit time
     * @return one tuple per row
     */
    static Tuple[] tuples(double[][] x, Layout layout) {
        var frame = new DataFrame(columns(x, layout, 0));
        var tuples = new Tuple[x.length];
        for (int i = 0; i < x.length; i++) {
            tuples[i] = frame.get(i);
        }
        return tuples;
    }

    private static ValueVector[] columns(double[][] x, Layout layout, int extra) {
        int features = layout.size();
        var columns = new ValueVector[features + extra];
        for (int j = 0; j < features; j++) {
            Feature feature = layout.get(j);
            if (feature.categorical()) {
                int[] codes = new int[x.length];
                for (int i = 0; i < x.length; i++) {
                    codes[i] = (int) x[i][j];
                }
                columns[j] = new IntVector(feature.field(j), codes);
            } else {
                double[] values = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    values[i] = x[i][j];
                }
                columns[j] = new DoubleVector("x" + j, values);
            }
        }
        return columns;
    }
}
