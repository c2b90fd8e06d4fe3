package io.modelscout.api.model;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Table;
import java.util.Map;
import java.util.Objects;

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

    /**
     * Draws new rows in which a categorical column takes one level (to enlarge a rare class, say). A model that
     * conditions natively overrides this; the default draws batches with {@link #sample(int, long)} and keeps the
     * matching rows, giving up after drawing a thousand times the rows asked for.
     *
     * @param rows how many rows to draw
     * @param seed the seed; the same seed gives the same rows
     * @param column a categorical column of the fitted table
     * @param level one of that column's levels
     * @return {@code rows} rows, all with {@code column} equal to {@code level}
     * @throws IllegalArgumentException when the column or level is unknown, or the level is too rare to find
     */
    default Table sampleWhere(int rows, long seed, String column, String level) {
        Objects.requireNonNull(column, "column is null");
        Objects.requireNonNull(level, "level is null");
        long limit = 1000L * Math.max(rows, 1);
        long batch = Math.max(4L * rows, 256);
        for (int round = 0; ; round++, batch *= 4) {
            int size = (int) Math.min(batch, Math.min(limit, Integer.MAX_VALUE - 8));
            Table draw = sample(size, seed + 1_000_003L * round);
            if (!(draw.column(column) instanceof CategoricalColumn categorical)) {
                throw new IllegalArgumentException("column '" + column + "' is not categorical");
            }
            int code = categorical.levels().indexOf(level);
            if (code < 0) {
                throw new IllegalArgumentException("column '" + column + "' has no level '" + level + "'; levels: "
                        + String.join(", ", categorical.levels()));
            }
            int[] match = new int[rows];
            int n = 0;
            for (int i = 0; i < size && n < rows; i++) {
                if (categorical.code(i) == code) {
                    match[n++] = i;
                }
            }
            if (n == rows) {
                return draw.select(match);
            }
            if (size >= limit) {
                throw new IllegalArgumentException("level '" + level + "' of column '" + column + "' appeared in "
                        + n + " of " + size + " drawn rows; too rare to condition on by rejection");
            }
        }
    }

    /**
     * Training curves of an iteratively trained model (e.g. generator and critic loss per epoch), for the report.
     *
     * @return curve name to one value per epoch; empty when the model has none
     */
    default Map<String, double[]> trainingCurves() {
        return Map.of();
    }
}
