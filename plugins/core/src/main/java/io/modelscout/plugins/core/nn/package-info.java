/**
 * A small dense-network package in plain Java for the in-house generative models: fully connected layers,
 * element-wise activations, dropout, softmax heads (Gumbel-softmax for one-hot outputs), Adam and losses.
 *
 * <p>Batches are flat row-major {@code double[]} arrays ({@code rows x width}). Every random choice comes from a
 * {@link java.util.SplittableRandom} passed in by the caller, and all arithmetic is single-threaded in a fixed
 * order, so a seed gives the same numbers on any machine load or thread count. Layers also give input
 * gradients and, for piecewise-linear networks, the parameter gradient of a penalty on those input gradients
 * (double back-propagation), which the Wasserstein critic's gradient penalty needs. Batch normalisation and
 * residual (input-appending) blocks serve the generator.
 */
package io.modelscout.plugins.core.nn;
