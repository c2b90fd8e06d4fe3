package io.modelscout.selector.eval;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.Table;
import java.time.Duration;
import java.util.Optional;

/**
 * Chooses a candidate's hyper-parameters inside one outer training part. The evaluator hands it the raw (not yet
 * preprocessed) training rows of the split and nothing else, then refits with the choice on the whole training part
 * and scores on the test part, so the outer estimate never sees a row the choice was made on.
 */
public interface ParameterSearch {

    /**
     * The longest one search may run; the evaluator adds it to the time limit of the fold it belongs to.
     *
     * @return the allowance of one candidate on one outer split
     */
    Duration allowance();

    /**
     * Chooses parameters for one candidate on one outer split. Runs on the fold's own thread, one fit after another,
     * so its result does not depend on the thread count.
     *
     * @param plugin the plugin
     * @param recipe the preprocessing the plugin needs, to be fitted inside each inner training fold
     * @param features the outer split's training rows, raw
     * @param target the target of the same rows
     * @param split the outer split's index, repeat-major; seeds derive from it
     * @return the chosen parameters
     * @throws InterruptedException when the fold is abandoned
     */
    Choice choose(ModelPlugin plugin, Recipe recipe, Table features, Column target, int split) throws InterruptedException;

    /**
     * What a search chose.
     *
     * @param parameters the chosen values, complete and checked
     * @param note a remark for the report, e.g. that the budget cut the search short; empty when none
     */
    record Choice(ParameterValues parameters, Optional<String> note) {
        /** Checks for nulls. */
        public Choice {
            requireNonNull(parameters, "parameters is null");
            requireNonNull(note, "note is null");
        }
    }
}
