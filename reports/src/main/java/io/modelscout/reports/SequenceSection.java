package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;

/** The report section of sequence results, rendered from its own template. */
final class SequenceSection {
    private SequenceSection() {
    }

    /** The section's HTML: escaped by its template, one or more {@code <section>} elements. */
    static String html(GoalDetails details, SelectionResult result) {
        return "";
    }
}
