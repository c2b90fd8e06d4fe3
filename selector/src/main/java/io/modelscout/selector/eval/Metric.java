package io.modelscout.selector.eval;

import io.modelscout.api.Goal;
import io.modelscout.api.model.ClassPrediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The metrics a candidate is scored on. Classification metrics read a {@link ClassPrediction} and the true codes;
 * regression metrics read predictions and true values.
 */
public enum Metric {
    /** Share of rows labelled correctly. */
    ACCURACY("accuracy", true, Goal.CLASSIFY, Goal.MODEL_SEQUENCES),
    /** Mean recall over the classes present in the fold: robust to class imbalance. */
    BALANCED_ACCURACY("balanced_accuracy", true, Goal.CLASSIFY, Goal.MODEL_SEQUENCES),
    /** Mean F1 over the classes present in the fold (truth or prediction). */
    MACRO_F1("macro_f1", true, Goal.CLASSIFY, Goal.MODEL_SEQUENCES),
    /** Mean negative log of the probability given to the true class, clipped at 1e-15. */
    LOG_LOSS("log_loss", false, Goal.CLASSIFY, Goal.MODEL_SEQUENCES),
    /** Area under the ROC curve of the second class's probability; binary targets only. */
    ROC_AUC("roc_auc", true, Goal.CLASSIFY, Goal.DETECT_ANOMALIES),
    /** Mean absolute distance in ranks between the predicted and the true class; ordinal targets only. */
    RANK_MAE("rank_mae", false, Goal.CLASSIFY),
    /** Root mean squared error. */
    RMSE("rmse", false, Goal.REGRESS),
    /** Mean absolute error. */
    MAE("mae", false, Goal.REGRESS),
    /** Coefficient of determination against the fold's own mean. */
    R2("r2", true, Goal.REGRESS),

    // ---- goals cluster, detect-anomalies, estimate-density ----
    /** Mean silhouette of held-out rows under the fitted assignment, -1 to 1. */
    SILHOUETTE("silhouette", true, Goal.CLUSTER),
    /** Mean held-out log-likelihood per row, in nats. */
    LOG_LIKELIHOOD("log_likelihood", true, Goal.CLUSTER, Goal.ESTIMATE_DENSITY),
    /** Agreement between fits on different resamples (adjusted Rand index for clusters, rank correlation of scores for anomalies). */
    STABILITY("stability", true, Goal.CLUSTER, Goal.DETECT_ANOMALIES),
    /** Adjusted Rand index against the task's reference column: external validation, never used to fit. */
    ARI("ari", true, Goal.CLUSTER),
    /** Normalised mutual information against the task's reference column. */
    NMI("nmi", true, Goal.CLUSTER),
    /** Average precision of the anomaly ranking against the reference column. */
    AVERAGE_PRECISION("average_precision", true, Goal.DETECT_ANOMALIES),
    /** Precision among the top-scored rows, as many as the reference marks anomalous. */
    PRECISION_AT_N("precision_at_n", true, Goal.DETECT_ANOMALIES),
    /** Normalised root mean squared error of imputed numeric cells against the masked truth. */
    IMPUTE_NRMSE("impute_nrmse", false, Goal.ESTIMATE_DENSITY),
    /** Share of imputed categorical cells that differ from the masked truth. */
    IMPUTE_ERROR("impute_error", false, Goal.ESTIMATE_DENSITY),
    /** Rank correlation of a detector's held-out scores with the mean rank the other detectors give the same rows. */
    AGREEMENT("agreement", true, Goal.DETECT_ANOMALIES),
    // ---- end of goals cluster, detect-anomalies, estimate-density ----



