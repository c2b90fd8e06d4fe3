package io.modelscout.selector.synthesis;

import static java.util.Objects.requireNonNull;

import io.modelscout.selector.result.GoalDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a synthesis run has to show beyond the per-candidate scores: the flags, the written file, how the recommended
 * synthesizer's rows compare with the real ones, and the training curves of iterative synthesizers.
 *
 * @param priority what the recommendation favoured: {@code fidelity}, {@code utility} or {@code privacy}
 * @param target the column utility was measured on; empty when there was none
 * @param condition the condition of the written rows as {@code column = level}; empty when none
 * @param baseline the id of the independent-marginals baseline; empty when none was evaluated
 * @param flagged the synthesizers flagged for memorising, with why
 * @param judges the plugins that judged the rows, by role ({@code detection}, {@code utility})
 * @param file the written file's name inside the output folder; empty when no file was written
 * @param path where the file was written, for the console (not kept in {@code result.json}; equal to {@code file}
 *     after reading it back)
 * @param rows the rows written
 * @param format {@code csv} or {@code arff}
 * @param columns the column names, in order
 * @param realAssociations the association of every pair of real columns (Pearson's r, or Cramér's V with a
 *     categorical column)
 * @param syntheticAssociations the same of the written synthetic rows
 * @param comparisons real against synthetic distribution of each column, for the recommended synthesizer's written
 *     rows
 * @param others the same for each other evaluated synthesizer, from its rows of the first fold
 * @param curves training curves of the synthesizers that report them, from their first-fold fit
 * @param sample the first written rows, as text ({@code ?} for missing)
 * @param notes remarks, e.g. why no file was written
 */
public record SynthesisDetails(String priority, Optional<String> target, Optional<String> condition, String baseline,
                               List<Flag> flagged, List<Judged> judges, String file, String path, long rows,
                               String format, List<String> columns, List<List<Double>> realAssociations,
                               List<List<Double>> syntheticAssociations, List<Fidelity.Comparison> comparisons,
                               List<CandidateComparisons> others, List<Curve> curves, List<List<String>> sample,
                               List<String> notes) implements GoalDetails {
    /** Copies and checks. */
    public SynthesisDetails {
        requireNonNull(priority, "priority is null");
        requireNonNull(target, "target is null");
        requireNonNull(condition, "condition is null");
        requireNonNull(baseline, "baseline is null");
        flagged = List.copyOf(flagged);
        judges = List.copyOf(judges);
        requireNonNull(file, "file is null");
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        columns = List.copyOf(columns);
        realAssociations = realAssociations.stream().map(List::copyOf).toList();
        syntheticAssociations = syntheticAssociations.stream().map(List::copyOf).toList();
        comparisons = List.copyOf(comparisons);
        others = List.copyOf(others);
        curves = List.copyOf(curves);
        sample = sample.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /**
     * A synthesizer flagged for memorising its training rows.
     *
     * @param candidate the plugin id
     * @param reason the figures that flagged it
     */
    public record Flag(String candidate, String reason) {
        /** Checks for nulls. */
        public Flag {
            requireNonNull(candidate, "candidate is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * A fixed model that judged the synthetic rows.
     *
     * @param role {@code detection} or {@code utility}
     * @param plugin the plugin id
     */
    public record Judged(String role, String plugin) {
        /** Checks for nulls. */
        public Judged {
            requireNonNull(role, "role is null");
            requireNonNull(plugin, "plugin is null");
        }
    }

    /**
     * The column overlays of one synthesizer.
     *
     * @param candidate the plugin id
     * @param comparisons one per column
     */
    public record CandidateComparisons(String candidate, List<Fidelity.Comparison> comparisons) {
        /** Copies the list. */
        public CandidateComparisons {
            requireNonNull(candidate, "candidate is null");
            comparisons = List.copyOf(comparisons);
        }
    }

    /**
     * One training curve.
     *
     * @param candidate the plugin id
     * @param name the curve's name, e.g. {@code generator loss}
     * @param values one value per epoch
     */
    public record Curve(String candidate, String name, List<Double> values) {
        /** Copies the list. */
        public Curve {
            requireNonNull(candidate, "candidate is null");
            requireNonNull(name, "name is null");
            values = List.copyOf(values);
        }
    }

    @Override
    public String goal() {
        return "generate";
    }

    @Override
    public List<String> consoleLines() {
        var lines = new ArrayList<String>();
        for (Flag flag : flagged) {
            lines.add("Flagged for memorising: " + flag.candidate() + " (" + flag.reason() + ")");
        }
        if (!file.isEmpty()) {
            lines.add("Synthetic rows: " + rows + " rows" + condition.map(c -> " with " + c).orElse("") + " written to "
                    + path);
        }
        lines.addAll(notes);
        return List.copyOf(lines);
    }
}
