package io.modelscout.selector.sequence;

import static java.util.Objects.requireNonNull;

import io.modelscout.selector.result.GoalDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a sequence selection shows beyond the per-candidate scores.
 *
 * @param task {@code label}, {@code classify} or {@code next}
 * @param shape {@code long}, {@code wide} or {@code sparse}
 * @param data the sequences read, in words (counts, lengths, features, labels or classes)
 * @param evaluation how candidates were measured: folds over whole sequences, or the fixed test file
 * @param testFile the fixed test file as written relative to the task, or empty for folds
 * @param levels the position labels (label), sequence classes (classify) or symbols (next), in code order
 * @param rivals the ids of the order-free classifiers run on the positions as independent columns
 * @param transitions the transition matrix of the recommended hidden Markov model, or of the best-ranked candidate
 *     that has one
 * @param continuations sequences the winning next-symbol model continued from held-out prefixes
 */
public record SequenceDetails(String task, String shape, String data, String evaluation, Optional<String> testFile,
                              List<String> levels, List<String> rivals, Optional<Transitions> transitions,
                              List<Continuation> continuations) implements GoalDetails {
    /** Copies and checks. */
    public SequenceDetails {
        requireNonNull(task, "task is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(data, "data is null");
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(testFile, "testFile is null");
        levels = List.copyOf(levels);
        rivals = List.copyOf(rivals);
        requireNonNull(transitions, "transitions is null");
        continuations = List.copyOf(continuations);
    }

    @Override
    public String goal() {
        return "model-sequences";
    }

    @Override
    public List<String> consoleLines() {
        var lines = new ArrayList<String>();
        if (!continuations.isEmpty()) {
            var first = continuations.getFirst();
            lines.add("Continuations by " + first.candidate() + " of held-out prefixes (seeded, the same on every run):");
            for (Continuation c : continuations) {
                lines.add("  " + c.sequence() + ": " + String.join(" ", c.prefix()) + " | "
                        + String.join(" ", c.generated()) + "   (actual: " + String.join(" ", c.actual()) + ")");
            }
        }
        transitions.ifPresent(t -> lines.add("Transition matrix of " + t.candidate() + ": " + t.matrix().size()
                + " states (drawn in the report)"));
        return lines;
    }

    /**
     * A hidden-state transition matrix.
     *
     * @param candidate the id of the candidate it belongs to
     * @param source how it was obtained, e.g. {@code fitted on the training part of fold 1}
     * @param matrix row {@code i}, column {@code j}: the probability of moving from state {@code i} to {@code j}
     */
    public record Transitions(String candidate, String source, List<List<Double>> matrix) {
        /** Copies and checks. */
        public Transitions {
            requireNonNull(candidate, "candidate is null");
            requireNonNull(source, "source is null");
            matrix = matrix.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One generated continuation of a held-out sequence.
     *
     * @param candidate the id of the model that generated it
     * @param sequence the held-out sequence's name
     * @param seed the seed of the draw
     * @param prefix the positions given to the model
     * @param generated the positions it drew
     * @param actual the positions that really followed the prefix (as many as exist, up to the generated length)
     */
    public record Continuation(String candidate, String sequence, long seed, List<String> prefix,
                               List<String> generated, List<String> actual) {
        /** Copies and checks. */
        public Continuation {
            requireNonNull(candidate, "candidate is null");
            requireNonNull(sequence, "sequence is null");
            prefix = List.copyOf(prefix);
            generated = List.copyOf(generated);
            actual = List.copyOf(actual);
        }
    }
}
