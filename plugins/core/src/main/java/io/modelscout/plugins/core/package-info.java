/** In-house models that no library offers: baselines now; ordinal regression, GAN and VAE later. */
package io.modelscout.plugins.core;
