package io.modelscout.plugins.core;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted naive Bayes classifier: class priors and, per feature, a class-conditional log-likelihood. Everything is
 * summed in log space. A missing cell adds nothing: the feature is integrated out of the product, which is exact
 * for a model whose features are independent given the class. A class absent from the training rows gets
 * probability zero, since nothing is known of how its rows look.
 */
final class NaiveBayes implements Classifier {

    /** The class-conditional log-likelihood of one feature. */
    sealed interface Feature permits Gaussian, Levels {
        /** The column's name. */
        String name();

        /** {@code log p(cell | class)} for every class, or null when the cell is missing (marginalised). */
        double[] logLikelihood(Column column, int row);
    }

    /**
     * Gaussian per class.
     *
     * @param name the column
     * @param mean per class
     * @param variance per class, floored
     */
    record Gaussian(String name, double[] mean, double[] variance) implements Feature {
        @Override
        public double[] logLikelihood(Column column, int row) {
            double x = ((NumericColumn) column).value(row);
            if (Double.isNaN(x)) {
                return null;
            }
            double[] out = new double[mean.length];
            for (int k = 0; k < out.length; k++) {
                double d = x - mean[k];
                out[k] = -0.5 * (Math.log(2 * Math.PI * variance[k]) + d * d / variance[k]);
            }
            return out;
        }

        /** Fits per-class means and variances over the non-missing cells. */
        static Gaussian fit(NumericColumn column, int[] y, int classes, double relativeFloor) {
            int n = column.size();
            double[] count = new double[classes];
            double[] sum = new double[classes];
            double total = 0;
            double totalSum = 0;
            for (int i = 0; i < n; i++) {
                double v = column.value(i);
                if (!Double.isNaN(v)) {
                    count[y[i]]++;
                    sum[y[i]] += v;
                    total++;
                    totalSum += v;
                }
            }
            double overallMean = total > 0 ? totalSum / total : 0;
            double[] mean = new double[classes];
            double[] ss = new double[classes];
            double totalSs = 0;
            for (int k = 0; k < classes; k++) {
                mean[k] = count[k] > 0 ? sum[k] / count[k] : overallMean;
            }
            for (int i = 0; i < n; i++) {
                double v = column.value(i);
                if (!Double.isNaN(v)) {
                    ss[y[i]] += (v - mean[y[i]]) * (v - mean[y[i]]);
                    totalSs += (v - overallMean) * (v - overallMean);
                }
            }
            double overallVariance = total > 0 ? totalSs / total : 0;
            // a constant feature says nothing about the class: any positive variance makes it cancel out
            double floor = overallVariance > 0 ? relativeFloor * overallVariance : 1.0;
            double[] variance = new double[classes];
            for (int k = 0; k < classes; k++) {
                // one or no value cannot show a spread: borrow the feature's overall spread
                double v = count[k] >= 2 ? ss[k] / count[k] : overallVariance;
                variance[k] = Math.max(v, floor);
            }
            return new Gaussian(column.name(), mean, variance);
        }
    }

    /**
     * A Laplace-smoothed probability per level and class, over the declared levels or the bins of a numeric column.
     *
     * @param name the column
     * @param logProbability per class, per level
     * @param cuts for a discretised numeric column, the bin boundaries (a value equal to a boundary goes above it);
     *     null for a categorical column
     */
    record Levels(String name, double[][] logProbability, double[] cuts) implements Feature {
        @Override
        public double[] logLikelihood(Column column, int row) {
            int level = level(column, row, cuts);
            if (level < 0) {
                return null;
            }
            double[] out = new double[logProbability.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = logProbability[k][level];
            }
            return out;
        }

        /** Fits the table of a categorical column over its declared levels. */
        static Levels fit(CategoricalColumn column, int[] y, int classes, double alpha) {
            return fit(column.name(), column, y, classes, alpha, column.levels().size(), null);
        }

        /** Fits the table of a numeric column cut into equal-frequency bins of its training values. */
        static Levels fitBinned(NumericColumn column, int[] y, int classes, double alpha, int bins) {
            double[] cuts = equalFrequencyCuts(column, bins);
            return fit(column.name(), column, y, classes, alpha, cuts.length + 1, cuts);
        }

