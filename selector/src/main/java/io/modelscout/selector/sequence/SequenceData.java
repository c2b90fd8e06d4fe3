package io.modelscout.selector.sequence;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Sequences;
import java.nio.file.Path;
import java.util.List;

/**
 * Sequences read from one file, with the name of each sequence.
 *
 * @param file the file they were read from
 * @param sequences the positions table (feature columns only), offsets and truth
 * @param ids the name of each sequence: its id in a long or sparse file, the id column or the row of a wide file
 */
public record SequenceData(Path file, Sequences sequences, List<String> ids) {
    /** Checks the ids match the sequences. */
    public SequenceData {
        requireNonNull(file, "file is null");
        requireNonNull(sequences, "sequences is null");
        ids = List.copyOf(ids);
        if (ids.size() != sequences.count()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + sequences.count() + " sequences");
        }
    }

    /**
     * The number of sequences.
     *
     * @return at least one
     */
    public int count() {
        return sequences.count();
    }

    /**
     * Chosen sequences, as views.
     *
     * @param chosen the indices
     * @return the sequences with their ids
     */
    public SequenceData select(int[] chosen) {
        var names = new java.util.ArrayList<String>(chosen.length);
        for (int s : chosen) {
            names.add(ids.get(s));
        }
        return new SequenceData(file, sequences.select(chosen), names);
    }

    /**
     * The lengths of the shortest and longest sequence.
     *
     * @return {@code [min, max]}
     */
    public int[] lengthRange() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int s = 0; s < count(); s++) {
            min = Math.min(min, sequences.length(s));
            max = Math.max(max, sequences.length(s));
        }
        return new int[] {min, max};
    }
}
