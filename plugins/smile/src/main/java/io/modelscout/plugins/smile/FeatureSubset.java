package io.modelscout.plugins.smile;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The feature columns that vary in the training rows. Models that estimate a covariance (discriminant analysis,
 * Gaussian mixtures) refuse a constant column: its variance is zero and the matrix singular. Such a column cannot
 * tell the classes apart either, so it is left out of the fit and of every prediction.
 *
 * @param kept the positions of the varying columns, ascending
 * @param features the number of columns the rows have
 */
record FeatureSubset(int[] kept, int features) {

    /**
     * The columns of {@code x} holding more than one value.
     *
     * @param x the training rows
     * @param features the number of columns
     * @return the subset
     */
    static FeatureSubset varying(double[][] x, int features) {
        int[] kept = IntStream.range(0, features)
                .filter(j -> Arrays.stream(x).anyMatch(row -> row[j] != x[0][j]))
                .toArray();
        return new FeatureSubset(kept, features);
    }

    /**
     * The number of columns kept.
     *
     * @return the count
     */
    int size() {
        return kept.length;
    }

    /**
     * The kept columns of some rows.
     *
     * @param x rows with all {@link #features()} columns
     * @return fresh rows with the kept columns only; {@code x} itself when every column is kept
     */
    double[][] apply(double[][] x) {
        if (kept.length == features) {
            return x;
        }
        double[][] out = new double[x.length][kept.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < kept.length; j++) {
                out[i][j] = x[i][kept[j]];
            }
        }
        return out;
    }

    /**
     * A phrase for a model summary, e.g. {@code 3 of 4 features}.
     *
     * @return the phrase
     */
    String describe() {
        return kept.length == features ? features + " features" : kept.length + " of " + features
                + " features (constant ones left out)";
    }
}
