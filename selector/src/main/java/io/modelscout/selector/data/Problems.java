package io.modelscout.selector.data;

import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one data file so that a user sees many at once, but not thousands: a file with
 * a systematic fault (wrong delimiter, wrong format) would otherwise produce one message per row.
 */
final class Problems {
    static final int LIMIT = 20;

    private final String file;
    private final List<SpecError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String message, int line, int column) {
        if (errors.size() < LIMIT) {
            errors.add(new SpecError(file, "", message, line, column));
        } else if (errors.size() == LIMIT) {
            errors.add(new SpecError(file, "", "stopped after " + LIMIT + " errors", line, column));
        }
    }

    void add(LineError error) {
        add(error.getMessage(), error.line(), error.column());
    }

    boolean full() {
        return errors.size() > LIMIT;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() throws SpecException {
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    SpecException fail(String message, int line, int column) {
        add(message, line, column);
        return new SpecException(errors);
    }

    /** One problem at a place in the file; thrown inside a row and caught per row. Stackless: it is control flow. */
    static final class LineError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        LineError(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }
}
