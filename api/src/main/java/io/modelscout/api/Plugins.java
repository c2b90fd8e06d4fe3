package io.modelscout.api;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/**
 * Registration of plugins in Guice modules. A backend's module binds each plugin in one line:
 *
 * <pre>{@code
 * public final class MyModelsModule extends AbstractModule {
 *     @Override
 *     protected void configure() {
 *         Plugins.bind(binder(), NearestCentroidPlugin.class);
 *     }
 * }
 * }</pre>
 *
 * and lists the module in {@code META-INF/services/com.google.inject.Module} so that it is discovered with
 * {@link java.util.ServiceLoader}.
 */
public final class Plugins {
    private Plugins() {
    }

    /**
     * Adds a plugin to the set of plugins the framework receives.
     *
     * @param binder the module's binder
     * @param plugin the plugin class; it needs a public no-argument or {@code @Inject} constructor
     */
    public static void bind(Binder binder, Class<? extends ModelPlugin> plugin) {
        Multibinder.newSetBinder(binder, ModelPlugin.class).addBinding().to(plugin);
    }

    /**
     * Declares the plugin set, so that an injector with no plugin at all still provides an empty set.
     *
     * @param binder the module's binder
     */
    public static void declare(Binder binder) {
        Multibinder.newSetBinder(binder, ModelPlugin.class);
    }
}
