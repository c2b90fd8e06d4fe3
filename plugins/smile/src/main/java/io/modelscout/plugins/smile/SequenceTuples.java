package io.modelscout.plugins.smile;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import smile.data.Tuple;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;

/**
 * Positions of sequences as Smile tuples, for Smile's CRF. Two encodings, chosen from the training positions:
 *
 * <ul>
 *   <li>Sparse binary features (every column numeric and 0/1): the representation of Smile's own
 *       {@code BinarySparseSequenceDataset}. A position's active features, in column order, fill slots: slot
 *       {@code j} holds the {@code j}-th active feature, as a nominal attribute whose levels are the features seen in
 *       that slot during training, in column order. In the hyphen and protein files every position has the same number
 *       of active features, slot {@code j} ranges over a contiguous block of features (one letter or residue of the
 *       window each), and this gives the very values Smile's loader gives (the feature index minus the smallest index
 *       of its slot), so Smile's published CRF figures are reproduced. A position with fewer active features than
 *       the widest training position takes a "none" level in the slots it lacks; a feature never seen in a slot
 *       during training takes a value no split tests, so it sends the position down the "other" branch of every split
 *       on that slot.</li>
 *   <li>Otherwise, one attribute per column: a nominal column as a nominal attribute of its levels, a numeric column
 *       as a real attribute.</li>
 * </ul>
 */
final class SequenceTuples {
    private static final int UNSEEN = -1;

    private final List<String> columns;
    /** The attributes; each call of {@link #encode} gets its own schema of them (see there). */
    private final StructField[] fields;
    /** Sparse encoding: per slot, feature index to level; null for the per-column encoding. */
    private final int[][] slotLevel;
    /** Sparse encoding: per slot, the "none" level or {@link #UNSEEN} when every training position fills the slot. */
    private final int[] noneLevel;

    private SequenceTuples(List<String> columns, StructField[] fields, int[][] slotLevel, int[] noneLevel) {
        this.columns = List.copyOf(columns);
        this.fields = fields.clone();
        this.slotLevel = slotLevel;
        this.noneLevel = noneLevel;
    }

    /**
     * Chooses the encoding from the training positions.
     *
     * @param positions the training positions
     * @return the encoder
     * @throws IllegalArgumentException when there is no column or a cell is missing
     */
    static SequenceTuples fit(Table positions) {
        if (positions.columnCount() == 0) {
            throw new IllegalArgumentException("the positions have no feature column");
        }
        var names = positions.columnNames();
        if (isSparseBinary(positions)) {
            int features = positions.columnCount();
            var perSlot = new ArrayList<TreeSet<Integer>>();
            int narrowest = Integer.MAX_VALUE;
            for (int row = 0; row < positions.rowCount(); row++) {
                int[] active = active(positions, row);
                narrowest = Math.min(narrowest, active.length);
                for (int j = 0; j < active.length; j++) {
                    if (perSlot.size() <= j) {
                        perSlot.add(new TreeSet<>());
                    }
                    perSlot.get(j).add(active[j]);
                }
            }
            if (perSlot.isEmpty()) {
                throw new IllegalArgumentException("no position has an active binary feature");
            }
            int slots = perSlot.size();
            int[][] slotLevel = new int[slots][features];
            int[] noneLevel = new int[slots];
            var fields = new StructField[slots];
            for (int j = 0; j < slots; j++) {
                java.util.Arrays.fill(slotLevel[j], UNSEEN);
                var levels = new ArrayList<String>();
                for (int f : perSlot.get(j)) {
                    slotLevel[j][f] = levels.size();
                    levels.add(names.get(f));
                }
                noneLevel[j] = j >= narrowest ? levels.size() : UNSEEN;
                if (j >= narrowest) {
                    levels.add("none");
                }
                fields[j] = new StructField("V" + (j + 1), DataTypes.IntType, new NominalScale(levels));
            }
            return new SequenceTuples(names, fields, slotLevel, noneLevel);
        }
        var fields = new StructField[positions.columnCount()];
        for (int c = 0; c < fields.length; c++) {
            Column column = positions.column(c);
            fields[c] = switch (column) {
                case CategoricalColumn categorical ->
                        new StructField(column.name(), DataTypes.IntType, new NominalScale(categorical.levels()));
                case NumericColumn _ -> new StructField(column.name(), DataTypes.DoubleType);
            };
        }
        return new SequenceTuples(names, fields, null, null);
    }

    private static boolean isSparseBinary(Table positions) {
        for (Column column : positions.columns()) {
            if (!(column instanceof NumericColumn numeric)) {
                return false;
            }
            for (int i = 0; i < numeric.size(); i++) {
                double v = numeric.value(i);
                if (v != 0 && v != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] active(Table positions, int row) {
        int[] buffer = new int[positions.columnCount()];
        int n = 0;
        for (int c = 0; c < buffer.length; c++) {
            double v = ((NumericColumn) positions.column(c)).value(row);
            if (v == 1) {
                buffer[n++] = c;
            } else if (v != 0) {
                throw new IllegalArgumentException("column '" + positions.column(c).name() + "', row " + row
                        + ": a binary feature must be 0 or 1, got " + v);
            }
        }
        return java.util.Arrays.copyOf(buffer, n);
    }

    /**
     * The number of attributes of a tuple.
     *
     * @return the count
     */
    int attributes() {
        return fields.length;
    }

    /**
     * Encodes every position of the given sequences.
     *
     * @param sequences sequences holding the fitted columns
     * @return per sequence, one tuple per position
     */
    Tuple[][] encode(Sequences sequences) {
        // A fresh schema per batch: Smile's CRF appends the previous-label attribute to the schema of the training
        // tuples in place, and tuples sharing that schema would then report one attribute too many.
        var schema = new StructType(fields.clone());
        Table positions = sequences.positions();
        for (String name : columns) {
            if (!positions.columnNames().contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' the model was fitted on is absent; have "
                        + positions.columnNames());
            }
        }
        var ordered = positions.withColumns(columns.stream().map(positions::column).toList());
        var out = new Tuple[sequences.count()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new Tuple[sequences.length(s)];
            for (int t = 0; t < out[s].length; t++) {
                out[s][t] = tuple(schema, ordered, sequences.start(s) + t);
            }
        }
        return out;
    }

    private Tuple tuple(StructType schema, Table positions, int row) {
        if (slotLevel != null) {
            int[] active = active(positions, row);
            int[] values = new int[slotLevel.length];
            for (int j = 0; j < values.length; j++) {
                values[j] = j < active.length ? slotLevel[j][active[j]] : noneLevel[j];
            }
            return Tuple.of(schema, values);
        }
        var values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = switch (positions.column(c)) {
                case CategoricalColumn categorical -> {
                    int code = categorical.code(row);
                    if (code == CategoricalColumn.MISSING) {
                        throw new IllegalArgumentException("column '" + categorical.name() + "', row " + row
                                + ": a missing cell; the CRF needs every position complete");
                    }
                    yield code;
                }
                case NumericColumn numeric -> {
                    double v = numeric.value(row);
                    if (Double.isNaN(v)) {
                        throw new IllegalArgumentException("column '" + numeric.name() + "', row " + row
                                + ": a missing cell; the CRF needs every position complete");
                    }
                    yield v;
                }
            };
        }
        return Tuple.of(schema, values);
    }
}
