package io.modelscout.selector.spec;

import java.util.Map;

/**
 * The facts a user may state in a task's {@code facts:} section. Each is a yes/no statement; rules read them by name,
 * next to the facts derived from the data profile.
 */
public final class Facts {
    private Facts() {
    }

    /** The known user facts and what each means. */
    public static final Map<String, String> KNOWN = Map.of(
            "missing_values", "the data has, or will have at prediction time, missing values",
            "little_data", "there are few labelled examples for the number of features and classes",
            "new_categories", "new categories are expected to appear after deployment",
            "explain_decisions", "each decision must be explained to a person",
            "tight_latency", "predictions must be answered within a tight time budget",
            "sequential", "rows are positions of ordered sequences",
            "outcome_only", "only the predicted outcome matters, not how the data arise",
            "groups_known", "the groups of the rows are known (recorded in a column, or known in kind and number)");
}
