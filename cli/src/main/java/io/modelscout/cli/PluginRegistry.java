package io.modelscout.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.Plugins;
import io.modelscout.cli.plugins.FolderPlugins;
import io.modelscout.cli.plugins.LoadedPlugin;
import io.modelscout.cli.plugins.PluginLoadException;
import io.modelscout.cli.plugins.PluginSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the plugin modules on the class path with {@link ServiceLoader} and in plugins folders, and assembles the
 * plugin set with Guice: one injector for the class path, one per jar of a folder, so that each plugin keeps the
 * source it came from.
 */
public final class PluginRegistry {
    private PluginRegistry() {
    }

    /**
     * Every plugin of every module found by the class loader.
     *
     * @param loader the class loader to search
     * @return the plugins sorted by id
     * @throws PluginLoadException naming both classes when two plugins share an id
     */
    public static List<ModelPlugin> discover(ClassLoader loader) {
        return load(loader, List.of(), PluginRegistry::warn).stream().map(LoadedPlugin::plugin).toList();
    }

    /**
     * The plugins on the class path and in the given folders, with where each came from.
     *
     * @param loader ModelScout's class loader: searched for the bundled plugins, and the source of the API that
     *     folder plugins share
     * @param folders plugins folders, read in order
     * @param warnings receives one line for each jar or plugin left out
     * @return the plugins sorted by id
     * @throws PluginLoadException naming both sources (jar paths, or classes for the class path) when two plugins
     *     share an id
     */
    public static List<LoadedPlugin> load(ClassLoader loader, List<Path> folders, Consumer<String> warnings) {
        var all = new ArrayList<LoadedPlugin>();
        for (ModelPlugin plugin : classPath(loader)) {
            all.add(new LoadedPlugin(plugin, PluginSource.classPath(plugin.getClass().getName())));
        }
        for (Path folder : folders) {
            all.addAll(FolderPlugins.load(folder, loader, warnings));
        }
        Map<String, List<LoadedPlugin>> byId = new LinkedHashMap<>();
        for (LoadedPlugin loaded : all) {
            byId.computeIfAbsent(loaded.plugin().id(), _ -> new ArrayList<>()).add(loaded);
        }
        var clashes = new ArrayList<String>();
        for (var entry : byId.entrySet()) {
            if (entry.getValue().size() > 1) {
                List<String> names = entry.getValue().stream().map(p -> p.source().name()).toList();
                clashes.add("two plugins have the id '" + entry.getKey() + "': "
                        + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast()
                        + "; remove one of them");
            }
        }
        if (!clashes.isEmpty()) {
            throw new PluginLoadException(String.join("\n", clashes));
        }
        all.sort(Comparator.comparing(p -> p.plugin().id()));
        return List.copyOf(all);
    }

    private static Set<ModelPlugin> classPath(ClassLoader loader) {
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
        return Guice.createInjector(modules).getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
    }

    /**
     * Prints a warning about a plugin left out.
     *
     * @param line the warning
     */
    static void warn(String line) {
        System.err.println("modelscout: warning: " + line);
    }
}
