package io.modelscout.selector.unsupervised;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an anomaly run shows: the out-of-fold scores of each candidate, the most anomalous rows by the recommended
 * detector, and, when the task names a reference of known anomalies, the ROC and precision-recall curves.
 *
 * @param recommended the recommended candidate, or empty
 * @param reference the reference column, when the task names one
 * @param anomalyLevel the reference level that marks an anomaly, when a reference exists
 * @param knownAnomalies how many rows the reference marks as anomalies, when a reference exists
 * @param basis the stated basis of the choice in a sentence (validated against the reference, or agreement and
 *     stability only)
 * @param ensembleMembers the detectors the rank-averaged ensemble candidate combines; empty when no ensemble was
 *     built
 * @param distributions per candidate, its out-of-fold score of every row (first repeat), in row order
 * @param knownAnomaly per row, whether the reference marks it as an anomaly; empty without a reference
 * @param columns the column names of {@link TopRow#values()}
 * @param top the most anomalous rows by the recommended candidate's out-of-fold score, most anomalous first
 * @param roc per candidate, its ROC curve (x false-positive rate, y true-positive rate) from out-of-fold scores;
 *     empty without a reference
 * @param precisionRecall per candidate, its precision-recall curve (x recall, y precision); empty without a reference
 * @param notes how the numbers were obtained
 */
public record AnomalyDetails(String recommended, Optional<String> reference, Optional<String> anomalyLevel,
                             Optional<Integer> knownAnomalies, String basis, List<String> ensembleMembers,
                             List<ScoreDistribution> distributions, List<Boolean> knownAnomaly, List<String> columns,
                             List<TopRow> top, List<Curve> roc, List<Curve> precisionRecall, List<String> notes)
        implements UnsupervisedDetails {
    /** Copies and checks. */
    public AnomalyDetails {
        requireNonNull(recommended, "recommended is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(anomalyLevel, "anomalyLevel is null");
        requireNonNull(knownAnomalies, "knownAnomalies is null");
        requireNonNull(basis, "basis is null");
        ensembleMembers = List.copyOf(ensembleMembers);
        distributions = List.copyOf(distributions);
        knownAnomaly = List.copyOf(knownAnomaly);
        columns = List.copyOf(columns);
        top = List.copyOf(top);
        roc = List.copyOf(roc);
        precisionRecall = List.copyOf(precisionRecall);
        notes = List.copyOf(notes);
    }

    @Override
    public String goal() {
        return "detect-anomalies";
    }

    @Override
    public List<String> consoleLines() {
        var lines = new ArrayList<String>();
        lines.add("basis: " + basis);
        int shown = Math.min(5, top.size());
        if (shown > 0) {
            lines.add("most anomalous rows by " + recommended + " (out-of-fold score):");
            for (TopRow row : top.subList(0, shown)) {
                lines.add(String.format(java.util.Locale.ROOT, "  row %d  score %.4g%s", row.row() + 1, row.score(),
                        row.known().map(k -> k ? "  (known anomaly)" : "").orElse("")));
            }
        }
        return lines;
    }

    /**
     * One candidate's out-of-fold scores.
     *
     * @param candidate the candidate's id
     * @param scores one score per row, in row order; higher is more anomalous
     */
    public record ScoreDistribution(String candidate, List<Double> scores) {
        /** Copies and checks. */
        public ScoreDistribution {
            requireNonNull(candidate, "candidate is null");
            scores = List.copyOf(scores);
        }
    }

    /**
     * One of the most anomalous rows.
     *
     * @param row the row's index in the data (0-based)
     * @param score its out-of-fold score by the recommended candidate
     * @param values its cells as text, in the order of {@link AnomalyDetails#columns()}; empty text for a missing cell
     * @param known whether the reference marks it as an anomaly, when a reference exists
     */
    public record TopRow(int row, double score, List<String> values, Optional<Boolean> known) {
        /** Copies and checks. */
        public TopRow {
            values = List.copyOf(values);
            requireNonNull(known, "known is null");
        }
    }

    /**
     * A curve of one candidate.
     *
     * @param candidate the candidate's id
     * @param x the x values
     * @param y the y values
     * @param area the area summarising the curve (ROC AUC, or average precision)
     */
    public record Curve(String candidate, List<Double> x, List<Double> y, double area) {
        /** Copies and checks. */
        public Curve {
            requireNonNull(candidate, "candidate is null");
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(candidate + ": " + x.size() + " x values, " + y.size() + " y values");
            }
        }
    }
}
