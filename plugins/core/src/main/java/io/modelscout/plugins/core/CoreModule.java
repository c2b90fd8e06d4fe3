package io.modelscout.plugins.core;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/** Binds the in-house models. */
public final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Plugins.bind(binder(), ConstantBaselinePlugin.class);
        Plugins.bind(binder(), OrdinalLogisticPlugin.class);
        Plugins.bind(binder(), MixedNaiveBayesPlugin.class);
        Plugins.bind(binder(), CategoricalNaiveBayesPlugin.class);
    }
}
