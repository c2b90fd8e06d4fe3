package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in a task or rule file.
 *
 * @param file the file it was found in
 * @param field the dotted path of the field, e.g. {@code evaluation.folds}; empty for a whole-file problem
 * @param message what is wrong: the value found and what is allowed
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record SpecError(String file, String field, String message, int line, int column) {
    /** Checks for nulls. */
    public SpecError {
        requireNonNull(file, "file is null");
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }

    /**
     * The one-line form shown to a user, e.g.
     * {@code task.yaml: evaluation.folds: must be between 2 and 50, got 1 (line 12, column 10)}.
     *
     * @return the message line
     */
    public String format() {
        var text = new StringBuilder(file).append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        text.append(message);
        if (line > 0) {
            text.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return text.toString();
    }
}
