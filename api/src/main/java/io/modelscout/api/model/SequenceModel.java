package io.modelscout.api.model;

import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import java.util.Optional;

/**
 * A fitted model for {@link io.modelscout.api.Goal#MODEL_SEQUENCES}. Which of the task methods a model answers is
 * declared by its plugin's capabilities: {@link io.modelscout.api.Capability#LABELS_POSITIONS} for
 * {@link #label(Sequences)}, {@link io.modelscout.api.Capability#CLASSIFIES_SEQUENCES} for
 * {@link #classify(Sequences)}, {@link io.modelscout.api.Capability#PREDICTS_NEXT} for
 * {@link #nextProbabilities(Sequences)} and {@link #continueSequence(Table, int, long)}. The sequences given to these
 * methods never carry their truth.
 */
public non-sealed interface SequenceModel extends FittedModel {

    /**
     * The log-likelihood of each sequence under the model, for generative models.
     *
     * @param sequences sequences with the columns it was fitted on
     * @return one natural-log likelihood per sequence
     * @throws UnsupportedOperationException when the model gives no likelihood of the sequences (discriminative)
     */
    default double[] logLikelihood(Sequences sequences) {
        throw new UnsupportedOperationException("this sequence model gives no likelihood");
    }

    /**
     * Labels every position.
     *
     * @param sequences the sequences
     * @return per position (rows of {@code sequences.positions()}), a code of the training labels' levels
     */
    default int[] label(Sequences sequences) {
        throw new UnsupportedOperationException("this sequence model does not label positions");
    }

    /**
     * Classifies each whole sequence.
     *
     * @param sequences the sequences
     * @return one prediction per sequence, over the training classes' levels
     */
    default ClassPrediction classify(Sequences sequences) {
        throw new UnsupportedOperationException("this sequence model does not classify sequences");
    }

    /**
     * For every position, the probability of each symbol given the symbols before it in the same sequence (the
     * first position given none). The symbols are the levels of the single categorical column it was fitted on.
     *
     * @param sequences the sequences
     * @return one row per position of {@code sequences.positions()}, one column per level, each row summing to one
     */
    default double[][] nextProbabilities(Sequences sequences) {
        throw new UnsupportedOperationException("this sequence model does not predict the next symbol");
    }

    /**
     * Continues a sequence by drawing symbols one at a time.
     *
     * @param prefix the start of a sequence, with the columns it was fitted on
     * @param length how many positions to add
     * @param seed the seed; the same seed gives the same continuation
     * @return the {@code length} new positions only
     */
    default Table continueSequence(Table prefix, int length, long seed) {
        throw new UnsupportedOperationException("this sequence model does not generate");
    }

    /**
     * The hidden-state transition matrix, for a hidden Markov model (shown as a heat map).
     *
     * @return row {@code i}, column {@code j}: the probability of moving from state {@code i} to state {@code j}
     */
    default Optional<double[][]> transitionMatrix() {
        return Optional.empty();
    }
}
