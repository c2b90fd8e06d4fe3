package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;

/**
 * The report section of synthesis results: builds the view that the partial template {@code synthesis.mustache} renders
 * (every value escaped by Mustache).
 */
final class SynthesisSection {
    private SynthesisSection() {
    }

    /** The view of the section, or null when there is nothing to show. */
    static Object view(GoalDetails details, SelectionResult result) {
        return null;
    }
}
