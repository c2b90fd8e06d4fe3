package io.modelscout.cli.plugins;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which plugins folders a run reads: the {@code --plugins} folders when given; otherwise the folders listed in the
 * environment variable {@value #ENVIRONMENT} (separated like a class path); otherwise {@code plugins} under
 * ModelScout's home folder, {@code ~/.modelscout} unless the system property {@value #HOME_PROPERTY} says otherwise.
 */
public final class PluginFolders {
    /** The environment variable listing plugins folders. */
    public static final String ENVIRONMENT = "MODELSCOUT_PLUGINS";
    /** The system property that moves ModelScout's home folder (tests point it away from the real home). */
    public static final String HOME_PROPERTY = "modelscout.home";

    private PluginFolders() {
    }

    /**
     * ModelScout's home folder.
     *
     * @return the value of {@value #HOME_PROPERTY}, else {@code ~/.modelscout}
     */
    public static Path home() {
        String home = System.getProperty(HOME_PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".modelscout");
    }

    /**
     * The folders of this run, from the command line, the process environment and the home folder.
     *
     * @param option the {@code --plugins} folders; may be null or empty
     * @param warnings receives a line for each folder named in the environment that does not exist
     * @return existing folders, each once
     * @throws PluginLoadException when a folder given on the command line does not exist
     */
    public static List<Path> resolve(List<Path> option, Consumer<String> warnings) {
        return resolve(option, System.getenv(), home(), warnings);
    }

    /**
     * The folders of a run.
     *
     * @param option the {@code --plugins} folders; may be null or empty
     * @param environment the process environment
     * @param home ModelScout's home folder
     * @param warnings receives a line for each folder named in the environment that does not exist
     * @return existing folders, each once
     * @throws PluginLoadException when a folder given on the command line does not exist
     */
    public static List<Path> resolve(List<Path> option, Map<String, String> environment, Path home,
                                     Consumer<String> warnings) {
        var folders = new LinkedHashSet<Path>();
        if (option != null && !option.isEmpty()) {
            var missing = new ArrayList<String>();
            for (Path folder : option) {
                if (Files.isDirectory(folder)) {
                    folders.add(folder.toAbsolutePath().normalize());
                } else {
                    missing.add("--plugins: " + (Files.exists(folder) ? "not a folder: " : "no such folder: ")
                            + folder.toAbsolutePath().normalize() + "; expected a folder of plugin jars");
                }
            }
            if (!missing.isEmpty()) {
                throw new PluginLoadException(String.join("\n", missing));
            }
            return List.copyOf(folders);
        }
        String listed = environment.get(ENVIRONMENT);
        if (listed != null && !listed.isBlank()) {
            for (String entry : listed.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path folder = Path.of(entry.strip());
                if (Files.isDirectory(folder)) {
                    folders.add(folder.toAbsolutePath().normalize());
                } else {
                    warnings.accept(ENVIRONMENT + ": no such folder: " + folder.toAbsolutePath().normalize()
                            + "; its plugins are left out");
                }
            }
            return List.copyOf(folders);
        }
        Path fallback = home.resolve("plugins");
        return Files.isDirectory(fallback) ? List.of(fallback.toAbsolutePath().normalize()) : List.of();
    }
}
