package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/**
 * A fitted model for {@link io.modelscout.api.Goal#ESTIMATE_DENSITY}: the joint density of the columns it was
 * fitted on. Numeric columns are measured by Lebesgue measure, categorical ones by counting measure, so the
 * log-densities of different models over the same columns are comparable.
 *
 * <p>A density model also fills the gaps: {@link #impute(Table)} and {@link #imputeDraw(Table, long)} complete
 * missing cells from the conditional distribution of the missing cells given the known ones in the same row, and
 * {@link #sample(int, long)} draws whole rows (for joint-probability queries). Every bundled density plugin
 * implements all four; the selector marks a candidate failed, with the reason, when one is missing.
 */
public non-sealed interface DensityModel extends FittedModel {

    /**
     * The natural logarithm of the density at each row. A missing cell (given only to plugins that declare
     * {@link io.modelscout.api.Capability#HANDLES_MISSING_DATA}) is marginalised out.
     *
     * @param rows rows with the columns it was fitted on
     * @return one log-density per row
     */
    double[] logDensity(Table rows);

    /**
     * Completes missing cells with their conditional mean (numeric) or most probable level (categorical) given the
     * known cells of the same row. Known cells are returned unchanged.
     *
     * @param rows rows with the columns it was fitted on, some cells missing
     * @return the same rows and columns, no cell missing
     * @throws UnsupportedOperationException when the model cannot impute
     */
    default Table impute(Table rows) {
        throw new UnsupportedOperationException("this density model cannot impute");
    }

    /**
     * Completes missing cells with one draw from their conditional distribution given the known cells of the same
     * row (one of the completed tables of multiple imputation).
     *
     * @param rows rows with the columns it was fitted on, some cells missing
     * @param seed the seed; the same seed gives the same table
     * @return the same rows and columns, no cell missing
     * @throws UnsupportedOperationException when the model cannot impute
     */
    default Table imputeDraw(Table rows, long seed) {
        throw new UnsupportedOperationException("this density model cannot draw imputations");
    }

    /**
     * Draws new rows from the fitted density.
     *
     * @param rows how many rows to draw
     * @param seed the seed; the same seed gives the same rows
     * @return rows with the columns it was fitted on
     * @throws UnsupportedOperationException when the model cannot sample
     */
    default Table sample(int rows, long seed) {
        throw new UnsupportedOperationException("this density model cannot sample");
    }
}
