package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.eval.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.TreeSet;

/**
 * The checks of a task that need its data: the target and ignored columns exist, the target suits the goal, there are
 * enough rows and classes, and the ordinal levels and the metric fit the target.
 *
 * <p>Like {@link TaskSpecReader} it reports every problem at once, against the task file, because each is a mistake in
 * the task (or a mismatch between the task and its data) that the user fixes there. Rows whose target is missing are
 * not an error: the selector drops them before modelling, and the row counts here leave them out.
 */
public final class DataChecks {
    /** A numeric target with more distinct values than this is taken for a quantity, not for classes. */
    public static final int MAX_NUMERIC_CLASSES = 50;

    /** Column lists in messages stop after this many names. */
    private static final int LISTED_COLUMNS = 40;

    private DataChecks() {
    }

    /**
     * Checks a task against its loaded data, pointing at lines of the task file when it can still be read.
     *
     * @param spec the task, as read by {@link TaskSpecReader}
     * @param table the data, before any column is dropped
     * @throws SpecException with every problem found, in file order
     */
    public static void check(TaskSpec spec, Table table) throws SpecException {
        requireNonNull(spec, "spec is null");
        check(spec, table, TaskSpecReader.locations(spec.source()));
    }

    /**
     * Checks a task against its loaded data.
     *
     * @param spec the task
     * @param table the data, before any column is dropped
     * @param locations where the task's fields were written, from {@link TaskSpecReader#readLocated}; or
     *     {@link Locations#NONE}
     * @throws SpecException with every problem found, in file order
     */
    public static void check(TaskSpec spec, Table table, Locations locations) throws SpecException {
        requireNonNull(spec, "spec is null");
        requireNonNull(table, "table is null");
        requireNonNull(locations, "locations is null");
        var problems = new Problems(spec.source().toString());
        var data = spec.data();

        Column target = null;
        if (data.target().isPresent()) {
            String name = data.target().orElseThrow();
            Optional<Column> found = table.find(name);
            if (found.isEmpty()) {
                problems.add("data.target", "no column '" + name + "'; columns: " + columnList(table),
                        locations.of("data.target"));
            } else {
                target = found.orElseThrow();
            }
        }
        for (int i = 0; i < data.ignore().size(); i++) {
            String name = data.ignore().get(i);
            if (table.find(name).isEmpty()) {
                problems.add("data.ignore", "no column '" + name + "'; columns: " + columnList(table),
                        locations.of("data.ignore[" + i + "]"));
            }
        }

        boolean supervised = target != null && spec.goal().supervised();
        if (supervised && table.rowCount() > 0 && target.missingCount() == table.rowCount()) {
            // Nothing else about the target or the row count is worth saying then.
            problems.add("data.target", "'" + target.name() + "' has no values: the target is missing in every row",
                    locations.of("data.target"));
            problems.throwIfAny();
        }
        if (target != null && spec.goal() == Goal.CLASSIFY) {
            checkClasses(spec, target, problems, locations);
        } else if (target != null && spec.goal() == Goal.REGRESS && target instanceof CategoricalColumn categorical) {
            problems.add("data.target", "'" + target.name() + "' is " + target.kind() + " (levels: "
                    + String.join(", ", categorical.levels()) + "); goal regress needs a numeric target: "
                    + "use goal classify", locations.of("data.target"));
        }

        int missingTargets = supervised ? target.missingCount() : 0;
        int rows = table.rowCount() - missingTargets;
        int folds = spec.evaluation().folds();
        // goal generate splits by synthesis.folds and checks its own row count
        if (rows < folds && spec.goal() != Goal.GENERATE) {
            problems.add("evaluation.folds", folds + " folds need at least " + folds + " rows, the data has " + rows
                    + (missingTargets == 0 ? "" : " with a target value (" + missingTargets
                            + " rows without one are dropped)"),
                    locations.of("evaluation.folds"));
        }
        problems.throwIfAny();
    }

