package io.modelscout.selector.rules;

import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-made data profiles: only what the rules read is filled in with care. */
final class Profiles {
    private Profiles() {
    }

    /**
     * A profile of the given shape.
     *
     * @param rows rows
     * @param numeric numeric feature columns
     * @param nominal nominal feature columns
     * @param missingCells missing feature cells, spread one per row
     * @param target the target, if any
     */
    static DataProfile profile(int rows, int numeric, int nominal, long missingCells, Optional<TargetProfile> target) {
        var columns = new ArrayList<ColumnProfile>();
        for (int i = 0; i < numeric; i++) {
            columns.add(new ColumnProfile("n" + i, "numeric", false, 0, 0, rows, 0, 1, -3, 3));
        }
        for (int i = 0; i < nominal; i++) {
            columns.add(new ColumnProfile("c" + i, "nominal", false, 0, 3, 3, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        target.ifPresent(t -> columns.add(new ColumnProfile(t.name(), t.kind(), true, 0, t.classes().size(),
                t.presentClasses(), Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
        int features = numeric + nominal;
        double rate = features == 0 ? 0 : missingCells / ((double) rows * features);
        return new DataProfile("hand", rows, columns, target, missingCells, rate, (int) Math.min(rows, missingCells));
    }

    /** A nominal target with these class counts, in level order. */
    static Optional<TargetProfile> nominal(int... counts) {
        return Optional.of(classes("nominal", counts));
    }

    /** An ordinal target with these class counts, lowest level first. */
    static Optional<TargetProfile> ordinal(int... counts) {
        return Optional.of(classes("ordinal", counts));
    }

    /** A numeric target. */
    static Optional<TargetProfile> numeric() {
        return Optional.of(new TargetProfile("y", "numeric", List.of(), 0, Double.NaN, Double.NaN));
    }

    private static TargetProfile classes(String kind, int... counts) {
        var classes = new ArrayList<ClassCount>();
        int present = 0;
        int total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int k = 0; k < counts.length; k++) {
            classes.add(new ClassCount("c" + k, counts[k]));
            total += counts[k];
            if (counts[k] > 0) {
                present++;
                min = Math.min(min, counts[k]);
                max = Math.max(max, counts[k]);
            }
        }
        return new TargetProfile("class", kind, classes, present, min / (double) total, max / (double) min);
    }
}
