package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks of a cluster, anomaly or density task that need its data: the reference column exists and is not
 * ignored, a reference of anomalies has two values, and every query names existing columns and levels. Every
 * problem is reported at once, against the line of the task file.
 */
public final class UnsupervisedChecks {
    private UnsupervisedChecks() {
    }

    /**
     * Checks the options against the loaded data.
     *
     * @param spec the task; its options are {@link UnsupervisedOptions}
     * @param table the data, before ignored columns are dropped
     * @throws SpecException with every problem found
     */
    public static void check(TaskSpec spec, Table table) throws SpecException {
        requireNonNull(spec, "spec is null");
        requireNonNull(table, "table is null");
        var options = (UnsupervisedOptions) spec.options();
        Locations locations = TaskSpecReader.locations(spec.source());
        var problems = new Problems(spec.source().toString());
        if (options.reference().isPresent()) {
            String name = options.reference().orElseThrow();
            Optional<Column> found = table.find(name);
            if (found.isEmpty()) {
                problems.add("reference", "no column '" + name + "'; columns: " + String.join(", ", table.columnNames()),
                        locations.of("reference"));
            } else if (spec.data().ignore().contains(name)) {
                problems.add("reference", "'" + name + "' is also in data.ignore; a reference is hidden from fitting "
                        + "anyway and kept for validation: remove it from data.ignore", locations.of("reference"));
            } else if (found.get().missingCount() == table.rowCount()) {
                problems.add("reference", "'" + name + "' has no values", locations.of("reference"));
            } else if (spec.goal() == io.modelscout.api.Goal.DETECT_ANOMALIES) {
                List<String> values = values(found.get());
                if (options.anomalyLevel().isPresent()) {
                    if (!values.contains(options.anomalyLevel().get())) {
                        problems.add("anomaly_level", "'" + options.anomalyLevel().get() + "' is not a value of '"
                                + name + "'; values: " + String.join(", ", values), locations.of("anomaly_level"));
                    } else if (values.size() < 2) {
                        problems.add("reference", "'" + name + "' has only the value '" + values.getFirst()
                                + "': no row is normal", locations.of("reference"));
                    }
                } else if (values.size() != 2) {
                    problems.add("reference", "'" + name + "' must have two values (anomaly or not), it has "
                            + values.size() + (values.size() <= 10 ? " (" + String.join(", ", values) + ")" : "")
                            + "; or name the value that marks an anomaly in anomaly_level", locations.of("reference"));
                }
            }
        }
        Table visible = table;
        for (String ignored : spec.data().ignore()) {
            if (visible.find(ignored).isPresent()) {
                visible = visible.without(ignored);
            }
        }
        for (int i = 0; i < options.queries().size(); i++) {
            Query query = options.queries().get(i);
            Optional<String> problem = query.check(visible);
            if (problem.isPresent()) {
                problems.add("queries[" + i + "]", "'" + query.text() + "': " + problem.get(),
                        locations.of("queries[" + i + "]"));
            }
        }
        problems.throwIfAny();
    }

    /**
     * An error about a field of the task, at its line when the task file can still be read.
     *
     * @param spec the task
     * @param field the field, e.g. {@code data.path}
     * @param message what is wrong
     * @return the exception to throw
     */
    public static SpecException error(TaskSpec spec, String field, String message) {
        Locations.Location at = TaskSpecReader.locations(spec.source()).of(field);
        return new SpecException(List.of(new SpecError(spec.source().toString(), field, message, at.line(),
                at.column())));
    }

    /**
     * Whether the task file sets a field.
     *
     * @param spec the task
     * @param field the field
     * @return true when the file has it
     */
    public static boolean given(TaskSpec spec, String field) {
        return !TaskSpecReader.locations(spec.source()).of(field).equals(Locations.Location.NONE);
    }

    /** The distinct present values of a column, as text. */
    public static List<String> values(Column column) {
        var values = new TreeSet<String>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                values.add(switch (column) {
                    case NumericColumn n -> text(n.value(i));
                    case CategoricalColumn c -> c.label(i);
                });
            }
        }
        return List.copyOf(values);
    }

    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