    private static void checkClasses(TaskSpec spec, Column target, Problems problems, Locations locations) {
        String name = target.name();
        SequencedSet<String> present;
        SequencedSet<String> declared;
        switch (target) {
            case CategoricalColumn categorical -> {
                int[] counts = categorical.counts();
                present = new LinkedHashSet<>();
                for (int code = 0; code < counts.length; code++) {
                    if (counts[code] > 0) {
                        present.add(categorical.levels().get(code));
                    }
                }
                declared = new LinkedHashSet<>(categorical.levels());
            }
            case NumericColumn numeric -> {
                var values = new TreeSet<Double>();
                for (int i = 0; i < numeric.size(); i++) {
                    if (!numeric.isMissing(i)) {
                        values.add(numeric.value(i));
                    }
                }
                if (values.size() > MAX_NUMERIC_CLASSES) {
                    problems.add("data.target", "'" + name + "' is numeric with " + values.size()
                            + " distinct values; a numeric target with more than " + MAX_NUMERIC_CLASSES
                            + " distinct values cannot be classified: use goal regress", locations.of("data.target"));
                    return;
                }
                var levels = new LinkedHashSet<String>();
                values.forEach(v -> levels.add(number(v)));
                present = levels;
                declared = levels;
            }
        }

        if (present.isEmpty()) {
            return; // no rows at all: the row count check says so
        }
        if (present.size() == 1) {
            problems.add("data.target", "'" + name + "' has only one class present ('" + present.getFirst()
                    + "'); classification needs at least two", locations.of("data.target"));
            return;
        }

        List<String> ordered = spec.data().ordered();
        if (!ordered.isEmpty()) {
            boolean numeric = target instanceof NumericColumn;
            var given = new LinkedHashSet<String>();
            ordered.forEach(level -> given.add(numeric ? canonicalNumber(level) : level));
            var extra = new ArrayList<String>();
            for (int i = 0; i < ordered.size(); i++) {
                if (!declared.contains(numeric ? canonicalNumber(ordered.get(i)) : ordered.get(i))) {
                    extra.add(ordered.get(i));
                }
            }
            var missing = present.stream().filter(level -> !given.contains(level)).toList();
            if (!extra.isEmpty() || !missing.isEmpty()) {
                var message = new StringBuilder("must list each level of '").append(name)
                        .append("' once, lowest first");
                if (!extra.isEmpty()) {
                    message.append("; not a level of '").append(name).append("': ").append(quoted(extra));
                }
                if (!missing.isEmpty()) {
                    message.append("; missing: ").append(quoted(missing));
                }
                message.append(" (levels in the data: ").append(String.join(", ", present)).append(')');
                problems.add("data.ordered", message.toString(), locations.of("data.ordered"));
            }
        }

        if (spec.evaluation().metric().equals(Metric.ROC_AUC.id()) && present.size() != 2) {
            var others = Metric.forGoal(Goal.CLASSIFY, present.size()).stream().map(Metric::id).toList();
            problems.add("evaluation.metric", "roc_auc needs a two-class target; '" + name + "' has "
                    + present.size() + " classes (" + String.join(", ", present) + "); use one of: "
                    + String.join(", ", others), locations.of("evaluation.metric"));
        }
    }

    private static String columnList(Table table) {
        List<String> names = table.columnNames();
        if (names.size() <= LISTED_COLUMNS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED_COLUMNS)) + ", ... (" + (names.size() - LISTED_COLUMNS)
                + " more)";
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    /** A class value of a numeric target as a user writes it: {@code 1}, not {@code 1.0}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** A level written in {@code ordered} compared with a numeric target's values: {@code 1.0} and {@code 1} match. */
    private static String canonicalNumber(String level) {
        try {
            return number(Double.parseDouble(level.strip()));
        } catch (NumberFormatException e) {
            return level;
        }
    }
}
