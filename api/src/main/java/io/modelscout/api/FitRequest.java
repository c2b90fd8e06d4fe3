package io.modelscout.api;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.Optional;

/**
 * Everything a plugin needs to fit one model.
 *
 * @param goal the goal to fit for; one of the plugin's declared goals
 * @param features the training rows without the target. Unless the plugin declares
 *     {@link Capability#NOMINAL_FEATURES}, every column is numeric; unless it declares
 *     {@link Capability#HANDLES_MISSING_DATA}, no cell is missing
 * @param target the target column for supervised goals (same rows as {@code features}, never missing), else empty
 * @param parameters the resolved hyper-parameter values, every declared parameter present
 * @param seed the seed for every random choice of this fit; the same seed must give the same model
 */
public record FitRequest(Goal goal, Table features, Optional<Column> target, ParameterValues parameters, long seed) {

    /** Checks the request is consistent. */
    public FitRequest {
        requireNonNull(goal, "goal is null");
        requireNonNull(features, "features is null");
        requireNonNull(target, "target is null");
        requireNonNull(parameters, "parameters is null");
        if (goal.supervised() && target.isEmpty()) {
            throw new IllegalArgumentException("goal " + goal.id() + " needs a target column");
        }
        target.ifPresent(t -> {
            if (t.size() != features.rowCount()) {
                throw new IllegalArgumentException("target has " + t.size() + " rows, features " + features.rowCount());
            }
        });
    }

    /**
     * The target of a classification task.
     *
     * @return the categorical target
     * @throws IllegalStateException when the target is absent or numeric
     */
    public CategoricalColumn classTarget() {
        if (target.orElse(null) instanceof CategoricalColumn categorical) {
            return categorical;
        }
        throw new IllegalStateException("goal " + goal.id() + " has no categorical target");
    }

    /**
     * The target of a regression task.
     *
     * @return the numeric target
     * @throws IllegalStateException when the target is absent or categorical
     */
    public NumericColumn numericTarget() {
        if (target.orElse(null) instanceof NumericColumn numeric) {
            return numeric;
        }
        throw new IllegalStateException("goal " + goal.id() + " has no numeric target");
    }
}
