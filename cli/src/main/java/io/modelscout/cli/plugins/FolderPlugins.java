package io.modelscout.cli.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.Plugins;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the plugins of one plugins folder. Each jar directly in the folder is one plugin unit; so is each
 * sub-folder, whose jars (a plugin and the libraries it needs) share one class loader. Every unit gets its own
 * class loader over {@link ApiOnlyClassLoader}, its own Guice injector, and is checked before its plugins are
 * accepted. A unit that cannot be used is left out with a warning naming it; the others go on.
 */
public final class FolderPlugins {
    /** The service file that names a unit's Guice modules. */
    public static final String SERVICE_FILE = "META-INF/services/" + Module.class.getName();

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9][a-z0-9-]*)+");

    private FolderPlugins() {
    }

    /**
     * The plugins of every unit in a folder, in file-name order.
     *
     * @param folder the plugins folder
     * @param host ModelScout's class loader, from which the API is shared
     * @param warnings receives one line per unit or plugin left out
     * @return the accepted plugins with their sources
     */
    public static List<LoadedPlugin> load(Path folder, ClassLoader host, Consumer<String> warnings) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            warnings.accept("plugins folder " + folder + ": cannot be read (" + e.getMessage() + "); its plugins are left out");
            return List.of();
        }
        var loaded = new ArrayList<LoadedPlugin>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                List<Path> jars = jarsIn(entry, warnings);
                if (!jars.isEmpty()) {
                    loaded.addAll(loadUnit(entry, jars, host, warnings));
                }
            } else if (isJar(entry)) {
                loaded.addAll(loadUnit(entry, List.of(entry), host, warnings));
            }
        }
        return loaded;
    }

    private static boolean isJar(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
    }

    private static List<Path> jarsIn(Path folder, Consumer<String> warnings) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> !Files.isDirectory(p) && isJar(p)).sorted().toList();
        } catch (IOException e) {
            warnings.accept("plugin folder " + folder + ": cannot be read (" + e.getMessage() + "); left out");
            return List.of();
        }
    }

    /**
     * Loads one unit: a jar, or the jars of a sub-folder.
     *
     * @param location the jar or sub-folder, as named in messages
     * @param jars the jars of the unit
     * @param host ModelScout's class loader
     * @param warnings receives one line per problem
     * @return the accepted plugins; empty when the unit is left out
     */
    static List<LoadedPlugin> loadUnit(Path location, List<Path> jars, ClassLoader host, Consumer<String> warnings) {
        String name = (jars.equals(List.of(location)) ? "plugin jar " : "plugin folder ") + location;
        boolean hasModule = false;
        var urls = new ArrayList<URL>();
        for (Path jar : jars) {
            try (var file = new JarFile(jar.toFile())) {
                hasModule |= file.getJarEntry(SERVICE_FILE) != null;
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                warnings.accept(name + ": cannot be read (" + e.getMessage() + "); left out");
                return List.of();
            } catch (IOException | SecurityException e) {
                warnings.accept(name + ": cannot be read as a jar" + (jar.equals(location) ? "" : " (" + jar.getFileName() + ")")
                        + ": " + describe(e) + "; left out");
                return List.of();
            }
        }
        if (!hasModule) {
            warnings.accept(name + ": has no plugin module (expected " + SERVICE_FILE
                    + " naming a Guice module that binds its plugins with Plugins.bind); left out");
            return List.of();
        }
        var loader = new URLClassLoader("modelscout-plugin:" + location.getFileName(), urls.toArray(URL[]::new),
                new ApiOnlyClassLoader(host));
        List<LoadedPlugin> accepted = accept(location, name, loader, warnings);
        if (accepted.isEmpty()) {
            close(loader);
        }
        return accepted;
    }

    private static List<LoadedPlugin> accept(Path location, String name, URLClassLoader loader, Consumer<String> warnings) {
        Set<ModelPlugin> plugins;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Module and plugin constructors run here: let the libraries they start find the plugin's own classes.
        thread.setContextClassLoader(loader);
        try {
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
            plugins = Guice.createInjector(modules).getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            // a provider not found, Guice's CreationException, NoClassDefFoundError of an API it was not built for
            warnings.accept(name + ": its plugin module cannot be loaded: " + describe(e) + "; left out");
            return List.of();
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (plugins.isEmpty()) {
            warnings.accept(name + ": its plugin module binds no plugin (bind one with Plugins.bind); left out");
            return List.of();
        }
        var accepted = new ArrayList<LoadedPlugin>();
        for (ModelPlugin plugin : plugins) {
            String problem;
            try {
                problem = check(plugin);
            } catch (RuntimeException | LinkageError e) {
                problem = plugin.getClass().getName() + " cannot describe itself: " + describe(e);
            }
            if (problem != null) {
                warnings.accept(name + ": " + problem + "; left out");
            } else {
                if (!declaresApiVersion(plugin)) {
                    // The interface's default answers with the running API's version, whatever the jar was built
                    // against: only the plugin's own override carries the constant it was compiled with.
                    warnings.accept(name + ": plugin " + plugin.id() + " does not override apiVersion(), so the API "
                            + "version it was built against cannot be checked; add "
                            + "'public String apiVersion() { return API_VERSION; }' to it");
                }
                accepted.add(new LoadedPlugin(new ContextLoaderPlugin(plugin, loader),
                        PluginSource.jar(location, plugin.getClass().getName())));
            }
        }
        accepted.sort(Comparator.comparing(p -> p.plugin().id()));
        return accepted;
    }

    /** Whether the plugin's own class (or a superclass of its own) overrides {@link ModelPlugin#apiVersion()}. */
    static boolean declaresApiVersion(ModelPlugin plugin) {
        try {
            return plugin.getClass().getMethod("apiVersion").getDeclaringClass() != ModelPlugin.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** What keeps a plugin out, or null when it may take part. */
    private static String check(ModelPlugin plugin) {
        String id = plugin.id();
        String who = id != null && ID.matcher(id).matches() ? "plugin " + id : plugin.getClass().getName();
        String version = plugin.apiVersion();
        String problem = ApiVersion.incompatibility(version);
        if (problem != null) {
            return who + " " + problem;
        }
        if (id == null || !ID.matcher(id).matches()) {
            return who + " has the id '" + id + "'; expected lower-case dotted words such as acme.nearest-centroid";
        }
        if (plugin.family() == null) {
            return who + " declares no family; expected generative or discriminative";
        }
        if (plugin.goals() == null || plugin.goals().isEmpty()) {
            return who + " declares no goal";
        }
        if (plugin.capabilities() == null || plugin.parameters() == null) {
            return who + " declares no " + (plugin.capabilities() == null ? "capabilities" : "parameter space")
                    + "; expected an empty set or ParameterSpace.EMPTY when there are none";
        }
        return null;
    }

    static String describe(Throwable e) {
        if (e instanceof com.google.inject.CreationException creation && creation.getCause() == null
                && !creation.getErrorMessages().isEmpty()) {
            String first = creation.getErrorMessages().iterator().next().getMessage();
            return first.strip().lines().findFirst().orElse(first);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof java.util.ServiceConfigurationError || root.getMessage() == null
                    || root instanceof com.google.inject.CreationException
                    || root instanceof com.google.inject.ProvisionException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException _) {
            // Nothing of this loader is in use; a file left open until exit does no harm.
        }
    }
}
