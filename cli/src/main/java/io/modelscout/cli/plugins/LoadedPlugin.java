package io.modelscout.cli.plugins;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.ModelPlugin;

/**
 * A registered plugin and where it came from.
 *
 * @param plugin the plugin
 * @param source the class path or the jar it was loaded from
 */
public record LoadedPlugin(ModelPlugin plugin, PluginSource source) {

    /** Checks the values. */
    public LoadedPlugin {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(source, "source is null");
    }
}
