/**
 * In-house models of the unsupervised goals: the mixed-type mixture (Gaussian and categorical columns, fitted by EM
 * with missing cells marginalised), kernel density estimates with product Gaussian kernels, the independent-marginals
 * baseline. Densities are over the columns as given: numeric columns in Lebesgue measure, categorical ones in
 * counting measure, so that log-densities of different models over the same columns are comparable.
 */
package io.modelscout.plugins.core.unsupervised;
