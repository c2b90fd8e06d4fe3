package io.modelscout.api.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sequences held as one table of positions: sequence {@code i} is rows {@code offsets[i]} (inclusive) to
 * {@code offsets[i + 1]} (exclusive) of {@link #positions()}. Choosing sequences for a fold makes a row view, never
 * a copy of the values.
 *
 * @param positions every position of every sequence, in sequence order then position order; only feature columns
 * @param offsets the first row of each sequence, then the row count: length {@code count() + 1}, non-decreasing,
 *     starting at 0; no sequence is empty
 * @param labels the label of each position (same rows as {@code positions}), when the task labels positions and
 *     the truth may be seen; empty otherwise
 * @param classes the class of each sequence (one row per sequence), when the task classifies sequences and the truth
 *     may be seen; empty otherwise
 */
public record Sequences(Table positions, int[] offsets, Optional<CategoricalColumn> labels,
                        Optional<CategoricalColumn> classes) {
    /** Checks the offsets and the sizes of the truth columns. */
    public Sequences {
        requireNonNull(positions, "positions is null");
        requireNonNull(offsets, "offsets is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(classes, "classes is null");
        offsets = offsets.clone();
        if (offsets.length < 1 || offsets[0] != 0 || offsets[offsets.length - 1] != positions.rowCount()) {
            throw new IllegalArgumentException("offsets must start at 0 and end at the row count "
                    + positions.rowCount() + ", got " + Arrays.toString(Arrays.copyOf(offsets, Math.min(5, offsets.length))));
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] <= offsets[i - 1]) {
                throw new IllegalArgumentException("sequence " + (i - 1) + " is empty or out of order");
            }
        }
        labels.ifPresent(l -> {
            if (l.size() != positions.rowCount()) {
                throw new IllegalArgumentException("labels have " + l.size() + " rows, positions " + positions.rowCount());
            }
        });
        int count = offsets.length - 1;
        classes.ifPresent(c -> {
            if (c.size() != count) {
                throw new IllegalArgumentException("classes have " + c.size() + " rows, sequences " + count);
            }
        });
    }

    /**
     * The number of sequences.
     *
     * @return at least zero
     */
    public int count() {
        return offsets.length - 1;
    }

    /**
     * The length of one sequence.
     *
     * @param sequence its index
     * @return at least one
     */
    public int length(int sequence) {
        return offsets[sequence + 1] - offsets[sequence];
    }

    /**
     * The first row of each sequence, then the row count.
     *
     * @return a copy of the offsets
     */
    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    /**
     * The first row of one sequence in {@link #positions()}.
     *
     * @param sequence its index
     * @return the row
     */
    public int start(int sequence) {
        return offsets[sequence];
    }

    /**
     * One sequence as a view of its positions.
     *
     * @param sequence its index
     * @return its rows, in order
     */
    public Table sequence(int sequence) {
        int[] rows = new int[length(sequence)];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = offsets[sequence] + k;
        }
        return positions.select(rows);
    }

    /**
     * Chosen sequences, as views.
     *
     * @param sequences the indices of the sequences to keep, in the order wanted
     * @return the sequences with their truth, if any
     */
    public Sequences select(int[] sequences) {
        int total = 0;
        for (int s : sequences) {
            total += length(s);
        }
        int[] rows = new int[total];
        int[] newOffsets = new int[sequences.length + 1];
        int k = 0;
        for (int i = 0; i < sequences.length; i++) {
            newOffsets[i] = k;
            for (int r = offsets[sequences[i]]; r < offsets[sequences[i] + 1]; r++) {
                rows[k++] = r;
            }
        }
        newOffsets[sequences.length] = k;
        return new Sequences(positions.select(rows), newOffsets, labels.map(l -> l.select(rows)),
                classes.map(c -> c.select(sequences)));
    }

    /**
     * The same sequences without their truth, as a model sees them when it predicts.
     *
     * @return the positions and offsets only
     */
    public Sequences withoutTruth() {
        return new Sequences(positions, offsets, Optional.empty(), Optional.empty());
    }
}
