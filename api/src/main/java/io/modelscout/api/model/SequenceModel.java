package io.modelscout.api.model;

import io.modelscout.api.data.Table;
import java.util.List;

/**
 * A fitted model for {@link io.modelscout.api.Goal#MODEL_SEQUENCES}. A sequence is a table whose rows are its
 * positions in order.
 */
public non-sealed interface SequenceModel extends FittedModel {

    /**
     * The log-likelihood of each sequence under the model.
     *
     * @param sequences sequences with the columns it was fitted on
     * @return one natural-log likelihood per sequence
     */
    double[] logLikelihood(List<Table> sequences);
}
