package io.modelscout.cli;

import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;

/** Prints a user's mistakes: one line each, no stack trace. */
final class Errors {
    private Errors() {
    }

    static void print(SpecException e) {
        for (SpecError error : e.errors()) {
            System.err.println("modelscout: " + error.format());
        }
    }
}
