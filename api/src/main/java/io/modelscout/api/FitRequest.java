package io.modelscout.api;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
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
 * @param sequences for {@link Goal#MODEL_SEQUENCES}: the task and the training sequences with their truth
 *     ({@code features} is then their positions table); empty for every other goal
 */
public record FitRequest(Goal goal, Table features, Optional<Column> target, ParameterValues parameters, long seed,
                         Optional<SequenceFit> sequences) {

    /**
     * A request for a goal without sequences.
     *
     * @param goal the goal
     * @param features the training rows
     * @param target the target, for supervised goals
     * @param parameters the parameter values
     * @param seed the seed
     */
    public FitRequest(Goal goal, Table features, Optional<Column> target, ParameterValues parameters, long seed) {
        this(goal, features, target, parameters, seed, Optional.empty());
    }

    /**
     * What a sequence model is fitted for.
     *
     * @param task label positions, classify sequences or predict the next symbol
     * @param data the training sequences; labels present for {@link SequenceTask#LABEL}, classes for
     *     {@link SequenceTask#CLASSIFY}
     */
    public record SequenceFit(SequenceTask task, Sequences data) {
        /** Checks the truth the task needs is there. */
        public SequenceFit {
            requireNonNull(task, "task is null");
            requireNonNull(data, "data is null");
            if (task == SequenceTask.LABEL && data.labels().isEmpty()) {
                throw new IllegalArgumentException("task label needs position labels");
            }
            if (task == SequenceTask.CLASSIFY && data.classes().isEmpty()) {
                throw new IllegalArgumentException("task classify needs sequence classes");
            }
        }
    }

    /** Checks the request is consistent. */
    public FitRequest {
        requireNonNull(goal, "goal is null");
        requireNonNull(features, "features is null");
        requireNonNull(target, "target is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(sequences, "sequences is null");
        if ((goal == Goal.MODEL_SEQUENCES) != sequences.isPresent()) {
            throw new IllegalArgumentException(goal == Goal.MODEL_SEQUENCES ? "goal model-sequences needs sequences"
                    : "only goal model-sequences takes sequences");
        }
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
