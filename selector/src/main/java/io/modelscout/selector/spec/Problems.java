package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.selector.spec.Locations.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors of one file so that a user sees all of them at once, in file order. */
final class Problems {
    /** Errors with a position first, by line then column; then those without one (a missing key), as added. */
    private static final Comparator<SpecError> FILE_ORDER = Comparator
            .comparingInt((SpecError e) -> e.line() == 0 ? Integer.MAX_VALUE : e.line())
            .thenComparingInt(SpecError::column);

    private final String file;
    private final List<SpecError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = requireNonNull(file, "file is null");
    }

    void add(String field, String message, Location at) {
        errors.add(new SpecError(file, field, message, at.line(), at.column()));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() throws SpecException {
        if (!errors.isEmpty()) {
            throw exception();
        }
    }

    /** The errors so far, in file order; at least one must have been added. */
    SpecException exception() {
        return new SpecException(errors.stream().sorted(FILE_ORDER).toList());
    }
}
