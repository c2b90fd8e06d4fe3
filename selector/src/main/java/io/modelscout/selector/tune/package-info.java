/**
 * Hyper-parameter tuning nested inside cross-validation: configurations drawn from each plugin's declared space,
 * random search and successive halving scored on inner folds of one outer training part, and the budget that caps
 * the search.
 *
 * <p>What is tried is fixed before any timing: the number of configurations comes from {@code evaluation.trials},
 * every draw from a seed derived from the task seed, the plugin and the outer split, so the same task chooses the
 * same parameters at any thread count. {@code evaluation.budget} is a wall-clock cap on top: it only ever cuts a
 * search short, and a search it cut says so in its note.
 */
package io.modelscout.selector.tune;
