package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;

/** Binds the plugins of this backend that serve the goals cluster, detect-anomalies and estimate-density. */
public final class SmileUnsupervisedModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
