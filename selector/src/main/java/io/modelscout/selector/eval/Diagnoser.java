package io.modelscout.selector.eval;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Curve;
import io.modelscout.selector.result.CandidateResult.Diagnostics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Out-of-fold diagnostics of a candidate: from the first repeat of cross-validation, where every row is predicted
 * exactly once by a model that did not see it, a confusion matrix and one-vs-rest ROC curves for classification, or
 * a sample of actual and predicted values for regression.
 *
 * <p>The evaluator keeps references to the predictions its plugins returned (no copy of the table); this class lays
 * them out by row and summarises them. Curves are thinned to at most {@link #MAX_CURVE_POINTS} points and the
 * regression sample to at most {@link #MAX_SAMPLE} rows, so that {@code result.json} and the report stay small
 * whatever the data size; the sample takes evenly spaced rows, so it is the same at every run.
 */
public final class Diagnoser {
    /** The most points kept per ROC curve. */
    public static final int MAX_CURVE_POINTS = 200;
    /** The most rows kept of a regression's actual and predicted values. */
    public static final int MAX_SAMPLE = 1000;

    private Diagnoser() {
    }

    /**
     * The predictions of one test fold, held by reference.
     *
     * @param rows the test rows, indices into the evaluated table
     * @param classes for classification the prediction of those rows, else null
     * @param values for regression the predicted values of those rows, else null
     */
    public record Part(int[] rows, ClassPrediction classes, double[] values) {
        /** Checks that the part describes its rows. */
        public Part {
            requireNonNull(rows, "rows is null");
            int size = classes != null ? classes.size() : values != null ? values.length : -1;
            if (size != rows.length) {
                throw new IllegalArgumentException(rows.length + " rows but " + size + " predictions");
            }
        }

        /**
         * A classification fold.
         *
         * @param rows the test rows
         * @param prediction their prediction
         * @return the part
         */
        public static Part classes(int[] rows, ClassPrediction prediction) {
            return new Part(rows, requireNonNull(prediction, "prediction is null"), null);
        }

        /**
         * A regression fold.
         *
         * @param rows the test rows
         * @param values their predicted values
         * @return the part
         */
        public static Part values(int[] rows, double[] values) {
            return new Part(rows, null, requireNonNull(values, "values is null"));
        }
    }

    /**
     * Out-of-fold predictions laid out by row. A row no fold predicted has label {@code -1} and value NaN.
     *
     * @param labels for classification the predicted class code per row, else an empty array
     * @param probabilities for classification the class probabilities per row (null where not predicted)
     * @param values for regression the predicted value per row, else an empty array
     */
    public record Predictions(int[] labels, double[][] probabilities, double[] values) {
        /** Checks for nulls. */
        public Predictions {
            requireNonNull(labels, "labels is null");
            requireNonNull(probabilities, "probabilities is null");
            requireNonNull(values, "values is null");
        }

        /**
         * Lays out the parts by row; parts may be null (folds of later repeats are not kept).
         *
         * @param rowCount rows of the evaluated table
         * @param parts the parts
         * @return the predictions, or empty when no part is there
         */
        public static Optional<Predictions> collect(int rowCount, List<Part> parts) {
            boolean classes = false;
            boolean any = false;
            for (Part part : parts) {
                if (part != null) {
                    any = true;
                    classes = part.classes() != null;
                }
            }
            if (!any) {
                return Optional.empty();
            }
            int[] labels = new int[classes ? rowCount : 0];
            Arrays.fill(labels, -1);
            double[][] probabilities = new double[classes ? rowCount : 0][];
            double[] values = new double[classes ? 0 : rowCount];
            Arrays.fill(values, Double.NaN);
            for (Part part : parts) {
                if (part == null) {
                    continue;
                }
                for (int i = 0; i < part.rows().length; i++) {
                    int row = part.rows()[i];
                    if (classes && part.classes() != null) {
                        labels[row] = part.classes().labels()[i];
                        probabilities[row] = part.classes().probabilities()[i];
                    } else if (!classes && part.values() != null) {
                        values[row] = part.values()[i];
                    }
                }
            }
            return Optional.of(new Predictions(labels, probabilities, values));
        }
    }

    /**
     * The diagnostics of a candidate's out-of-fold predictions.
     *
     * @param predictions the predictions, by row
     * @param target the true values of the evaluated table, categorical for classification, numeric for regression
     * @return the diagnostics
     */
    public static Diagnostics diagnose(Predictions predictions, Column target) {
        requireNonNull(predictions, "predictions is null");
        return switch (requireNonNull(target, "target is null")) {
            case CategoricalColumn classes -> classification(predictions, classes);
            case NumericColumn numeric -> regression(predictions, numeric);
        };
    }

    /**
     * The candidate with its diagnostics attached, when the outcome kept out-of-fold predictions.
     *
     * @param candidate the candidate's result
     * @param outcome its outcome, or null when it was not evaluated
     * @param target the true values
     * @return the candidate, with diagnostics when there are any
     */
    public static CandidateResult attach(CandidateResult candidate, Evaluator.Outcome outcome, Column target) {
        if (outcome == null || candidate.status() != CandidateResult.Status.EVALUATED
                || outcome.outOfFold().isEmpty()) {
            return candidate;
        }
        Diagnostics diagnostics = diagnose(outcome.outOfFold().get(), target);
        return new CandidateResult(candidate.id(), candidate.name(), candidate.family(), candidate.capabilities(),
                candidate.status(), candidate.reason(), candidate.preprocessing(), candidate.parameters(),
                candidate.scores(), candidate.timing(), candidate.tuning(), Optional.of(diagnostics));
    }

    private static Diagnostics classification(Predictions predictions, CategoricalColumn target) {
        List<String> levels = target.levels();
        int k = levels.size();
        int[][] confusion = new int[k][k];
        int n = Math.min(target.size(), predictions.labels().length);
        for (int row = 0; row < n; row++) {
            int truth = target.code(row);
            int predicted = predictions.labels()[row];
            if (truth >= 0 && truth < k && predicted >= 0 && predicted < k) {
                confusion[truth][predicted]++;
            }
        }
        var curves = new ArrayList<Curve>();
        if (k == 2) {
            roc(predictions, target, 1, n).ifPresent(curves::add);
        } else {
            for (int positive = 0; positive < k; positive++) {
                roc(predictions, target, positive, n).ifPresent(curves::add);
            }
        }
        var matrix = new ArrayList<List<Integer>>(k);
        for (int[] row : confusion) {
            matrix.add(Arrays.stream(row).boxed().toList());
        }
        return new Diagnostics(levels, matrix, curves, List.of(), List.of());
    }

    /**
     * The ROC curve of one class against the rest; empty when the rows hold no positive or no negative. Tied scores
     * make one diagonal step, so the area is the probability that a random positive outranks a random negative
     * (ties counting half).
     */
    private static Optional<Curve> roc(Predictions predictions, CategoricalColumn target, int positive, int n) {
        var scored = new ArrayList<double[]>();
        int positives = 0;
        for (int row = 0; row < n; row++) {
            double[] p = predictions.probabilities()[row];
            int truth = target.code(row);
            if (p == null || truth < 0 || positive >= p.length || !Double.isFinite(p[positive])) {
                continue;
            }
            boolean isPositive = truth == positive;
            positives += isPositive ? 1 : 0;
            scored.add(new double[] {p[positive], isPositive ? 1 : 0});
        }
        int negatives = scored.size() - positives;
        if (positives == 0 || negatives == 0) {
            return Optional.empty();
        }
        scored.sort((a, b) -> Double.compare(b[0], a[0]));
        var fpr = new ArrayList<Double>();
        var tpr = new ArrayList<Double>();
        fpr.add(0.0);
        tpr.add(0.0);
        int tp = 0;
        int fp = 0;
        long area = 0; // twice the area in units of one positive times one negative: exact, whatever the order
        int i = 0;
        while (i < scored.size()) {
            double score = scored.get(i)[0];
            int tpBefore = tp;
            int fpBefore = fp;
            while (i < scored.size() && scored.get(i)[0] == score) {
                if (scored.get(i)[1] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            area += (long) (fp - fpBefore) * (tp + tpBefore);
            fpr.add(fp / (double) negatives);
            tpr.add(tp / (double) positives);
        }
        double auc = area / (2.0 * positives * negatives);
        return Optional.of(new Curve(target.levels().get(positive), thin(fpr), thin(tpr), auc));
    }

    /** At most {@link #MAX_CURVE_POINTS} evenly spaced points, the first and last always kept, rounded to 4 places. */
    private static List<Double> thin(List<Double> values) {
        int m = values.size();
        int keep = Math.min(m, MAX_CURVE_POINTS);
        var out = new ArrayList<Double>(keep);
        for (int j = 0; j < keep; j++) {
            int index = keep == 1 ? 0 : (int) Math.round(j * (m - 1) / (double) (keep - 1));
            out.add(Math.round(values.get(index) * 10_000) / 10_000.0);
        }
        return out;
    }

    private static Diagnostics regression(Predictions predictions, NumericColumn target) {
        int n = Math.min(target.size(), predictions.values().length);
        var predicted = new ArrayList<Integer>();
        for (int row = 0; row < n; row++) {
            if (Double.isFinite(predictions.values()[row]) && !target.isMissing(row)) {
                predicted.add(row);
            }
        }
        int m = predicted.size();
        int keep = Math.min(m, MAX_SAMPLE);
        var actual = new ArrayList<Double>(keep);
        var values = new ArrayList<Double>(keep);
        for (int j = 0; j < keep; j++) {
            int row = predicted.get((int) ((long) j * m / keep));
            actual.add(target.value(row));
            values.add(predictions.values()[row]);
        }
        return new Diagnostics(List.of(), List.of(), List.of(), actual, values);
    }
}
