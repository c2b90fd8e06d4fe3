package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/** A fitted model for {@link io.modelscout.api.Goal#DETECT_ANOMALIES}. */
public non-sealed interface AnomalyDetector extends FittedModel {

    /**
     * Scores each row; for every plugin, a higher score means more anomalous.
     *
     * @param features rows with the columns it was fitted on
     * @return one finite score per row
     */
    double[] score(Table features);
}
