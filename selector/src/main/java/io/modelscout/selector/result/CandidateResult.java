package io.modelscout.selector.result;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param tuning the hyper-parameters chosen inside each outer training fold when the task tunes; empty otherwise
 * @param diagnostics out-of-fold diagnostics (confusion matrix, ROC curves, predicted against actual), when evaluated
 */
public record CandidateResult(String id, String name, String family, List<String> capabilities, Status status,
                              String reason, List<String> preprocessing, Map<String, Object> parameters,
                              Map<String, Score> scores, Timing timing, List<FoldParameters> tuning,
                              Optional<Diagnostics> diagnostics) {
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
        tuning = List.copyOf(tuning);
        requireNonNull(diagnostics, "diagnostics is null");
    }

    /**
     * A candidate without tuning or diagnostics.
     *
     * @param id the plugin id
     * @param name the display name
     * @param family the family id
     * @param capabilities the capability names
     * @param status the status
     * @param reason the reason
     * @param preprocessing the preprocessing steps
     * @param parameters the parameter values
     * @param scores the scores by metric
     * @param timing the timing
     */
    public CandidateResult(String id, String name, String family, List<String> capabilities, Status status,
                           String reason, List<String> preprocessing, Map<String, Object> parameters,
                           Map<String, Score> scores, Timing timing) {
        this(id, name, family, capabilities, status, reason, preprocessing, parameters, scores, timing, List.of(),
                Optional.empty());
    }

    /**
     * The hyper-parameters chosen for one outer split.
     *
     * @param repeat the repeat, from 0
     * @param fold the fold, from 0
     * @param parameters the chosen values
     */
    public record FoldParameters(int repeat, int fold, Map<String, Object> parameters) {
        /** Copies the map. */
        public FoldParameters {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * Out-of-fold diagnostics of one candidate, from the first repeat (every row predicted once).
     *
     * @param classes the class labels, in code order; empty for regression
     * @param confusion counts by true class (row) and predicted class (column); empty for regression
     * @param roc one curve per class against the rest (a single curve, for the second class, when there are two)
     * @param actual for regression, true values of a sample of at most 1000 rows; empty for classification
     * @param predicted for regression, the out-of-fold predictions of the same rows
     */
    public record Diagnostics(List<String> classes, List<List<Integer>> confusion, List<Curve> roc, List<Double> actual,
                              List<Double> predicted) {
        /** Copies the lists. */
        public Diagnostics {
            classes = List.copyOf(classes);
            confusion = confusion.stream().map(List::copyOf).toList();
            roc = List.copyOf(roc);
            actual = List.copyOf(actual);
            predicted = List.copyOf(predicted);
        }
    }

    /**
     * A ROC curve.
     *
     * @param label the positive class
     * @param falsePositiveRate x coordinates, ascending from 0 to 1
     * @param truePositiveRate y coordinates
     * @param auc the area under it
     */
    public record Curve(String label, List<Double> falsePositiveRate, List<Double> truePositiveRate, double auc) {
        /** Copies the lists. */
        public Curve {
            requireNonNull(label, "label is null");
            falsePositiveRate = List.copyOf(falsePositiveRate);
            truePositiveRate = List.copyOf(truePositiveRate);
        }
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
