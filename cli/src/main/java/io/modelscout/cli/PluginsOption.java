package io.modelscout.cli;

import io.modelscout.cli.plugins.LoadedPlugin;
import io.modelscout.cli.plugins.PluginFolders;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --plugins DIR} option of the commands that assemble the plugin set. */
final class PluginsOption {
    @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars; may be repeated. "
            + "Default: the folders in $" + PluginFolders.ENVIRONMENT + ", else ~/.modelscout/plugins.")
    List<Path> folders;

    /** The bundled plugins and those of the plugins folders, with where each came from; warnings go to stderr. */
    List<LoadedPlugin> load() {
        return PluginRegistry.load(PluginsOption.class.getClassLoader(),
                PluginFolders.resolve(folders, PluginRegistry::warn), PluginRegistry::warn);
    }
}
