package io.modelscout.selector.sequence;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.selector.data.Columns;
import io.modelscout.selector.data.DatasetReader;
import io.modelscout.selector.spec.SequenceOptions;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads sequences in the three shapes a task may declare (see {@link SequenceOptions.Shape}) into one positions table
 * with offsets. The checks are strict: unsorted positions, a sequence whose rows are split into separate runs, an
 * empty sequence, a label on some positions only, wide rows of different lengths and malformed sparse lines are each
 * reported with the row (and, where the file has lines of its own, the line) at fault.
 */
public final class SequenceReader {
    /** The feature column of a symbol sequence read from a wide file. */
    public static final String SYMBOL = "symbol";
    /** The feature column of a numeric series read from a wide file. */
    public static final String VALUE = "value";

    private SequenceReader() {
    }

    /**
     * Reads the task's data file, and its fixed test file when it names one, with one set of levels for both.
     *
     * @param spec the task; its options are {@link SequenceOptions}
     * @return the training sequences (all sequences when there is no test file) and the test sequences, if any
     * @throws SpecException naming the file, row and what is wrong
     */
    public static Read read(TaskSpec spec) throws SpecException {
        var options = (SequenceOptions) spec.options();
        SequenceData train = read(spec, spec.data().path(), options);
        if (options.test().isEmpty()) {
            return new Read(train, Optional.empty());
        }
        SequenceData test = read(spec, options.test().orElseThrow(), options);
        return Harmonise.both(train, test, spec.source().toString());
    }

    /**
     * The training data and the fixed test data of a task.
     *
     * @param train the sequences to fit on (every sequence when there is no test file)
     * @param test the fixed test sequences, with the same columns and levels as {@code train}; empty for folds
     */
    public record Read(SequenceData train, Optional<SequenceData> test) {
    }

    /**
     * Reads one file of the task's shape.
     *
     * @param spec the task
     * @param file the file
     * @param options the task's sequence options
     * @return the sequences
     * @throws SpecException naming the file, row and what is wrong
     */
    public static SequenceData read(TaskSpec spec, Path file, SequenceOptions options) throws SpecException {
        return switch (options.shape()) {
            case SPARSE -> sparse(file, options);
            case LONG -> longShape(spec, file, options);
            case WIDE -> wide(spec, file, options);
        };
    }

    // ---- sparse binary features ----

