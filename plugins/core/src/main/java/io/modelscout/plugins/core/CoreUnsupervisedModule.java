package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;

/** Binds the plugins of this backend that serve the goals cluster, detect-anomalies and estimate-density. */
public final class CoreUnsupervisedModule extends AbstractModule {
    @Override
    protected void configure() {
    }
}
