package io.modelscout.plugins.smile;

import io.modelscout.api.ParameterValues;
import io.modelscout.plugins.smile.SmileData.ClassTraining;
import java.util.Arrays;

/** What the discriminant analysis plugins share: the priors parameter, the feature subset and their failures. */
final class Discriminants {
    private Discriminants() {
    }

    /**
     * The priors Smile is given: {@code null} lets it take the class shares of the training rows.
     *
     * @param parameters the resolved parameters, with {@code priors}
     * @param k the number of classes
     * @return the priors, or null for the empirical ones
     */
    static double[] priors(ParameterValues parameters, int k) {
        if (!"uniform".equals(parameters.getString("priors"))) {
            return null;
        }
        double[] priors = new double[k];
        Arrays.fill(priors, 1.0 / k);
        return priors;
    }

    /**
     * The varying features of the training rows.
     *
     * @param id the plugin's id, for the message
     * @param data the training data
     * @return the subset
     * @throws IllegalArgumentException when no feature varies
     */
    static FeatureSubset subset(String id, ClassTraining data) {
        var subset = FeatureSubset.varying(data.x(), data.features());
        if (subset.size() == 0) {
            throw new IllegalArgumentException(id + ": every feature is constant in the " + data.x().length
                    + " training rows; discriminant analysis needs at least one that varies");
        }
        return subset;
    }

    /**
     * Smile's refusal, with the plugin named and the usual cause spelt out.
     *
     * @param id the plugin's id
     * @param e Smile's exception
     * @return the exception to throw
     */
    static IllegalArgumentException failure(String id, IllegalArgumentException e) {
        return new IllegalArgumentException(id + ": " + e.getMessage() + " (collinear features, such as all the "
                + "one-hot columns of a nominal feature, or a class with too few rows make a covariance singular)", e);
    }
}
