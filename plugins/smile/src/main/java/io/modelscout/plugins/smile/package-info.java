/**
 * Adapters that offer models of the Smile library (https://haifengl.github.io) as ModelScout plugins: logistic
 * regression, random forest, k nearest neighbours, decision tree, gradient tree boosting, RBF support vector
 * machine and Gaussian naive Bayes for classification; ordinary least squares, ridge regression and the tree
 * ensembles for regression. All are bound by {@link io.modelscout.plugins.smile.SmileModule}.
 *
 * <p>Smile types stay inside this package: every plugin takes an api {@link io.modelscout.api.FitRequest} and
 * returns an api {@link io.modelscout.api.model.FittedModel}. Smile's random numbers come from a thread-local
 * generator, so each fit seeds the threads its random draws happen on from the request's seed.
 */
package io.modelscout.plugins.smile;
