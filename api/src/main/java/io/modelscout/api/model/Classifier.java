package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/** A fitted model for {@link io.modelscout.api.Goal#CLASSIFY}. */
public non-sealed interface Classifier extends FittedModel {

    /**
     * Predicts the class of each row.
     *
     * @param features rows with the same columns, in the same order, as the features it was fitted on
     * @return a label and a probability per class (over all declared levels of the target) for each row
     */
    ClassPrediction predict(Table features);
}
