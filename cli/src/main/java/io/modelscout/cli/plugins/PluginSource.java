package io.modelscout.cli.plugins;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a plugin came from: ModelScout's class path (the bundled plugins) or a jar in a plugins folder.
 *
 * @param location the jar or sub-folder of jars it was loaded from; empty for the class path
 * @param className the plugin's class, for messages that must tell two class-path plugins apart
 */
public record PluginSource(Optional<Path> location, String className) {

    /** Checks the values. */
    public PluginSource {
        requireNonNull(location, "location is null");
        requireNonNull(className, "className is null");
    }

    /**
     * A plugin found on the class path.
     *
     * @param className its class
     * @return the source
     */
    public static PluginSource classPath(String className) {
        return new PluginSource(Optional.empty(), className);
    }

    /**
     * A plugin loaded from a jar (or a sub-folder of jars) of a plugins folder.
     *
     * @param location the jar or sub-folder
     * @param className its class
     * @return the source
     */
    public static PluginSource jar(Path location, String className) {
        return new PluginSource(Optional.of(location), className);
    }

    /**
     * Whether the plugin is bundled with ModelScout.
     *
     * @return true for the class path
     */
    public boolean onClassPath() {
        return location.isEmpty();
    }

    /**
     * The source as shown by {@code modelscout plugins}: {@code class path} or the jar's path.
     *
     * @return the text
     */
    public String describe() {
        return location.map(Path::toString).orElse("class path");
    }

    /**
     * The source as named in an error about two plugins: the jar, or for the class path the plugin's class.
     *
     * @return the text
     */
    public String name() {
        return location.map(Path::toString).orElse("class path (" + className + ")");
    }
}
