package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/** A fitted model for {@link io.modelscout.api.Goal#CLUSTER}. */
public non-sealed interface Clusterer extends FittedModel {

    /**
     * The number of clusters found.
     *
     * @return at least one
     */
    int clusterCount();

    /**
     * Assigns each row to a cluster.
     *
     * @param features rows with the columns it was fitted on
     * @return a cluster index in {@code [0, clusterCount())} per row, or {@code -1} for a row it calls noise
     */
    int[] assign(Table features);
}
