package io.modelscout.plugins.weka;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The one place where a ModelScout table becomes Weka {@link Instances}. Numeric columns become numeric
 * attributes, nominal and ordinal columns nominal attributes holding every declared level in declaration order,
 * missing cells Weka's missing value; the target is the last attribute and the class.
 *
 * <p>The header (attributes, no rows) is built once from the training data; rows to predict are laid out on the
 * same header, so a level keeps its attribute index even if it never occurred in training.
 */
final class WekaData {
    private static final int UNKNOWN_LEVEL = -2;

    private final Instances header;
    private final List<Column> fittedColumns;
    private final int classCount;

    private WekaData(Instances header, List<Column> fittedColumns, int classCount) {
        this.header = header;
        this.fittedColumns = fittedColumns;
        this.classCount = classCount;
    }

    /**
     * The header of the given training data.
     *
     * @param features the feature columns
     * @param target the target column: categorical for classification, numeric for regression
     * @return the converter, holding the header
     */
    static WekaData of(Table features, Column target) {
        requireNonNull(features, "features is null");
        requireNonNull(target, "target is null");
        var attributes = new ArrayList<Attribute>(features.columnCount() + 1);
        for (Column column : features.columns()) {
            attributes.add(attribute(column));
        }
        attributes.add(attribute(target));
        var header = new Instances(features.name(), attributes, 0);
        header.setClassIndex(attributes.size() - 1);
        int classes = target instanceof CategoricalColumn categorical ? categorical.levels().size() : 0;
        return new WekaData(header, List.copyOf(features.columns()), classes);
    }

    /**
     * The header of training data without a target, for the clusterers: the feature columns only, no class.
     *
     * @param features the feature columns
     * @return the converter, holding the header
     */
    static WekaData unsupervised(Table features) {
        requireNonNull(features, "features is null");
        var attributes = new ArrayList<Attribute>(features.columnCount());
        for (Column column : features.columns()) {
            attributes.add(attribute(column));
        }
        return new WekaData(new Instances(features.name(), attributes, 0), List.copyOf(features.columns()), 0);
    }

    private static Attribute attribute(Column column) {
        return switch (column) {
            case NumericColumn numeric -> new Attribute(numeric.name());
            case CategoricalColumn categorical -> new Attribute(categorical.name(), new ArrayList<>(categorical.levels()));
        };
    }

    /**
     * The number of declared target levels.
     *
     * @return the class count; 0 for a numeric target
     */
    int classCount() {
        return classCount;
    }

    /**
     * The training rows with their target.
     *
     * @param features the feature columns the header was built from
     * @param target the target column
     * @return the instances, class last
     */
    Instances training(Table features, Column target) {
        if (target.size() != features.rowCount()) {
            throw new IllegalArgumentException("target has " + target.size() + " rows, features " + features.rowCount());
        }
        return rows(features, target);
    }

    /**
     * Rows to predict, laid out on the training header, the class missing.
     *
     * @param features rows with the columns the model was fitted on, in the same order
     * @return the instances
     * @throws IllegalArgumentException naming the column when the columns differ from the fitted ones
     */
    Instances unlabelled(Table features) {
        return rows(features, null);
    }

    private Instances rows(Table features, Column target) {
        int width = fittedColumns.size();
        if (features.columnCount() != width) {
            throw new IllegalArgumentException("the model was fitted on " + width + " feature columns "
                    + fittedColumns.stream().map(Column::name).toList() + ", got " + features.columnCount() + " "
                    + features.columnNames());
        }
        var codeMaps = new int[width][];
        for (int j = 0; j < width; j++) {
            codeMaps[j] = codeMap(fittedColumns.get(j), features.column(j), j);
        }
        int rows = features.rowCount();
        var data = new Instances(header, rows);
        boolean withClass = header.classIndex() >= 0;
        for (int i = 0; i < rows; i++) {
            double[] values = new double[withClass ? width + 1 : width];
            for (int j = 0; j < width; j++) {
                values[j] = value(features.column(j), codeMaps[j], i);
            }
            if (withClass) {
                values[width] = target == null ? Utils.missingValue() : value(target, null, i);
            }
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }

    /**
     * How the codes of a column given now translate to the codes of the fitted column: {@code null} when they are
     * the same, so that a table with the fitted levels costs nothing.
     */
    private static int[] codeMap(Column fitted, Column given, int position) {
        if (!fitted.name().equals(given.name()) || !fitted.kind().equals(given.kind())) {
            throw new IllegalArgumentException("feature column " + (position + 1) + " is '" + given.name() + "' ("
                    + given.kind() + "); the model was fitted on '" + fitted.name() + "' (" + fitted.kind() + ")");
        }
        if (!(fitted instanceof CategoricalColumn fittedLevels) || !(given instanceof CategoricalColumn givenLevels)
                || fittedLevels.levels().equals(givenLevels.levels())) {
            return null;
        }
        var index = new HashMap<String, Integer>();
        List<String> known = fittedLevels.levels();
        for (int k = 0; k < known.size(); k++) {
            index.put(known.get(k), k);
        }
        List<String> levels = givenLevels.levels();
        int[] map = new int[levels.size()];
        for (int k = 0; k < levels.size(); k++) {
            map[k] = index.getOrDefault(levels.get(k), UNKNOWN_LEVEL);
        }
        return map;
    }

    private static double value(Column column, int[] codeMap, int row) {
        return switch (column) {
            case NumericColumn numeric -> {
                double v = numeric.value(row);
                yield Double.isNaN(v) ? Utils.missingValue() : v;
            }
            case CategoricalColumn categorical -> {
                int code = categorical.code(row);
                if (code == CategoricalColumn.MISSING) {
                    yield Utils.missingValue();
                }
                if (codeMap == null) {
                    yield code;
                }
                if (codeMap[code] == UNKNOWN_LEVEL) {
                    throw new IllegalArgumentException("column '" + column.name() + "': level '" + categorical.label(row)
                            + "' was not declared when the model was fitted");
                }
                yield codeMap[code];
            }
        };
    }
}
