package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;

/**
 * The report section of sequence results: builds the view that the partial template {@code sequence.mustache} renders
 * (every value escaped by Mustache).
 */
final class SequenceSection {
    private SequenceSection() {
    }

    /** The view of the section, or null when there is nothing to show. */
    static Object view(GoalDetails details, SelectionResult result) {
        return null;
    }
}
