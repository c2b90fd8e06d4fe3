package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/** A fitted model for {@link io.modelscout.api.Goal#REGRESS}. */
public non-sealed interface Regressor extends FittedModel {

    /**
     * Predicts the target of each row.
     *
     * @param features rows with the same columns as the features it was fitted on
     * @return one prediction per row
     */
    double[] predict(Table features);
}
