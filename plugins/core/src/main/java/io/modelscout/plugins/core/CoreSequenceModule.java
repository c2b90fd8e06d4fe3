package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;

/** Binds the plugins of this backend that serve the goals model-sequences. */
public final class CoreSequenceModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
