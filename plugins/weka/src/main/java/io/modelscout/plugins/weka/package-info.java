/**
 * ModelScout plugins over Weka 3.8: J48, naive Bayes, Bayesian network, logistic regression, random forest, IBk,
 * SMO, REPTree and the multilayer perceptron for classification; linear regression, M5P, SMOreg, random forest,
 * IBk, REPTree and the multilayer perceptron for regression. All are bound in {@link
 * io.modelscout.plugins.weka.WekaModule}. For the unsupervised goals ({@link
 * io.modelscout.plugins.weka.WekaUnsupervisedModule}): the EM clusterer, whose count Weka chooses by cross-validation
 * and whose density scores anomalies, and SimpleKMeans. Weka's types stay inside this package: tables become Weka instances in
 * one package-private converter, and fitted models are returned as ModelScout models.
 */
package io.modelscout.plugins.weka;
