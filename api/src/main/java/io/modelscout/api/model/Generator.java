package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/** A fitted model for {@link io.modelscout.api.Goal#GENERATE}: it draws new rows. */
public non-sealed interface Generator extends FittedModel {

    /**
     * Draws new rows with the schema (names, types, levels) of the table it was fitted on.
     *
     * @param rows how many rows to draw
     * @param seed the seed; the same seed gives the same rows
     * @return the synthetic rows
     */
    Table sample(int rows, long seed);
}
