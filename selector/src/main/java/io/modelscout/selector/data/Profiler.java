package io.modelscout.selector.data;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Computes the {@link DataProfile} of a table: the facts about the data that rules read.
 */
public final class Profiler {
    private Profiler() {
    }

    /**
     * Profiles a table.
     *
     * @param table the data
     * @param target the target column, if the task has one; it is profiled as a column and as the target, and
     *     left out of the missing-cell counts, which are about the features
     * @return the profile
     * @throws IllegalArgumentException naming the known columns when the target is not a column of the table
     */
    public static DataProfile profile(Table table, Optional<String> target) {
        requireNonNull(table, "table is null");
        requireNonNull(target, "target is null");
        target.ifPresent(table::column);
        int rows = table.rowCount();
        var columns = new ArrayList<ColumnProfile>(table.columnCount());
        var features = new ArrayList<Column>(table.columnCount());
        Optional<TargetProfile> targetProfile = Optional.empty();
        for (Column column : table.columns()) {
            boolean isTarget = target.isPresent() && target.get().equals(column.name());
            columns.add(columnProfile(column, isTarget));
            if (isTarget) {
                targetProfile = Optional.of(targetProfile(column));
            } else {
                features.add(column);
            }
        }
        long missingCells = 0;
        int rowsWithMissing = 0;
        for (int i = 0; i < rows; i++) {
            int inRow = 0;
            for (Column feature : features) {
                if (feature.isMissing(i)) {
                    inRow++;
                }
            }
            missingCells += inRow;
            if (inRow > 0) {
                rowsWithMissing++;
            }
        }
        long featureCells = (long) rows * features.size();
        double missingRate = featureCells == 0 ? 0.0 : (double) missingCells / featureCells;
        return new DataProfile(table.name(), rows, columns, targetProfile, missingCells, missingRate, rowsWithMissing);
    }

    private static ColumnProfile columnProfile(Column column, boolean isTarget) {
        int missing = column.missingCount();
        return switch (column) {
            case NumericColumn numeric -> {
                double[] present = presentValues(numeric);
                Arrays.sort(present);
                int distinct = 0;
                for (int i = 0; i < present.length; i++) {
                    if (i == 0 || present[i] != present[i - 1]) {
                        distinct++;
                    }
                }
                double mean = Double.NaN;
                double sd = Double.NaN;
                double min = Double.NaN;
                double max = Double.NaN;
                if (present.length > 0) {
                    double sum = 0;
                    for (double v : present) {
                        sum += v;
                    }
                    mean = sum / present.length;
                    // Two passes: the one-pass formula loses precision on large, nearly constant values.
                    double squares = 0;
                    for (double v : present) {
                        squares += (v - mean) * (v - mean);
                    }
                    sd = present.length > 1 ? Math.sqrt(squares / (present.length - 1)) : 0.0;
                    min = present[0];
                    max = present[present.length - 1];
                }
                yield new ColumnProfile(column.name(), column.kind(), isTarget, missing, 0, distinct,
                        mean, sd, min, max);
            }
            case CategoricalColumn categorical -> {
                int distinct = 0;
                for (int count : categorical.counts()) {
                    if (count > 0) {
                        distinct++;
                    }
                }
                yield new ColumnProfile(column.name(), column.kind(), isTarget, missing,
                        categorical.levels().size(), distinct, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
        };
    }

    private static TargetProfile targetProfile(Column column) {
        if (!(column instanceof CategoricalColumn categorical)) {
            return new TargetProfile(column.name(), column.kind(), List.of(), 0, Double.NaN, Double.NaN);
        }
        int[] counts = categorical.counts();
        var classes = new ArrayList<ClassCount>(counts.length);
        int present = 0;
        long total = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int k = 0; k < counts.length; k++) {
            int count = counts[k];
            classes.add(new ClassCount(categorical.levels().get(k), count));
            if (count > 0) {
                present++;
                total += count;
                smallest = Math.min(smallest, count);
                largest = Math.max(largest, count);
            }
        }
        double minorityShare = present == 0 ? Double.NaN : (double) smallest / total;
        double imbalanceRatio = present == 0 ? Double.NaN : (double) largest / smallest;
        return new TargetProfile(column.name(), column.kind(), classes, present, minorityShare, imbalanceRatio);
    }

    private static double[] presentValues(NumericColumn column) {
        double[] values = new double[column.size()];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            double v = column.value(i);
            if (!Double.isNaN(v)) {
                values[n++] = v;
            }
        }
        return Arrays.copyOf(values, n);
    }
}
