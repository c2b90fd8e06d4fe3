package io.modelscout.api.model;

import io.modelscout.api.data.Table;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /**
     * The natural logarithm of the fitted mixture's density at each row, for held-out likelihood. Implemented by
     * every plugin that declares {@link io.modelscout.api.Capability#PROBABILISTIC} for this goal.
     *
     * @param rows rows with the columns it was fitted on
     * @return one log-density per row
     * @throws UnsupportedOperationException when the model is not probabilistic
     */
    default double[] logDensity(Table rows) {
        throw new UnsupportedOperationException("this clusterer has no density");
    }

    /**
     * How the number of clusters was chosen, when the model chose it: the criterion and its value for each count
     * tried (e.g. BIC by number of components).
     *
     * @return the choice; {@link CountChoice#NONE} when the count was fixed by a parameter
     */
    default CountChoice countChoice() {
        return CountChoice.NONE;
    }

    /**
     * The criterion a clusterer used to choose its number of clusters.
     *
     * @param criterion what was measured, e.g. {@code BIC} or {@code held-out log-likelihood}
     * @param higherIsBetter whether a larger value was preferred
     * @param values the value per number of clusters tried
     */
    record CountChoice(String criterion, boolean higherIsBetter, SortedMap<Integer, Double> values) {
        /** No choice was made. */
        public static final CountChoice NONE = new CountChoice("", true, new TreeMap<>());

        /** Copies the values. */
        public CountChoice {
            java.util.Objects.requireNonNull(criterion, "criterion is null");
            values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
        }
    }
}
