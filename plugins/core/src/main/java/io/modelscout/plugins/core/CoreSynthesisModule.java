package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;
import io.modelscout.plugins.core.synthesis.CtganPlugin;
import io.modelscout.plugins.core.synthesis.TvaePlugin;

/** Binds the plugins of this backend that serve the goals generate. */
public final class CoreSynthesisModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), MarginalSamplerPlugin.class);
        Plugins.bind(binder(), GaussianCopulaPlugin.class);
        Plugins.bind(binder(), NaiveBayesSamplerPlugin.class);
        Plugins.bind(binder(), BayesNetSamplerPlugin.class);
        Plugins.bind(binder(), TvaePlugin.class);
        Plugins.bind(binder(), CtganPlugin.class);
    }
}
