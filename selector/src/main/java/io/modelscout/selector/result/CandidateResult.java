package io.modelscout.selector.result;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One candidate's outcome.
 *
 * @param id the plugin id
 * @param name the plugin's display name
 * @param family {@code generative} or {@code discriminative}
 * @param capabilities the plugin's declared capabilities, as enum names
 * @param status what happened to it
 * @param reason why it was included or excluded, and for a failure what went wrong
 * @param preprocessing steps fitted inside each training fold before the plugin saw the data, e.g. {@code one-hot encode 13 nominal columns}
 * @param parameters the hyper-parameter values used
 * @param scores per metric id, the per-fold values and their summary; empty unless evaluated
 * @param timing fit and prediction times; zero unless evaluated
 */
public record CandidateResult(String id, String name, String family, List<String> capabilities, Status status,
                              String reason, List<String> preprocessing, Map<String, Object> parameters,
                              Map<String, Score> scores, Timing timing) {
    /** Copies collections and checks for nulls. */
    public CandidateResult {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(family, "family is null");
        capabilities = List.copyOf(capabilities);
        requireNonNull(status, "status is null");
        requireNonNull(reason, "reason is null");
        preprocessing = List.copyOf(preprocessing);
        parameters = Map.copyOf(parameters);
        scores = Map.copyOf(scores);
        requireNonNull(timing, "timing is null");
    }

    /** What happened to a candidate. */
    public enum Status {
        /** Every fold was fitted and scored. */
        EVALUATED("evaluated"),
        /** A fit or prediction threw or returned invalid output. */
        FAILED("failed"),
        /** A fit or prediction took longer than the task's time limit. */
        TIMED_OUT("timed-out"),
        /** The rules or the task left it out. */
        EXCLUDED("excluded");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        /**
         * The name written to {@code result.json}.
         *
         * @return e.g. {@code timed-out}
         */
        public String id() {
            return id;
        }
    }

    /**
     * The scores of one metric.
     *
     * @param mean mean over all folds of all repeats
     * @param sd standard deviation over folds
     * @param folds the value per fold, repeat-major
     */
    public record Score(double mean, double sd, List<Double> folds) {
        /** Copies the list. */
        public Score {
            folds = List.copyOf(folds);
        }
    }

    /**
     * Time spent.
     *
     * @param fitSeconds mean fit time per fold, including preprocessing fitted in the fold
     * @param predictMicrosPerRow mean prediction time per row
     */
    public record Timing(double fitSeconds, double predictMicrosPerRow) {
        /** No time spent. */
        public static final Timing NONE = new Timing(0, 0);
    }
}
