package io.modelscout.api.model;

import static java.util.Objects.requireNonNull;

/**
 * The answer of a classifier for a batch of rows: a hard label and a probability per class for each row.
 *
 * @param labels the predicted class code per row (an index into the target's levels)
 * @param probabilities per row, a probability per class code; each row sums to one
 */
public record ClassPrediction(int[] labels, double[][] probabilities) {

    /** Checks that the two arrays describe the same rows. */
    public ClassPrediction {
        requireNonNull(labels, "labels is null");
        requireNonNull(probabilities, "probabilities is null");
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + probabilities.length + " probability rows");
        }
    }

    /**
     * Builds a prediction from probabilities alone, labelling each row with its most probable class
     * (the lowest code on a tie).
     *
     * @param probabilities per row, a probability per class
     * @return the prediction
     */
    public static ClassPrediction fromProbabilities(double[][] probabilities) {
        int[] labels = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return new ClassPrediction(labels, probabilities);
    }

    /**
     * Builds a prediction for a model that gives hard labels only: probability one on the predicted class.
     *
     * @param labels the predicted class code per row
     * @param classes the number of classes
     * @return the prediction
     */
    public static ClassPrediction fromLabels(int[] labels, int classes) {
        double[][] probabilities = new double[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            probabilities[i][labels[i]] = 1.0;
        }
        return new ClassPrediction(labels, probabilities);
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return labels.length;
    }
}
