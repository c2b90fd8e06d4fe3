package io.modelscout.selector.sequence;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Train/test parts of sequence data. Cross-validation deals whole sequences to folds, never single positions, so a
 * model is never scored on a sequence it saw part of; for the classify task the folds are stratified by class. A fixed
 * test file gives one part instead.
 */
public final class SequenceFolds {
    private SequenceFolds() {
    }

    /**
     * One train/test part.
     *
     * @param repeat the repeat, from 0
     * @param fold the fold within the repeat, from 0
     * @param train the training sequences
     * @param test the test sequences
     * @param split the sequence indices of both sides into the task's data; empty for a fixed test file
     */
    public record Part(int repeat, int fold, SequenceData train, SequenceData test, Optional<Split> split) {
        /** Checks for nulls. */
        public Part {
            requireNonNull(train, "train is null");
            requireNonNull(test, "test is null");
            requireNonNull(split, "split is null");
        }
    }

    /**
     * Cross-validation parts over whole sequences.
     *
     * @param data every sequence
     * @param task the sequence task (classify stratifies by class)
     * @param folds folds per repeat, at most the sequence count
     * @param repeats repeats
     * @param seed the task seed
     * @return {@code folds * repeats} parts, repeat-major
     */
    public static List<Part> crossValidation(SequenceData data, SequenceTask task, int folds, int repeats, long seed) {
        Column strata = task == SequenceTask.CLASSIFY && data.sequences().classes().isPresent()
                ? data.sequences().classes().orElseThrow()
                : NumericColumn.of("sequence", new double[data.count()]);
        var parts = new ArrayList<Part>();
        for (Split split : Folds.make(strata, folds, repeats, seed)) {
            parts.add(new Part(split.repeat(), split.fold(), data.select(split.train()), data.select(split.test()),
                    Optional.of(split)));
        }
        return List.copyOf(parts);
    }

    /**
     * The one part of a fixed test file.
     *
     * @param train the training file's sequences
     * @param test the test file's sequences
     * @return a single part
     */
    public static List<Part> fixed(SequenceData train, SequenceData test) {
        return List.of(new Part(0, 0, train, test, Optional.empty()));
    }
}
