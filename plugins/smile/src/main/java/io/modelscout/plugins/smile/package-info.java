/**
 * Adapters that offer models of the Smile library (https://haifengl.github.io) as ModelScout plugins. Generative
 * classifiers: Gaussian naive Bayes, linear and quadratic discriminant analysis, and class-conditional Gaussian
 * mixtures. Discriminative classifiers: logistic regression, linear and RBF support vector machines. Both goals:
 * random forest, gradient tree boosting, decision tree, k nearest neighbours and the multilayer perceptron.
 * Regression only: ordinary least squares, ridge, LASSO and RBF support vector regression. All are bound by
 * {@link io.modelscout.plugins.smile.SmileModule}.
 *
 * <p>For the unsupervised goals, bound by {@link io.modelscout.plugins.smile.SmileUnsupervisedModule}: Gaussian
 * mixtures (full covariances with the count chosen by BIC or by held-out likelihood, diagonal covariances) and a
 * single Gaussian, which cluster, score anomalies, give densities and impute through one conditional-Gaussian helper;
 * k-means, G-means, DBSCAN, HDBSCAN and k-modes for clusters; isolation forest, one-class SVM and the distance to
 * the k-th nearest neighbour for anomalies.
 *
 * <p>Smile types stay inside this package: every plugin takes an api {@link io.modelscout.api.FitRequest} and
 * returns an api {@link io.modelscout.api.model.FittedModel}. Smile's random numbers come from a thread-local
 * generator, so each fit seeds the threads its random draws happen on from the request's seed.
 */
package io.modelscout.plugins.smile;
