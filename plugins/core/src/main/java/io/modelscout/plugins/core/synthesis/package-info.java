/**
 * In-house neural synthesizers for the goal generate: a tabular variational autoencoder ({@code core.tvae}) and a
 * conditional Wasserstein GAN with gradient penalty ({@code core.ctgan}), sharing one tabular encoding (one-hot
 * levels, mode-specific or quantile normalisation of numbers) and the {@code nn} package.
 */
package io.modelscout.plugins.core.synthesis;
