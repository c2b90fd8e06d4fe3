package io.modelscout.reports;

import io.modelscout.selector.result.SelectionResult;

/** The report sections only one goal has, each rendered by its own class and template. */
final class GoalSections {
    private GoalSections() {
    }

    /** The HTML of the goal's own sections, already escaped by their templates; empty when there are none. */
    static String html(SelectionResult result) {
        return result.details().map(d -> switch (d.goal()) {
            case "cluster", "detect-anomalies", "estimate-density" -> UnsupervisedSection.html(d, result);
            case "model-sequences" -> SequenceSection.html(d, result);
            case "generate" -> SynthesisSection.html(d, result);
            default -> "";
        }).orElse("");
    }
}
