package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;

/** Binds the plugins of this backend that serve the goals model-sequences. */
public final class SmileSequenceModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
