package io.modelscout.plugins.weka;

import com.google.inject.AbstractModule;
import io.modelscout.api.Plugins;

/**
 * Registers the Weka adapters. Discovered through {@code META-INF/services/com.google.inject.Module}.
 *
 * <p>Weka keeps its settings and packages under {@code WEKA_HOME} (an environment variable or a system property of
 * that name; without either it creates {@code ~/wekafiles}). Point it at a folder of the installation.
 */
public final class WekaModule extends AbstractModule {

    /** Creates the module. */
    public WekaModule() {
    }

    @Override
    protected void configure() {
        Plugins.bind(binder(), J48Plugin.class);
        Plugins.bind(binder(), NaiveBayesPlugin.class);
        Plugins.bind(binder(), LogisticPlugin.class);
        Plugins.bind(binder(), RandomForestPlugin.class);
        Plugins.bind(binder(), IbkPlugin.class);
        Plugins.bind(binder(), SmoPlugin.class);
        Plugins.bind(binder(), LinearRegressionPlugin.class);
        Plugins.bind(binder(), M5pPlugin.class);
        Plugins.bind(binder(), BayesNetPlugin.class);
        Plugins.bind(binder(), MultilayerPerceptronPlugin.class);
        Plugins.bind(binder(), SmoRegPlugin.class);
        Plugins.bind(binder(), RepTreePlugin.class);
    }
}
