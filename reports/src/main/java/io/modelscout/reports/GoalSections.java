package io.modelscout.reports;

import io.modelscout.selector.result.SelectionResult;

/**
 * The report sections only one goal has: each goal's class builds a view for its own partial template
 * ({@code unsupervised.mustache}, {@code sequence.mustache}, {@code synthesis.mustache}); a null view renders
 * nothing.
 *
 * @param unsupervised the view of cluster, anomaly and density results
 * @param sequence the view of sequence results
 * @param synthesis the view of synthetic-data results
 */
record GoalSections(Object unsupervised, Object sequence, Object synthesis) {

    static GoalSections of(SelectionResult result) {
        return result.details().map(d -> switch (d.goal()) {
            case "cluster", "detect-anomalies", "estimate-density" ->
                    new GoalSections(UnsupervisedSection.view(d, result), null, null);
            case "model-sequences" -> new GoalSections(null, SequenceSection.view(d, result), null);
            case "generate" -> new GoalSections(null, null, SynthesisSection.view(d, result));
            default -> new GoalSections(null, null, null);
        }).orElse(new GoalSections(null, null, null));
    }
}
