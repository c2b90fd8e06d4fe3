package io.modelscout.selector.result;

/**
 * What a goal other than classification and regression has to show beyond the per-candidate scores: each goal's
 * runner returns its own record (in its own package), and the reports render and serialise it by type.
 */
public interface GoalDetails {
    /**
     * The goal these details belong to.
     *
     * @return the goal's id, e.g. {@code cluster}
     */
    String goal();

    /**
     * Lines the command line prints after the recommendation (e.g. generated continuations, files written).
     *
     * @return the lines; empty by default
     */
    default java.util.List<String> consoleLines() {
        return java.util.List.of();
    }
}
