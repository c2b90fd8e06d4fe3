package io.modelscout.selector.unsupervised;

import io.modelscout.selector.result.GoalDetails;

/**
 * What the goals cluster, detect-anomalies and estimate-density show beyond the per-candidate scores. Every
 * component is a plain value (text, numbers, lists, optionals, nested records) so the details serialise as they
 * are and read back equal.
 */
public sealed interface UnsupervisedDetails extends GoalDetails
        permits ClusterDetails, AnomalyDetails, DensityDetails {
    /**
     * The candidate these details were drawn from (the recommended one), or empty when none was evaluated.
     *
     * @return the candidate's id, or the empty string
     */
    String recommended();

    /**
     * Statements about how the numbers were obtained that a reader needs (preprocessing, base measure, basis of
     * the choice), one sentence each.
     *
     * @return the notes
     */
    java.util.List<String> notes();
}
