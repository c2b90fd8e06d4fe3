package io.modelscout.cli.plugins;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: the JDK (through the platform class loader) plus the plugin API and the
 * injection packages it is written against, taken from ModelScout's own class loader so that a plugin's
 * {@code ModelPlugin} is ours. Everything else on ModelScout's class path (Smile, Weka, Jackson, the selector, the
 * bundled plugins, their service files) is invisible, so a plugin can bring its own versions of those libraries.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    /** Packages shared with plugins, as class-name prefixes. */
    static final List<String> SHARED_PACKAGES = List.of("io.modelscout.api.", "com.google.inject.", "jakarta.inject.");

    private final ClassLoader host;

    static {
        registerAsParallelCapable();
    }

    /**
     * A loader exposing the shared packages of {@code host}.
     *
     * @param host ModelScout's class loader
     */
    ApiOnlyClassLoader(ClassLoader host) {
        super("modelscout-plugin-api", ClassLoader.getPlatformClassLoader());
        this.host = requireNonNull(host, "host is null");
    }

    static boolean shared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharedResource(String path) {
        return shared(path.replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return host.loadClass(name);
        }
        // The platform loader answers for the JDK; anything else is not found here and so comes from the plugin's jar.
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return sharedResource(name) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return sharedResource(name) ? host.getResources(name) : super.getResources(name);
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        return Collections.emptyEnumeration();
    }
}
