package com.example.centroid;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/**
 * Registers the plugin. ModelScout finds this module through
 * {@code META-INF/services/com.google.inject.Module}; one line per plugin, no logic, no I/O.
 */
public final class CentroidModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), NearestCentroidPlugin.class);
    }
}
