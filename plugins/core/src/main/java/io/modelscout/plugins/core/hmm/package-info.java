/**
 * An in-house hidden Markov model library: scaled forward-backward, Viterbi, Baum-Welch with seeded random restarts
 * and the number of states chosen by held-out likelihood, with categorical, multi-feature Bernoulli and Gaussian
 * emissions; and a Witten-Bell smoothed Markov chain of any order. No library on the class path offers HMMs over
 * several binary features or numeric series (Smile's HMM takes one discrete symbol per position).
 */
package io.modelscout.plugins.core.hmm;
