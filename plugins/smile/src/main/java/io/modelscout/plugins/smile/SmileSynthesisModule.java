package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the plugins of this backend that serve the goals generate. */
public final class SmileSynthesisModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), GmmSamplerPlugin.class);
    }
}
