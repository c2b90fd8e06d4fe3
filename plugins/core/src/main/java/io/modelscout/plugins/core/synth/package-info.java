/**
 * Building blocks of the in-house synthesizers: the schema a synthetic table keeps (names, types, levels, integer
 * and constant columns, ranges), smoothed numeric marginals (an interpolated inverse CDF) and level frequencies,
 * and the fitted samplers built from them (independent marginals, Gaussian copula, class-conditional naive Bayes,
 * Chow-Liu tree Bayesian network).
 */
package io.modelscout.plugins.core.synth;
