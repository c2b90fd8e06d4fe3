/**
 * In-house models that no library offers: the constant baseline, ordinal (proportional-odds) logistic regression,
 * and naive Bayes that marginalises missing cells (mixed Gaussian/categorical, and categorical with binned numbers).
 */
package io.modelscout.plugins.core;
