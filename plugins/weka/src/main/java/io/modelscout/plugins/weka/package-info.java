/**
 * ModelScout plugins over Weka 3.8: J48, naive Bayes, logistic regression, random forest, IBk and SMO for
 * classification; linear regression and M5P for regression. All are bound in {@link
 * io.modelscout.plugins.weka.WekaModule}. Weka's types stay inside this package: tables become Weka instances in
 * one package-private converter, and fitted models are returned as ModelScout models.
 */
package io.modelscout.plugins.weka;
