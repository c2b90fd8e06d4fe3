package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;

/** Binds the plugins of this backend that serve the goals generate. */
public final class CoreSynthesisModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
