package io.modelscout.selector.tune;

import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.Column;
import java.util.Optional;

/**
 * How a search scores a configuration on some rows of the outer training part; {@link InnerValidation} outside
 * tests.
 *
 * @param <R> the prepared inner folds of one set of rows
 */
interface Scoring<R> {
    /**
     * Rows of the outer training part.
     *
     * @return the count
     */
    int rows();

    /**
     * The target of the outer training rows, for stratified subsets.
     *
     * @return the column
     */
    Column target();

    /**
     * Prepares inner folds over some rows.
     *
     * @param rows indices into the outer training part, ascending
     * @param rung the rung, from 0, for seeds
     * @return the folds
     */
    R prepare(int[] rows, int rung);

    /**
     * Scores a configuration, higher is better.
     *
     * @param prepared the folds
     * @param parameters the configuration
     * @return the mean inner score, empty when it could not be fitted or scored
     * @throws InterruptedException when the fold is abandoned
     */
    Optional<Double> score(R prepared, ParameterValues parameters) throws InterruptedException;
}
