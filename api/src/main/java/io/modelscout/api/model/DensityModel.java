package io.modelscout.api.model;

import io.modelscout.api.data.Table;

/**
 * A fitted model for {@link io.modelscout.api.Goal#ESTIMATE_DENSITY}: the joint density of the columns it was
 * fitted on. Numeric columns are measured by Lebesgue measure, categorical ones by counting measure, so the
 * log-densities of different models over the same columns are comparable.
 */
public non-sealed interface DensityModel extends FittedModel {

    /**
     * The natural logarithm of the density at each row.
     *
     * @param rows rows with the columns it was fitted on
     * @return one log-density per row
     */
    double[] logDensity(Table rows);
}
