package io.modelscout.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.Plugins;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the plugin modules on the class path with {@link ServiceLoader} and assembles the plugin set with Guice.
 */
public final class PluginRegistry {
    private PluginRegistry() {
    }

    /**
     * Every plugin of every module found by the class loader.
     *
     * @param loader the class loader to search
     * @return the plugins sorted by id
     * @throws IllegalStateException naming both classes when two plugins share an id
     */
    public static List<ModelPlugin> discover(ClassLoader loader) {
        var modules = new ArrayList<Module>();
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                Plugins.declare(binder());
            }
        });
        for (Module module : ServiceLoader.load(Module.class, loader)) {
            modules.add(module);
        }
        Set<ModelPlugin> plugins = Guice.createInjector(modules)
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        Map<String, ModelPlugin> byId = new HashMap<>();
        for (ModelPlugin plugin : plugins) {
            ModelPlugin clash = byId.put(plugin.id(), plugin);
            if (clash != null) {
                throw new IllegalStateException("two plugins have the id '" + plugin.id() + "': "
                        + clash.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        var sorted = new ArrayList<>(plugins);
        sorted.sort(Comparator.comparing(ModelPlugin::id));
        return List.copyOf(sorted);
    }
}
