package io.modelscout.plugins.weka;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the plugins of this backend that serve the goal generate. */
public final class WekaSynthesisModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), BayesNetSamplerPlugin.class);
    }
}