    /** The sparse format: a header {@code sequences classes features}, then {@code seqId pos nActive f1..fn label}. */
    static SequenceData sparse(Path file, SequenceOptions options) throws SpecException {
        String shown = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SpecException.of(shown, "", "cannot read the file: " + e.getMessage());
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw SpecException.of(shown, "", "the file is empty; expected a header line 'sequences classes features'");
        }
        String[] header = lines.get(first).strip().split("\\s+");
        int[] head = new int[3];
        if (header.length != 3) {
            throw fail(shown, first + 1, "expected the header 'sequences classes features' (three counts), got '"
                    + lines.get(first).strip() + "'");
        }
        for (int j = 0; j < 3; j++) {
            head[j] = parseCount(header[j], shown, first + 1, List.of("sequences", "classes", "features").get(j));
        }
        int declaredSequences = head[0];
        int classes = head[1];
        int features = head[2];
        if (classes < 1 || features < 1) {
            throw fail(shown, first + 1, "the header must declare at least one class and one feature, got " + classes
                    + " classes and " + features + " features");
        }
        var active = new ArrayList<int[]>();
        var labels = new ArrayList<Integer>();
        var offsets = new ArrayList<Integer>();
        var ids = new ArrayList<String>();
        var seen = new HashMap<String, Integer>();
        String current = null;
        long lastPosition = Long.MIN_VALUE;
        int row = 0;
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            row++;
            String[] words = line.split("\\s+");
            if (words.length < 4) {
                throw fail(shown, lineNo, "row " + row + ": expected 'seqId pos nActive f1..fn label', got '" + line + "'");
            }
            String id = words[0];
            long position = parseLong(words[1], shown, lineNo, row, "pos");
            int n = parseCount(words[2], shown, lineNo, "nActive of row " + row);
            if (words.length != 4 + n) {
                throw fail(shown, lineNo, "row " + row + ": nActive is " + n + ", so " + (4 + n) + " fields are "
                        + "expected (seqId pos nActive, " + n + " features, label), got " + words.length
                        + (words.length == 3 + n ? ": the position has no label" : ""));
            }
            if (!id.equals(current)) {
                Integer earlier = seen.get(id);
                if (earlier != null) {
                    throw fail(shown, lineNo, "row " + row + ": sequence '" + id + "' appears again after other "
                            + "sequences (its rows started at row " + earlier + "); keep the rows of a sequence together");
                }
                seen.put(id, row);
                ids.add(id);
                offsets.add(active.size());
                current = id;
            } else if (position <= lastPosition) {
                throw fail(shown, lineNo, "row " + row + ": position " + position + " of sequence '" + id
                        + "' comes after position " + lastPosition + "; positions must increase within a sequence");
            }
            lastPosition = position;
            int[] set = new int[n];
            for (int j = 0; j < n; j++) {
                int f = parseCount(words[3 + j], shown, lineNo, "feature " + (j + 1) + " of row " + row);
                if (f >= features) {
                    throw fail(shown, lineNo, "row " + row + ": feature " + f + " is outside the " + features
                            + " features of the header (0 to " + (features - 1) + ")");
                }
                set[j] = f;
            }
            int label = parseCount(words[3 + n], shown, lineNo, "label of row " + row);
            if (label >= classes) {
                throw fail(shown, lineNo, "row " + row + ": label " + label + " is outside the " + classes
                        + " classes of the header (0 to " + (classes - 1) + ")");
            }
            active.add(set);
            labels.add(label);
        }
        if (ids.isEmpty()) {
            throw SpecException.of(shown, "", "the file has a header but no positions");
        }
        if (ids.size() != declaredSequences) {
            throw fail(shown, first + 1, "the header declares " + declaredSequences + " sequences, the file has "
                    + ids.size());
        }
        int rows = active.size();
        double[][] values = new double[features][rows];
        for (int r = 0; r < rows; r++) {
            for (int f : active.get(r)) {
                values[f][r] = 1.0;
            }
        }
        var columns = new ArrayList<Column>(features);
        for (int f = 0; f < features; f++) {
            columns.add(NumericColumn.of("f" + f, values[f]));
        }
        var levels = new ArrayList<String>(classes);
        for (int k = 0; k < classes; k++) {
            levels.add(String.valueOf(k));
        }
        int[] codes = labels.stream().mapToInt(Integer::intValue).toArray();
        offsets.add(rows);
        var sequences = new Sequences(new Table(baseName(file), columns),
                offsets.stream().mapToInt(Integer::intValue).toArray(),
                Optional.of(NominalColumn.of("label", levels, codes)), Optional.empty());
        return new SequenceData(file, sequences, ids);
    }

    // ---- long: one row per position ----

    static SequenceData longShape(TaskSpec spec, Path file, SequenceOptions options) throws SpecException {
        String shown = file.toString();
        Table table = table(spec, file);
        String idName = options.id().orElseThrow();
        String orderName = options.order().orElseThrow();
        var roles = new LinkedHashMap<String, String>();
        roles.put("sequences.id", idName);
        roles.put("sequences.order", orderName);
        options.label().ifPresent(l -> roles.put("sequences.label", l));
        options.sequenceClass().ifPresent(c -> roles.put("sequences.class", c));
        checkColumns(spec, file, table, roles);
        Column idColumn = table.column(idName);
        if (!(table.column(orderName) instanceof NumericColumn order)) {
            throw SpecException.of(spec.source().toString(), "sequences.order", "column '" + orderName + "' of "
                    + file.getFileName() + " is " + table.column(orderName).kind() + "; the order must be numeric");
        }
        var features = new ArrayList<Column>();
        for (Column column : table.columns()) {
            if (!roles.containsValue(column.name())) {
                features.add(column);
            }
        }
        if (features.isEmpty()) {
            throw SpecException.of(shown, "", "no feature columns: every column is the id, order, label or class");
        }
        var offsets = new ArrayList<Integer>();
        var ids = new ArrayList<String>();
        var seen = new HashMap<String, Integer>();
        String current = null;
        double last = Double.NaN;
        for (int r = 0; r < table.rowCount(); r++) {
            int row = r + 1;
            String id = text(idColumn, r);
            if (id == null) {
                throw SpecException.of(shown, "", "row " + row + ": no sequence id in column '" + idName + "'");
            }
            if (order.isMissing(r)) {
                throw SpecException.of(shown, "", "row " + row + ": no position in column '" + orderName + "'");
            }
            double position = order.value(r);
            if (!id.equals(current)) {
                Integer earlier = seen.get(id);
                if (earlier != null) {
                    throw SpecException.of(shown, "", "row " + row + ": sequence '" + id + "' appears again after "
                            + "other sequences (its rows started at row " + earlier + "); keep the rows of a sequence "
                            + "together");
                }
                seen.put(id, row);
                ids.add(id);
                offsets.add(r);
                current = id;
            } else if (!(position > last)) {
                throw SpecException.of(shown, "", "row " + row + ": position " + number(position) + " of sequence '"
                        + id + "' comes after position " + number(last) + "; sort the rows by " + orderName
                        + " within each sequence");
            }
            last = position;
            for (Column feature : features) {
                if (feature.isMissing(r)) {
                    throw SpecException.of(shown, "", "row " + row + ": column '" + feature.name() + "' is missing; "
                            + "every position of a sequence needs its features");
                }
            }
        }
        if (ids.isEmpty()) {
            throw SpecException.of(shown, "", "the file has no rows: no sequence to model");
        }
        offsets.add(table.rowCount());
        int[] bounds = offsets.stream().mapToInt(Integer::intValue).toArray();
        Optional<CategoricalColumn> labels = Optional.empty();
        if (options.label().isPresent()) {
            CategoricalColumn label = categorical(table.column(options.label().orElseThrow()));
            int missing = label.missingCount();
            if (missing == label.size()) {
                throw SpecException.of(shown, "", "column '" + label.name() + "' has no labels; task label needs "
                        + "a label on every position");
            }
            if (missing > 0) {
                for (int r = 0; r < label.size(); r++) {
                    if (label.isMissing(r)) {
                        throw SpecException.of(shown, "", "row " + (r + 1) + ": position of sequence '"
                                + text(idColumn, r) + "' has no label, while " + (label.size() - missing)
                                + " positions have one: give a label on every position");
                    }
                }
            }
            labels = Optional.of(label);
        }
        Optional<CategoricalColumn> classes = Optional.empty();
        if (options.sequenceClass().isPresent()) {
            CategoricalColumn column = categorical(table.column(options.sequenceClass().orElseThrow()));
            int[] codes = new int[ids.size()];
            for (int s = 0; s < ids.size(); s++) {
                int code = column.code(bounds[s]);
                for (int r = bounds[s]; r < bounds[s + 1]; r++) {
                    if (column.code(r) != code || code == CategoricalColumn.MISSING) {
                        throw SpecException.of(shown, "", "row " + (r + 1) + ": sequence '" + ids.get(s) + "' has "
                                + (column.code(r) == CategoricalColumn.MISSING || code == CategoricalColumn.MISSING
                                ? "a missing class" : "class '" + column.label(r) + "' here but '"
                                        + column.label(bounds[s]) + "' on its first row")
                                + "; a sequence has one class, on each of its rows");
                    }
                }
                codes[s] = code;
            }
            classes = Optional.of(column.withCodes(codes));
        }
        var sequences = new Sequences(new Table(table.name(), features), bounds, labels, classes);
        return new SequenceData(file, sequences, ids);
    }

    // ---- wide: one row per sequence ----

    static SequenceData wide(TaskSpec spec, Path file, SequenceOptions options) throws SpecException {
        String shown = file.toString();
        Table table = table(spec, file);
        var roles = new LinkedHashMap<String, String>();
        options.id().ifPresent(i -> roles.put("sequences.id", i));
        options.sequenceClass().ifPresent(c -> roles.put("sequences.class", c));
        checkColumns(spec, file, table, roles);
        var positions = new ArrayList<Column>();
        for (Column column : table.columns()) {
            if (!roles.containsValue(column.name())) {
                positions.add(column);
            }
        }
        if (positions.isEmpty()) {
            throw SpecException.of(shown, "", "no position columns: every column is the id or the class");
        }
        boolean numeric = positions.getFirst() instanceof NumericColumn;
        for (Column column : positions) {
            if ((column instanceof NumericColumn) != numeric) {
                throw SpecException.of(shown, "", "column '" + column.name() + "' is " + column.kind() + " but column '"
                        + positions.getFirst().name() + "' is " + positions.getFirst().kind()
                        + "; the positions of a wide file are all symbols or all numbers");
            }
        }
        int width = positions.size();
        int rows = table.rowCount();
        if (rows == 0) {
            throw SpecException.of(shown, "", "the file has no rows: no sequence to model");
        }
        // Symbols: one set of levels over all positions, in the order the file declares them.
        var levels = new ArrayList<String>();
        var levelIndex = new HashMap<String, Integer>();
        if (!numeric) {
            for (Column column : positions) {
                for (String level : ((CategoricalColumn) column).levels()) {
                    if (!levelIndex.containsKey(level)) {
                        levelIndex.put(level, levels.size());
                        levels.add(level);
                    }
                }
            }
        }
        int firstLength = -1;
        for (int r = 0; r < rows; r++) {
            int present = 0;
            int firstGap = -1;
            for (int j = 0; j < width; j++) {
                if (positions.get(j).isMissing(r)) {
                    if (firstGap < 0) {
                        firstGap = j;
                    }
                } else {
                    if (firstGap >= 0) {
                        throw SpecException.of(shown, "", "row " + (r + 1) + ": position " + (firstGap + 1) + " ('"
                                + positions.get(firstGap).name() + "') is missing inside the sequence; a wide row "
                                + "holds every position");
                    }
                    present++;
                }
            }
            if (present == 0) {
                throw SpecException.of(shown, "", "row " + (r + 1) + ": empty sequence (every position is missing)");
            }
            if (firstLength < 0) {
                firstLength = present;
            } else if (present != firstLength) {
                throw SpecException.of(shown, "", "row " + (r + 1) + " has " + present + " positions, row 1 has "
                        + firstLength + "; every row of a wide file must have the same length");
            }
        }
        int total = rows * firstLength;
        int length = firstLength;
        int[] offsets = new int[rows + 1];
        for (int s = 0; s <= rows; s++) {
            offsets[s] = s * length;
        }
        Column feature;
        if (numeric) {
            double[] values = new double[total];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < length; j++) {
                    values[r * length + j] = ((NumericColumn) positions.get(j)).value(r);
                }
            }
            feature = NumericColumn.of(VALUE, values);
        } else {
            int[] codes = new int[total];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < length; j++) {
                    codes[r * length + j] = levelIndex.get(((CategoricalColumn) positions.get(j)).label(r));
                }
            }
            feature = NominalColumn.of(SYMBOL, levels, codes);
        }
        var ids = new ArrayList<String>(rows);
        Column idColumn = options.id().map(table::column).orElse(null);
        for (int r = 0; r < rows; r++) {
            String id = idColumn == null ? null : text(idColumn, r);
            ids.add(id == null ? "row " + (r + 1) : id);
        }
        Optional<CategoricalColumn> classes = Optional.empty();
        if (options.sequenceClass().isPresent()) {
            CategoricalColumn column = categorical(table.column(options.sequenceClass().orElseThrow()));
            for (int r = 0; r < rows; r++) {
                if (column.isMissing(r)) {
                    throw SpecException.of(shown, "", "row " + (r + 1) + ": the class ('" + column.name()
                            + "') is missing; every sequence needs its class");
                }
            }
            classes = Optional.of(column);
        }
        var sequences = new Sequences(new Table(table.name(), List.of(feature)), offsets, Optional.empty(), classes);
        return new SequenceData(file, sequences, ids);
    }

    // ---- helpers ----

    private static Table table(TaskSpec spec, Path file) throws SpecException {
        Table table = DatasetReader.read(file, spec.data().format());
        var missing = spec.data().ignore().stream().filter(name -> table.find(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw SpecException.of(spec.source().toString(), "data.ignore", "no column '" + missing.getFirst()
                    + "' in " + file.getFileName() + "; columns: " + String.join(", ", table.columnNames()));
        }
        return spec.data().ignore().isEmpty() ? table : Columns.drop(table, spec.data().ignore());
    }

    private static void checkColumns(TaskSpec spec, Path file, Table table, Map<String, String> roles)
            throws SpecException {
        var errors = new ArrayList<SpecError>();
        for (var role : roles.entrySet()) {
            if (table.find(role.getValue()).isEmpty()) {
                errors.add(new SpecError(spec.source().toString(), role.getKey(), "no column '" + role.getValue()
                        + "' in " + file.getFileName() + "; columns: " + columnList(table), 0, 0));
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    private static String columnList(Table table) {
        List<String> names = table.columnNames();
        return names.size() <= 20 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " columns)";
    }

    private static CategoricalColumn categorical(Column column) {
        return switch (column) {
            case CategoricalColumn c -> c;
            case NumericColumn n -> Columns.toNominal(n);
        };
    }

    /** A cell as the text of an id: a whole number without a fraction. */
    private static String text(Column column, int row) {
        return switch (column) {
            case CategoricalColumn c -> c.label(row);
            case NumericColumn n -> n.isMissing(row) ? null : number(n.value(row));
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static int parseCount(String word, String file, int line, String what) throws SpecException {
        try {
            int value = Integer.parseInt(word);
            if (value < 0) {
                throw fail(file, line, what + ": expected a count of at least 0, got " + word);
            }
            return value;
        } catch (NumberFormatException e) {
            throw fail(file, line, what + ": expected a whole number, got '" + word + "'");
        }
    }

    private static long parseLong(String word, String file, int line, int row, String what) throws SpecException {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw fail(file, line, "row " + row + ": " + what + " must be a whole number, got '" + word + "'");
        }
    }

    private static SpecException fail(String file, int line, String message) {
        return new SpecException(List.of(new SpecError(file, "", message, line, 1)));
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
