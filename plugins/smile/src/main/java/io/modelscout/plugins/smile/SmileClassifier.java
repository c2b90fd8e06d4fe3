package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.plugins.smile.SmileData.ClassTraining;
import io.modelscout.plugins.smile.SmileData.Classes;
import java.util.function.Function;

/**
 * A fitted Smile classifier seen through the api: it turns rows into Smile's input, asks for the posteriors of the
 * classes seen in training and spreads them over every declared level of the target. Labels are the most probable
 * level, so label and probabilities never disagree.
 */
final class SmileClassifier implements Classifier {

    /** Compact class posteriors (one array of length {@code k} per row) of a batch of rows. */
    @FunctionalInterface
    interface Posteriors {
        double[][] of(double[][] x);
    }

    private final Classes classes;
    private final Posteriors posteriors;
    private final String summary;

    private SmileClassifier(Classes classes, Posteriors posteriors, String summary) {
        this.classes = requireNonNull(classes, "classes is null");
        this.posteriors = requireNonNull(posteriors, "posteriors is null");
        this.summary = requireNonNull(summary, "summary is null");
    }

    /**
     * Wraps a fitted model.
     *
     * @param data the training data it was fitted on
     * @param posteriors its posteriors over the compact classes
     * @param summary a line on the fitted model
     * @return the classifier
     */
    static Classifier of(ClassTraining data, Posteriors posteriors, String summary) {
        return new SmileClassifier(data.classes(), posteriors, summary);
    }

    /**
     * The model for training data holding a single class, on which Smile's learners refuse to fit: that class,
     * with certainty.
     *
     * @param data training data with one class
     * @return the classifier
     */
    static Classifier constant(ClassTraining data) {
        return new SmileClassifier(data.classes(), x -> {
            double[][] p = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                p[i] = new double[] {1.0};
            }
            return p;
        }, "only one class in the training data: always that class");
    }

    /**
     * The posteriors of a soft Smile classifier; a hard one gives probability one to its label.
     *
     * @param model the fitted model
     * @param k the number of compact classes it was fitted on
     * @param input how rows become the model's input
     * @param <T> the model's input type
     * @return the posteriors
     */
    static <T> Posteriors posteriors(smile.classification.Classifier<T> model, int k, Function<double[][], T[]> input) {
        requireNonNull(model, "model is null");
        requireNonNull(input, "input is null");
        boolean soft = model.isSoft();
        return x -> {
            T[] rows = input.apply(x);
            double[][] p = new double[rows.length][k];
            for (int i = 0; i < rows.length; i++) {
                if (soft) {
                    model.predict(rows[i], p[i]);
                } else {
                    p[i][model.predict(rows[i])] = 1.0;
                }
            }
            return p;
        };
    }

    @Override
    public ClassPrediction predict(Table features) {
        double[][] x = SmileData.features(features, classes.layout());
        double[][] compact = posteriors.of(x);
        double[][] probabilities = new double[compact.length][];
        for (int i = 0; i < compact.length; i++) {
            probabilities[i] = classes.expand(compact[i]);
        }
        return ClassPrediction.fromProbabilities(probabilities);
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "SmileClassifier[" + summary + "]";
    }
}
