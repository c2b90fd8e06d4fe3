/**
 * The shapes of fitted models, one per {@link io.modelscout.api.Goal}: {@link io.modelscout.api.model.Classifier},
 * {@link io.modelscout.api.model.Regressor}, {@link io.modelscout.api.model.Clusterer},
 * {@link io.modelscout.api.model.AnomalyDetector}, {@link io.modelscout.api.model.DensityModel},
 * {@link io.modelscout.api.model.SequenceModel} and {@link io.modelscout.api.model.Generator}.
 */
package io.modelscout.api.model;