    // ---- goal model-sequences ----
    /** Share of positions labelled wrongly. */
    POSITION_ERROR_RATE("position_error_rate", false, Goal.MODEL_SEQUENCES),
    /** Positions labelled wrongly, counted (the figure published for a fixed test file). */
    POSITION_ERRORS("position_errors", false, Goal.MODEL_SEQUENCES),
    /** Share of sequences with every position labelled right. */
    EXACT_MATCH("exact_match", true, Goal.MODEL_SEQUENCES),
    /** Per-symbol perplexity of the next symbol, exp of the mean negative log-probability. */
    PERPLEXITY("perplexity", false, Goal.MODEL_SEQUENCES),
    /** Share of next symbols predicted right by the most probable symbol. */
    TOP1_ACCURACY("top1_accuracy", true, Goal.MODEL_SEQUENCES),
    // ---- end of goal model-sequences ----



    // ---- goal generate ----
    /** Mean per-column shape similarity (1 - Kolmogorov-Smirnov statistic, 1 - total variation), 0 to 1. */
    COLUMN_SHAPES("column_shapes", true, Goal.GENERATE),
    /** Mean similarity of pair-wise trends (correlation, contingency), 0 to 1. */
    PAIR_TRENDS("pair_trends", true, Goal.GENERATE),
    /** Cross-validated ROC AUC of a classifier telling real from synthetic rows; 0.5 is perfect. */
    DETECTION_AUC("detection_auc", false, Goal.GENERATE),
    /** Train on synthetic, test on real, divided by train on real, test on real. */
    TSTR_RATIO("tstr_ratio", true, Goal.GENERATE),
    /** Median distance of synthetic rows to the closest training row over that of real held-out rows. */
    DCR_RATIO("dcr_ratio", true, Goal.GENERATE),
    /** Share of synthetic rows equal to a training row. */
    COPY_RATE("copy_rate", false, Goal.GENERATE),
    /** Mean of column_shapes, pair_trends and the detection score min(1, 2 (1 - detection_auc)), 0 to 1. */
    FIDELITY("fidelity", true, Goal.GENERATE),
    /** The utility model's score when trained on synthetic rows and tested on real ones. */
    TSTR_SCORE("tstr_score", true, Goal.GENERATE),
    /** The utility model's score when trained on real rows and tested on real ones (the reference of tstr_ratio). */
    TRTR_SCORE("trtr_score", true, Goal.GENERATE);
    // ---- end of goal generate ----

    private static final double EPS = 1e-15;

    private final String id;
    private final Set<Goal> goals;
    private final boolean higherIsBetter;

