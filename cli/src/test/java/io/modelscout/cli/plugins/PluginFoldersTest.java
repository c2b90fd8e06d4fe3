package io.modelscout.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginFoldersTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void theCommandLineWinsOverTheEnvironmentAndTheHomeFolder() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("plugins"));

        List<Path> folders = PluginFolders.resolve(List.of(a, b, a), Map.of(PluginFolders.ENVIRONMENT, b.toString()),
                home, warnings::add);

        assertThat(folders).containsExactly(a, b);
        assertThat(warnings).isEmpty();
    }

    @Test
    void theEnvironmentListsFoldersLikeAClassPathAndAMissingOneIsAWarning() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path gone = dir.resolve("gone");
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("plugins"));

        List<Path> folders = PluginFolders.resolve(null, Map.of(PluginFolders.ENVIRONMENT,
                a + File.pathSeparator + gone + File.pathSeparator + b), home, warnings::add);

        assertThat(folders).containsExactly(a, b);
        assertThat(warnings).containsExactly("MODELSCOUT_PLUGINS: no such folder: " + gone + "; its plugins are left out");
    }

    @Test
    void otherwiseThePluginsFolderOfTheHomeFolderIfItExists() throws Exception {
        Path home = dir.resolve("home");
        assertThat(PluginFolders.resolve(List.of(), Map.of(), home, warnings::add)).isEmpty();

        Files.createDirectories(home.resolve("plugins"));

        assertThat(PluginFolders.resolve(List.of(), Map.of(PluginFolders.ENVIRONMENT, " "), home, warnings::add))
                .containsExactly(home.resolve("plugins"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void theHomeFolderIsMovedBySystemPropertyForTests() {
        assertThat(PluginFolders.home()).as("the build points tests away from the real home")
                .isEqualTo(Path.of(System.getProperty(PluginFolders.HOME_PROPERTY)))
                .isNotEqualTo(Path.of(System.getProperty("user.home"), ".modelscout"));
    }

    @Test
    void aMissingFolderOnTheCommandLineIsAUserError() throws Exception {
        Path file = Files.writeString(dir.resolve("plugin.jar"), "x");

        assertThatThrownBy(() -> PluginFolders.resolve(List.of(dir.resolve("nope"), file), Map.of(), dir, warnings::add))
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("--plugins: no such folder: " + dir.resolve("nope") + "; expected a folder of plugin jars\n"
                        + "--plugins: not a folder: " + file + "; expected a folder of plugin jars");
    }
}
