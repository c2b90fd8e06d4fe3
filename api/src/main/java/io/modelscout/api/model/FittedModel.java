package io.modelscout.api.model;

/**
 * A model fitted by a plugin, of the shape its goal needs. Each goal has its own sub-type; a plugin returns
 * the one matching the {@link io.modelscout.api.FitRequest#goal() goal it was asked for}.
 */
public sealed interface FittedModel
        permits Classifier, Regressor, Clusterer, AnomalyDetector, DensityModel, SequenceModel, Generator {

    /**
     * A short human-readable account of the fitted model (its size, the structure it found).
     *
     * @return a line of text; empty when there is nothing to say
     */
    default String summary() {
        return "";
    }
}
