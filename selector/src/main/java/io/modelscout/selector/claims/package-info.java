/**
 * The primer's claims about generative and discriminative models, checked on the user's own data with a few extra fits
 * on the same splits: learning curves, prediction time, and scores with values removed at random.
 */
package io.modelscout.selector.claims;
