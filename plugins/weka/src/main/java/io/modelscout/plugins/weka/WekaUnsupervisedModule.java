package io.modelscout.plugins.weka;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the plugins of this backend that serve the goals cluster, detect-anomalies and estimate-density. */
public final class WekaUnsupervisedModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.declare(binder());
        Plugins.bind(binder(), EmPlugin.class);
        Plugins.bind(binder(), SimpleKMeansPlugin.class);
    }
}
