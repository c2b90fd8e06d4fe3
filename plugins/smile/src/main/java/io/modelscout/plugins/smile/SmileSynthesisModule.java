package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;

/** Binds the plugins of this backend that serve the goals generate. */
public final class SmileSynthesisModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
