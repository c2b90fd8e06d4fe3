/**
 * Sequence plugins built on the in-house HMM library: a supervised HMM labeller with multi-feature emissions, one
 * HMM per class, an unsupervised HMM for the next symbol, and Witten-Bell Markov chains of orders 1 to 3.
 */
package io.modelscout.plugins.core.sequence;
