package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated task file: what the user wants, where the data is, what they know, how to evaluate.
 *
 * @param name a name for the task
 * @param goal the goal
 * @param data where the data is and which column is the target
 * @param facts what the user knows, by fact name (see {@link Facts})
 * @param evaluation how candidates are measured
 * @param candidates which plugins to force in or keep out
 * @param source the task file, for messages
 */
public record TaskSpec(String name, Goal goal, DataSpec data, Map<String, Boolean> facts, EvaluationSpec evaluation,
                       CandidatesSpec candidates, Path source) {
    /** Copies collections and checks for nulls. */
    public TaskSpec {
        requireNonNull(name, "name is null");
        requireNonNull(goal, "goal is null");
        requireNonNull(data, "data is null");
        facts = Map.copyOf(facts);
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(candidates, "candidates is null");
        requireNonNull(source, "source is null");
    }

    /**
     * The {@code data} section.
     *
     * @param path the data file, resolved against the task file's folder
     * @param format the file format; when empty it is taken from the file extension
     * @param target the target column; required for supervised goals
     * @param ignore columns to drop before modelling (ids, leaks)
     * @param ordered for an ordinal target, its levels lowest first; empty otherwise
     */
    public record DataSpec(Path path, Optional<DataFormat> format, Optional<String> target, List<String> ignore,
                           List<String> ordered) {
        /** Copies collections and checks for nulls. */
        public DataSpec {
            requireNonNull(path, "path is null");
            requireNonNull(format, "format is null");
            requireNonNull(target, "target is null");
            ignore = List.copyOf(ignore);
            ordered = List.copyOf(ordered);
        }
    }

    /** The formats the readers understand. */
    public enum DataFormat {
        /** Weka's attribute-relation file format. */
        ARFF,
        /** Comma-separated values with a header row. */
        CSV,
        /** Tab-separated values with a header row. */
        TSV
    }

    /**
     * The {@code evaluation} section.
     *
     * @param metric the metric the recommendation optimises, e.g. {@code accuracy} or {@code rmse}
     * @param folds folds of cross-validation, 2 to 50
     * @param repeats repeats of the k-fold split, 1 to 100
     * @param seed the seed every random choice flows from
     * @param timeLimitSeconds the longest one fit-and-predict of a candidate may take before it is marked timed out
     */
    public record EvaluationSpec(String metric, int folds, int repeats, long seed, long timeLimitSeconds) {
        /** Checks the metric is given. */
        public EvaluationSpec {
            requireNonNull(metric, "metric is null");
        }
    }

    /**
     * The {@code candidates} section.
     *
     * @param include plugin ids to evaluate even if the rules would leave them out; when non-empty and
     *     {@code only} is true, nothing else is evaluated
     * @param exclude plugin ids never to evaluate
     * @param only whether {@code include} is the complete list
     */
    public record CandidatesSpec(List<String> include, List<String> exclude, boolean only) {
        /** Copies the lists. */
        public CandidatesSpec {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }

        /** No includes or excludes. */
        public static final CandidatesSpec NONE = new CandidatesSpec(List.of(), List.of(), false);
    }
}