        private static Levels fit(String name, Column column, int[] y, int classes, double alpha, int levels,
                double[] cuts) {
            double[][] count = new double[classes][levels];
            double[] seen = new double[classes];
            for (int i = 0; i < column.size(); i++) {
                int level = level(column, i, cuts);
                if (level >= 0) {
                    count[y[i]][level]++;
                    seen[y[i]]++;
                }
            }
            double[][] logProbability = new double[classes][levels];
            for (int k = 0; k < classes; k++) {
                for (int v = 0; v < levels; v++) {
                    logProbability[k][v] = Math.log((count[k][v] + alpha) / (seen[k] + alpha * levels));
                }
            }
            return new Levels(name, logProbability, cuts);
        }

        private static int level(Column column, int row, double[] cuts) {
            if (cuts == null) {
                return ((CategoricalColumn) column).code(row);
            }
            double x = ((NumericColumn) column).value(row);
            if (Double.isNaN(x)) {
                return -1;
            }
            // the number of boundaries at or below x
            int lo = 0;
            int hi = cuts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cuts[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Boundaries that split the non-missing training values into {@code bins} groups of near-equal size. */
        static double[] equalFrequencyCuts(NumericColumn column, int bins) {
            double[] values = Arrays.stream(column.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
            var cuts = new ArrayList<Double>();
            for (int q = 1; q < bins && values.length > 0; q++) {
                double cut = values[(int) ((long) q * values.length / bins)];
                // ties collapse bins; a boundary at the minimum would leave the first bin empty
                if (cut > values[0] && (cuts.isEmpty() || cut > cuts.getLast())) {
                    cuts.add(cut);
                }
            }
            return cuts.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private final String owner;
    private final double[] logPrior;
    private final List<Feature> features;

    NaiveBayes(String owner, double[] logPrior, List<Feature> features) {
        this.owner = owner;
        this.logPrior = logPrior;
        this.features = List.copyOf(features);
    }

    /**
     * The log class frequencies of the training rows; minus infinity for an absent class.
     *
     * @param target the training target, no missing cell
     * @return per class code
     */
    static double[] logPriors(CategoricalColumn target) {
        int[] counts = target.counts();
        double n = Arrays.stream(counts).sum();
        double[] out = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            out[k] = Math.log(counts[k] / n);
        }
        return out;
    }

    /**
     * The target's codes, checked for missing cells.
     *
     * @param owner the plugin id, for messages
     * @param target the target column
     * @return the codes
     */
    static int[] codes(String owner, CategoricalColumn target) {
        int[] y = target.toCodes();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == CategoricalColumn.MISSING) {
                throw new IllegalArgumentException(owner + ": the target '" + target.name() + "' is missing in row " + i);
            }
        }
        return y;
    }

    @Override
    public ClassPrediction predict(Table table) {
        if (table.columnCount() != features.size()) {
            throw new IllegalArgumentException(owner + ": expected " + features.size() + " feature columns, got "
                    + table.columnCount());
        }
        int n = table.rowCount();
        int classes = logPrior.length;
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] score = logPrior.clone();
            for (int j = 0; j < features.size(); j++) {
                double[] ll = features.get(j).logLikelihood(table.column(j), i);
                if (ll != null) {
                    for (int k = 0; k < classes; k++) {
                        score[k] += ll[k];
                    }
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double s : score) {
                max = Math.max(max, s);
            }
            double sum = 0;
            double[] p = new double[classes];
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(score[k] - max);
                sum += p[k];
            }
            for (int k = 0; k < classes; k++) {
                p[k] /= sum;
            }
            probabilities[i] = p;
        }
        return ClassPrediction.fromProbabilities(probabilities);
    }

    @Override
    public String summary() {
        long gaussian = features.stream().filter(f -> f instanceof Gaussian).count();
        long binned = features.stream().filter(f -> f instanceof Levels l && l.cuts() != null).count();
        long present = Arrays.stream(logPrior).filter(Double::isFinite).count();
        return present + " classes; " + features.size() + " features: " + gaussian + " Gaussian, "
                + (features.size() - gaussian - binned) + " categorical, " + binned + " binned numeric";
    }
}
