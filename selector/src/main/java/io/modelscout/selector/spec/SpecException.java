package io.modelscout.selector.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A user's input is wrong; carries every problem found, not only the first. Exit code 2, no stack trace. */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<SpecError> errors;

    /**
     * An exception for the given problems.
     *
     * @param errors at least one problem
     */
    public SpecException(List<SpecError> errors) {
        super(errors.stream().map(SpecError::format).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors given");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * An exception for a single problem.
     *
     * @param file the file
     * @param field the field, or empty
     * @param message what is wrong
     * @return the exception
     */
    public static SpecException of(String file, String field, String message) {
        return new SpecException(List.of(new SpecError(file, field, message, 0, 0)));
    }

    /**
     * The problems found.
     *
     * @return the errors, in file order
     */
    public List<SpecError> errors() {
        return errors;
    }
}
