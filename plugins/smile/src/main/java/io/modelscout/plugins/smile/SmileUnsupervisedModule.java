package io.modelscout.plugins.smile;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the plugins of this backend that serve the goals cluster, detect-anomalies and estimate-density. */
public final class SmileUnsupervisedModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.declare(binder());
        Plugins.bind(binder(), GmmPlugin.class);
        Plugins.bind(binder(), GmmHoldoutPlugin.class);
        Plugins.bind(binder(), GmmDiagonalPlugin.class);
        Plugins.bind(binder(), GaussianPlugin.class);
        Plugins.bind(binder(), KMeansPlugin.class);
        Plugins.bind(binder(), GMeansPlugin.class);
        Plugins.bind(binder(), DbscanPlugin.class);
        Plugins.bind(binder(), HdbscanPlugin.class);
        Plugins.bind(binder(), KModesPlugin.class);
        Plugins.bind(binder(), IsolationForestPlugin.class);
        Plugins.bind(binder(), OneClassSvmPlugin.class);
        Plugins.bind(binder(), KnnDistancePlugin.class);
    }
}
