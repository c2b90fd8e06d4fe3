package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the plugins of this backend that serve the goals model-sequences. */
public final class SmileSequenceModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), CrfPlugin.class);
    }
}
