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
 * @param options the goal's own section (clusters, anomalies, density, sequences, synthesis);
 *     {@link GoalOptions#NONE} for classification and regression
 */
public record TaskSpec(String name, Goal goal, DataSpec data, Map<String, Boolean> facts, EvaluationSpec evaluation,
                       CandidatesSpec candidates, Path source, GoalOptions options) {
    /** Copies collections and checks for nulls. */
    public TaskSpec {
        requireNonNull(name, "name is null");
        requireNonNull(goal, "goal is null");
        requireNonNull(data, "data is null");
        facts = Map.copyOf(facts);
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(candidates, "candidates is null");
        requireNonNull(source, "source is null");
        requireNonNull(options, "options is null");
    }

    /**
     * A task without goal options.
     *
     * @param name the name
     * @param goal the goal
     * @param data the data section
     * @param facts the facts
     * @param evaluation the evaluation section
     * @param candidates the candidates section
     * @param source the task file
     */
    public TaskSpec(String name, Goal goal, DataSpec data, Map<String, Boolean> facts, EvaluationSpec evaluation,
                    CandidatesSpec candidates, Path source) {
        this(name, goal, data, facts, evaluation, candidates, source, GoalOptions.NONE);
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
     * @param tuning how hyper-parameters are searched inside each outer training part; {@link Tuning#NONE} keeps the
     *     plugins' defaults
     * @param budgetSeconds the wall-clock cap of the whole search, shared out evenly over tuned candidates and outer
     *     splits; it only ever cuts a search short (and says so), it never sets how many configurations are tried
     * @param trials configurations tried per candidate and outer split (random search), or started with (successive
     *     halving); 0 when the tuning is none
     * @param claims whether the primer's claims are checked on the data after the evaluation (a few extra fits)
     */
    public record EvaluationSpec(String metric, int folds, int repeats, long seed, long timeLimitSeconds, Tuning tuning,
                                 long budgetSeconds, int trials, boolean claims) {
        /** The budget when the task names none, in seconds (5 minutes). */
        public static final long DEFAULT_BUDGET_SECONDS = 300;

        /** Checks the metric is given and the tuning settings agree. */
        public EvaluationSpec {
            requireNonNull(metric, "metric is null");
            requireNonNull(tuning, "tuning is null");
            if (budgetSeconds < 1) {
                throw new IllegalArgumentException("budgetSeconds must be at least 1, got " + budgetSeconds);
            }
            if (tuning == Tuning.NONE ? trials != 0 : trials < 1) {
                throw new IllegalArgumentException("trials must be " + (tuning == Tuning.NONE ? "0" : "at least 1")
                        + " with tuning " + tuning.id() + ", got " + trials);
            }
        }

        /**
         * An evaluation that checks the claims.
         *
         * @param metric the metric
         * @param folds folds per repeat
         * @param repeats repeats
         * @param seed the seed
         * @param timeLimitSeconds the time limit of one fit
         * @param tuning the tuning
         * @param budgetSeconds the tuning budget
         * @param trials the trials per candidate and split
         */
        public EvaluationSpec(String metric, int folds, int repeats, long seed, long timeLimitSeconds, Tuning tuning,
                              long budgetSeconds, int trials) {
            this(metric, folds, repeats, seed, timeLimitSeconds, tuning, budgetSeconds, trials, true);
        }

        /**
         * An evaluation without tuning.
         *
         * @param metric the metric
         * @param folds folds per repeat
         * @param repeats repeats
         * @param seed the seed
         * @param timeLimitSeconds the time limit of one fit
         */
        public EvaluationSpec(String metric, int folds, int repeats, long seed, long timeLimitSeconds) {
            this(metric, folds, repeats, seed, timeLimitSeconds, Tuning.NONE, DEFAULT_BUDGET_SECONDS, 0);
        }
    }

    /** How a candidate's hyper-parameters are chosen inside each outer training part. */
    public enum Tuning {
        /** The plugin's declared defaults, no search. */
        NONE("none", 0),
        /** Configurations drawn at random from the declared space, the defaults first. */
        RANDOM("random", 20),
        /** Successive halving: many configurations on few rows, the best third kept on three times as many. */
        HALVING("halving", 27);

        private final String id;
        private final int defaultTrials;

        Tuning(String id, int defaultTrials) {
            this.id = id;
            this.defaultTrials = defaultTrials;
        }

        /**
         * The name written in a task file.
         *
         * @return e.g. {@code random}
         */
        public String id() {
            return id;
        }

        /**
         * Configurations per candidate and outer split when the task names no {@code evaluation.trials}.
         *
         * @return 0 for {@link #NONE}
         */
        public int defaultTrials() {
            return defaultTrials;
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
