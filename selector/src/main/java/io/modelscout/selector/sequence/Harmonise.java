package io.modelscout.selector.sequence;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Gives a training file and its fixed test file one set of columns and levels: a symbol seen only in the test file
 * becomes a level of both (a model then meets it as unseen), so codes mean the same thing on both sides.
 */
final class Harmonise {
    private Harmonise() {
    }

    static SequenceReader.Read both(SequenceData train, SequenceData test, String taskFile) throws SpecException {
        Table a = train.sequences().positions();
        Table b = test.sequences().positions();
        if (!a.columnNames().equals(b.columnNames())) {
            throw SpecException.of(taskFile, "sequences.test", test.file().getFileName() + " has the feature columns "
                    + describe(b) + ", the data file " + describe(a) + "; the test file needs the same columns");
        }
        var trainColumns = new ArrayList<Column>();
        var testColumns = new ArrayList<Column>();
        for (int j = 0; j < a.columnCount(); j++) {
            Column x = a.column(j);
            Column y = b.column(j);
            if ((x instanceof CategoricalColumn) != (y instanceof CategoricalColumn)) {
                throw SpecException.of(taskFile, "sequences.test", "column '" + x.name() + "' is " + y.kind() + " in "
                        + test.file().getFileName() + " but " + x.kind() + " in the data file");
            }
            if (x instanceof CategoricalColumn cx && y instanceof CategoricalColumn cy) {
                var pair = unify(cx, cy);
                trainColumns.add(pair.get(0));
                testColumns.add(pair.get(1));
            } else {
                trainColumns.add(x);
                testColumns.add(y);
            }
        }
        var labels = truth(train.sequences().labels(), test.sequences().labels());
        var classes = truth(train.sequences().classes(), test.sequences().classes());
        var trainSequences = new Sequences(new Table(a.name(), trainColumns), train.sequences().offsets(),
                labels.get(0), classes.get(0));
        var testSequences = new Sequences(new Table(b.name(), testColumns), test.sequences().offsets(),
                labels.get(1), classes.get(1));
        return new SequenceReader.Read(new SequenceData(train.file(), trainSequences, train.ids()),
                Optional.of(new SequenceData(test.file(), testSequences, test.ids())));
    }

    private static List<Optional<CategoricalColumn>> truth(Optional<CategoricalColumn> a,
                                                           Optional<CategoricalColumn> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of(a, b);
        }
        var pair = unify(a.orElseThrow(), b.orElseThrow());
        return List.of(Optional.of(pair.get(0)), Optional.of(pair.get(1)));
    }

    /** Both columns over the training levels followed by the test file's new ones. */
    static List<CategoricalColumn> unify(CategoricalColumn a, CategoricalColumn b) {
        if (a.levels().equals(b.levels())) {
            return List.of(a, b);
        }
        var levels = new ArrayList<>(a.levels());
        var index = new HashMap<String, Integer>();
        for (int k = 0; k < levels.size(); k++) {
            index.put(levels.get(k), k);
        }
        for (String level : b.levels()) {
            if (!index.containsKey(level)) {
                index.put(level, levels.size());
                levels.add(level);
            }
        }
        return List.of(recode(a, levels, index), recode(b, levels, index));
    }

    private static CategoricalColumn recode(CategoricalColumn column, List<String> levels,
                                            java.util.Map<String, Integer> index) {
        int[] codes = new int[column.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = column.isMissing(i) ? CategoricalColumn.MISSING : index.get(column.label(i));
        }
        return NominalColumn.of(column.name(), levels, codes);
    }

    private static String describe(Table table) {
        List<String> names = table.columnNames();
        return names.size() <= 8 ? String.join(", ", names) : names.size() + " columns";
    }
}
