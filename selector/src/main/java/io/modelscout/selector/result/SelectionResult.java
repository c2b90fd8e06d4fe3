package io.modelscout.selector.result;

import static java.util.Objects.requireNonNull;

import io.modelscout.selector.data.DataProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one selection found: the source of truth for {@code result.json}, the console summary and the report.
 *
 * @param task what was asked
 * @param profile what the data looks like
 * @param facts every fact the rules saw, user-given and derived, by name
 * @param rules every rule of the rulebook, fired or not
 * @param candidates every plugin considered: evaluated, failed, timed out or excluded
 * @param recommendation the recommended candidate, when at least one was evaluated
 * @param provenance versions, seed, folds, threads, time taken
 * @param plugins every registered plugin with its family, goals and capabilities (the capability matrix)
 * @param claims the primer's claims checked on the user's data
 * @param details what only this goal has to show (cluster assignments, anomaly scores, imputation errors,
 *     transition matrices, synthetic rows...); empty for classification and regression
 */
public record SelectionResult(TaskSummary task, DataProfile profile, List<FactValue> facts, List<RuleOutcome> rules,
                              List<CandidateResult> candidates, Optional<Recommendation> recommendation,
                              Provenance provenance, List<PluginInfo> plugins, List<Claim> claims,
                              Optional<GoalDetails> details) {
    /** Copies lists and checks for nulls. */
    public SelectionResult {
        requireNonNull(task, "task is null");
        requireNonNull(profile, "profile is null");
        facts = List.copyOf(facts);
        rules = List.copyOf(rules);
        candidates = List.copyOf(candidates);
        requireNonNull(recommendation, "recommendation is null");
        requireNonNull(provenance, "provenance is null");
        plugins = List.copyOf(plugins);
        claims = List.copyOf(claims);
        requireNonNull(details, "details is null");
    }

    /**
     * A result without goal details (classification and regression).
     *
     * @param task the task
     * @param profile the profile
     * @param facts the facts
     * @param rules the rules
     * @param candidates the candidates
     * @param recommendation the recommendation
     * @param provenance the provenance
     * @param plugins the plugins
     * @param claims the claims
     */
    public SelectionResult(TaskSummary task, DataProfile profile, List<FactValue> facts, List<RuleOutcome> rules,
                           List<CandidateResult> candidates, Optional<Recommendation> recommendation,
                           Provenance provenance, List<PluginInfo> plugins, List<Claim> claims) {
        this(task, profile, facts, rules, candidates, recommendation, provenance, plugins, claims, Optional.empty());
    }

    /**
     * A result without the plugin list and claims.
     *
     * @param task the task
     * @param profile the profile
     * @param facts the facts
     * @param rules the rules
     * @param candidates the candidates
     * @param recommendation the recommendation
     * @param provenance the provenance
     */
    public SelectionResult(TaskSummary task, DataProfile profile, List<FactValue> facts, List<RuleOutcome> rules,
                           List<CandidateResult> candidates, Optional<Recommendation> recommendation,
                           Provenance provenance) {
        this(task, profile, facts, rules, candidates, recommendation, provenance, List.of(), List.of(),
                Optional.empty());
    }

    /**
     * A registered plugin, for the capability matrix.
     *
     * @param id the id
     * @param name the display name
     * @param family the family id
     * @param goals the goal ids
     * @param capabilities the capability names
     */
    public record PluginInfo(String id, String name, String family, List<String> goals, List<String> capabilities) {
        /** Copies and checks. */
        public PluginInfo {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(family, "family is null");
            goals = List.copyOf(goals);
            capabilities = List.copyOf(capabilities);
        }
    }

    /**
     * One claim of the generative-vs-discriminative primer, checked on the user's data.
     *
     * @param id a stable id, e.g. {@code generative-converges-faster}
     * @param statement the claim in words
     * @param held whether the data bore it out; empty when it could not be checked
     * @param finding what was measured, in a sentence
     * @param series the measurements behind it, e.g. a learning curve per candidate
     */
    public record Claim(String id, String statement, Optional<Boolean> held, String finding, List<Series> series) {
        /** Copies and checks. */
        public Claim {
            requireNonNull(id, "id is null");
            requireNonNull(statement, "statement is null");
            requireNonNull(held, "held is null");
            requireNonNull(finding, "finding is null");
            series = List.copyOf(series);
        }
    }

    /**
     * Points of one measured series.
     *
     * @param label what the series is, e.g. a candidate id
     * @param x the x values, e.g. training-set sizes
     * @param y the y values, e.g. mean scores
     */
    public record Series(String label, List<Double> x, List<Double> y) {
        /** Copies and checks. */
        public Series {
            requireNonNull(label, "label is null");
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(label + ": " + x.size() + " x values but " + y.size() + " y values");
            }
        }
    }
    /**
     * The task as asked.
     *
     * @param name the task name
     * @param goal the goal's id, e.g. {@code classify}
     * @param dataFile the data file as written in the task
     * @param target the target column, or empty
     * @param metric the metric the recommendation optimises
     * @param higherIsBetter whether larger values of {@code metric} are better
     * @param metrics every metric reported, first the task's
     */
    public record TaskSummary(String name, String goal, String dataFile, Optional<String> target, String metric,
                              boolean higherIsBetter, List<String> metrics) {
        /** Copies and checks. */
        public TaskSummary {
            requireNonNull(name, "name is null");
            requireNonNull(goal, "goal is null");
            requireNonNull(dataFile, "dataFile is null");
            requireNonNull(target, "target is null");
            requireNonNull(metric, "metric is null");
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * A fact the rules saw.
     *
     * @param name the fact's name, e.g. {@code missing_values}
     * @param value its value
     * @param source {@code task} when the user stated it, {@code profile} when derived from the data
     * @param detail how it was derived, e.g. {@code 9.5 % of feature cells are missing}
     */
    public record FactValue(String name, boolean value, String source, String detail) {
        /** Checks for nulls. */
        public FactValue {
            requireNonNull(name, "name is null");
            requireNonNull(source, "source is null");
            requireNonNull(detail, "detail is null");
        }
    }

    /**
     * One rule and whether it fired.
     *
     * @param id the rule's id
     * @param fired whether its condition held
     * @param when its condition, as written in the rulebook
     * @param effect what it does when it fires, e.g. {@code prefer family generative}
     * @param reason the rule's reason in words
     */
    public record RuleOutcome(String id, boolean fired, String when, String effect, String reason) {
        /** Checks for nulls. */
        public RuleOutcome {
            requireNonNull(id, "id is null");
            requireNonNull(when, "when is null");
            requireNonNull(effect, "effect is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * The recommendation.
     *
     * @param candidate the id of the recommended candidate
     * @param metric the metric it was chosen on
     * @param score its mean score on that metric
     * @param reasons the reasons, in sentences
     * @param tiedWith candidates statistically tied with the best, best first; empty when none is
     * @param tieBreak how the tie was broken, in a sentence; empty when there was no tie
     */
    public record Recommendation(String candidate, String metric, double score, List<String> reasons,
                                 List<String> tiedWith, String tieBreak) {
        /** Copies and checks. */
        public Recommendation {
            requireNonNull(candidate, "candidate is null");
            requireNonNull(metric, "metric is null");
            reasons = List.copyOf(reasons);
            tiedWith = List.copyOf(tiedWith);
            requireNonNull(tieBreak, "tieBreak is null");
        }

        /**
         * A recommendation without a tie.
         *
         * @param candidate the candidate
         * @param metric the metric
         * @param score the score
         * @param reasons the reasons
         */
        public Recommendation(String candidate, String metric, double score, List<String> reasons) {
            this(candidate, metric, score, reasons, List.of(), "");
        }
    }

    /**
     * Where the numbers came from.
     *
     * @param modelscoutVersion the version of ModelScout
     * @param seed the task seed
     * @param folds folds per repeat
     * @param repeats repeats of the split
     * @param threads threads used for evaluation
     * @param startedAt when the run started, ISO-8601
     * @param seconds wall time of the whole run
     * @param versions versions of the JVM and libraries, by name
     */
    public record Provenance(String modelscoutVersion, long seed, int folds, int repeats, int threads, String startedAt,
                             double seconds, Map<String, String> versions) {
        /** Copies and checks. */
        public Provenance {
            requireNonNull(modelscoutVersion, "modelscoutVersion is null");
            requireNonNull(startedAt, "startedAt is null");
            versions = Map.copyOf(versions);
        }
    }
}