    Metric(String id, boolean higherIsBetter, Goal... goals) {
        this.id = id;
        this.goals = Set.of(goals);
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * The name used in task files and results.
     *
     * @return e.g. {@code balanced_accuracy}
     */
    public String id() {
        return id;
    }

    /**
     * The goals the metric scores.
     *
     * @return e.g. {@link Goal#CLASSIFY} and {@link Goal#MODEL_SEQUENCES} for accuracy
     */
    public Set<Goal> goals() {
        return goals;
    }

    /**
     * Whether a larger value is better.
     *
     * @return true for accuracy-like metrics, false for losses and errors
     */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * The metrics reported for a goal.
     *
     * @param goal the goal
     * @param classes the number of declared classes (ignored for regression)
     * @return the metrics, in display order; ROC AUC only for two classes; no rank error (the target has no order)
     */
    public static List<Metric> forGoal(Goal goal, int classes) {
        return forGoal(goal, classes, false);
    }

    /**
     * The metrics reported for a goal whose target may be ordinal.
     *
     * @param goal the goal
     * @param classes the number of declared classes (ignored for regression)
     * @param ordinal whether the classes are ranked, which adds {@link #RANK_MAE}
     * @return the metrics, in display order; ROC AUC only for two classes
     */
    public static List<Metric> forGoal(Goal goal, int classes, boolean ordinal) {
        var metrics = new ArrayList<Metric>();
        for (Metric metric : values()) {
            if (metric.goals.contains(goal) && (metric != ROC_AUC || classes == 2 || goal != Goal.CLASSIFY)
                    && (metric != RANK_MAE || ordinal)) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    /**
     * The metric a goal is judged by when the task names none.
     *
     * @param goal the goal
     * @return accuracy for classification, RMSE for regression
     */
    public static Metric defaultFor(Goal goal) {
        return switch (goal) {
            case CLASSIFY, MODEL_SEQUENCES -> ACCURACY;
            case REGRESS -> RMSE;
            case CLUSTER -> SILHOUETTE;
            case DETECT_ANOMALIES -> ROC_AUC;
            case ESTIMATE_DENSITY -> LOG_LIKELIHOOD;
            case GENERATE -> FIDELITY;
        };
    }

    // ---- goal model-sequences ----

    /**
     * The metrics reported for a sequence task, the default first.
     *
     * @param task the sequence task
     * @return label: position error rate, position errors, exact match; classify: as for classification (no ROC AUC);
     *     next: log-loss, perplexity, top-1 accuracy
     */
    public static List<Metric> forSequenceTask(io.modelscout.api.SequenceTask task) {
        return switch (task) {
            case LABEL -> List.of(POSITION_ERROR_RATE, POSITION_ERRORS, EXACT_MATCH);
            case CLASSIFY -> List.of(ACCURACY, BALANCED_ACCURACY, MACRO_F1, LOG_LOSS);
            case NEXT -> List.of(PERPLEXITY, LOG_LOSS, TOP1_ACCURACY);
        };
    }

    /**
     * The metric a sequence task is judged by when the task names none.
     *
     * @param task the sequence task
     * @return position error rate, accuracy or perplexity
     */
    public static Metric defaultFor(io.modelscout.api.SequenceTask task) {
        return forSequenceTask(task).getFirst();
    }

    /**
     * Scores position labels.
     *
     * @param truth the true label code of each position
     * @param predicted the predicted code of each position
     * @param offsets the first position of each sequence, then the position count
     * @return the value of a label metric
     */
    public double scoreLabels(int[] truth, int[] predicted, int[] offsets) {
        int errors = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != predicted[i]) {
                errors++;
            }
        }
        return switch (this) {
            case POSITION_ERRORS -> errors;
            case POSITION_ERROR_RATE -> errors / (double) truth.length;
            case EXACT_MATCH -> {
                int exact = 0;
                for (int s = 0; s + 1 < offsets.length; s++) {
                    boolean all = true;
                    for (int i = offsets[s]; i < offsets[s + 1] && all; i++) {
                        all = truth[i] == predicted[i];
                    }
                    if (all) {
                        exact++;
                    }
                }
                yield exact / (double) (offsets.length - 1);
            }
            default -> throw new IllegalStateException(id + " is not a position-label metric");
        };
    }

    /**
     * Scores next-symbol probabilities.
     *
     * @param truth the symbol code at each position
     * @param probabilities per position, the probability of each symbol given the ones before it
     * @return the value of a next-symbol metric; log-loss in nats per symbol
     */
    public double scoreNext(int[] truth, double[][] probabilities) {
        int n = truth.length;
        return switch (this) {
            case LOG_LOSS, PERPLEXITY -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum -= Math.log(Math.min(1.0, Math.max(EPS, probabilities[i][truth[i]])));
                }
                yield this == LOG_LOSS ? sum / n : Math.exp(sum / n);
            }
            case TOP1_ACCURACY -> {
                int hits = 0;
                for (int i = 0; i < n; i++) {
                    double[] p = probabilities[i];
                    int best = 0;
                    for (int k = 1; k < p.length; k++) {
                        if (p[k] > p[best]) {
                            best = k;
                        }
                    }
                    if (best == truth[i]) {
                        hits++;
                    }
                }
                yield hits / (double) n;
            }
            default -> throw new IllegalStateException(id + " is not a next-symbol metric");
        };
    }

    // ---- end of goal model-sequences ----

    /**
     * Looks a metric up by name.
     *
     * @param id the name
     * @return the metric
     * @throws IllegalArgumentException listing the known names
     */
    public static Metric fromId(String id) {
        for (Metric metric : values()) {
            if (metric.id.equals(id)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Metric::id).toList()));
    }

    /**
     * Scores a classification.
     *
     * @param truth the true class code per row
     * @param prediction the prediction
     * @param classes the number of declared classes
     * @return the value
     */
    public double score(int[] truth, ClassPrediction prediction, int classes) {
        int n = truth.length;
        int[] labels = prediction.labels();
        return switch (this) {
            case ACCURACY -> {
                int correct = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == truth[i]) {
                        correct++;
                    }
                }
                yield correct / (double) n;
            }
            case BALANCED_ACCURACY -> {
                int[] support = new int[classes];
                int[] hits = new int[classes];
                for (int i = 0; i < n; i++) {
                    support[truth[i]]++;
                    if (labels[i] == truth[i]) {
                        hits[truth[i]]++;
                    }
                }
                double sum = 0;
                int present = 0;
                for (int k = 0; k < classes; k++) {
                    if (support[k] > 0) {
                        sum += hits[k] / (double) support[k];
                        present++;
                    }
                }
                yield sum / present;
            }
            case MACRO_F1 -> {
                int[] tp = new int[classes];
                int[] fp = new int[classes];
                int[] fn = new int[classes];
                for (int i = 0; i < n; i++) {
                    if (labels[i] == truth[i]) {
                        tp[truth[i]]++;
                    } else {
                        fp[labels[i]]++;
                        fn[truth[i]]++;
                    }
                }
                double sum = 0;
                int present = 0;
                for (int k = 0; k < classes; k++) {
                    if (tp[k] + fp[k] + fn[k] > 0) {
                        sum += 2.0 * tp[k] / (2.0 * tp[k] + fp[k] + fn[k]);
                        present++;
                    }
                }
                yield sum / present;
            }
            case LOG_LOSS -> {
                double sum = 0;
                double[][] p = prediction.probabilities();
                for (int i = 0; i < n; i++) {
                    sum -= Math.log(Math.min(1.0, Math.max(EPS, p[i][truth[i]])));
                }
                yield sum / n;
            }
            case ROC_AUC -> auc(truth, prediction.probabilities());
            case RANK_MAE -> {
                // class codes are ranks: the levels of an ordinal column are declared lowest first
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.abs(labels[i] - truth[i]);
                }
                yield sum / (double) n;
            }
            default -> throw new IllegalStateException(id + " is not a classification metric");
        };
    }

    /**
     * Scores a regression.
     *
     * @param truth the true values
     * @param predicted the predictions
     * @return the value
     */
    public double score(double[] truth, double[] predicted) {
        int n = truth.length;
        return switch (this) {
            case RMSE -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double d = truth[i] - predicted[i];
                    sum += d * d;
                }
                yield Math.sqrt(sum / n);
            }
            case MAE -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.abs(truth[i] - predicted[i]);
                }
                yield sum / n;
            }
            case R2 -> {
                double mean = 0;
                for (double v : truth) {
                    mean += v / n;
                }
                double sse = 0;
                double sst = 0;
                for (int i = 0; i < n; i++) {
                    sse += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
                    sst += (truth[i] - mean) * (truth[i] - mean);
                }
                yield sst == 0 ? (sse == 0 ? 1.0 : 0.0) : 1.0 - sse / sst;
            }
            default -> throw new IllegalStateException(id + " is not a regression metric");
        };
    }

    /** Mann-Whitney form of the AUC, with ties counted as one half; class code 1 is the positive class. */
    private static double auc(int[] truth, double[][] probabilities) {
        int n = truth.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[a][1], probabilities[b][1]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && probabilities[order[j + 1]][1] == probabilities[order[i]][1]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (truth[order[k]] == 1) {
                    rankSumPositive += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
