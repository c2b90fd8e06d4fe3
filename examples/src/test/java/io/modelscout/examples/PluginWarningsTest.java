package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.cli.PluginRegistry;
import io.modelscout.cli.plugins.LoadedPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars whose module cannot give a usable plugin are left out with a warning naming the jar; the rest load. */
final class PluginWarningsTest {

    @Test
    void eachUnusableJarGetsOneWarningNamingItAndTheGoodOnesLoad(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins")).toAbsolutePath();
        PluginJars.example(plugins.resolve("good.jar"));
        PluginJars.bad("malformed-id", plugins.resolve("malformed-id.jar"));
        PluginJars.bad("empty-module", plugins.resolve("empty-module.jar"));
        PluginJars.build(plugins.resolve("missing-module.jar"), List.of(),
                List.of(PluginJars.BAD.resolve("missing-module/resources")));
        var warnings = new ArrayList<String>();

        List<LoadedPlugin> loaded = PluginRegistry.load(getClass().getClassLoader(), List.of(plugins), warnings::add);

        assertThat(loaded).extracting(p -> p.plugin().id()).contains("example.nearest-centroid", "weka.j48")
                .doesNotContain("My Model");
        assertThat(warnings).containsExactly(
                "plugin jar " + plugins.resolve("empty-module.jar")
                        + ": its plugin module binds no plugin (bind one with Plugins.bind); left out",
                "plugin jar " + plugins.resolve("malformed-id.jar") + ": org.example.bad.MalformedModule$Malformed has the id "
                        + "'My Model'; expected lower-case dotted words such as acme.nearest-centroid; left out",
                "plugin jar " + plugins.resolve("missing-module.jar") + ": its plugin module cannot be loaded: "
                        + "ServiceConfigurationError: com.google.inject.Module: Provider org.example.bad.NoSuchModule not found; left out");
    }

    @Test
    void aPluginThatDoesNotDeclareItsApiVersionLoadsWithAWarning(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins")).toAbsolutePath();
        PluginJars.bad("unversioned", plugins.resolve("unversioned.jar"));
        var warnings = new ArrayList<String>();

        List<LoadedPlugin> loaded = PluginRegistry.load(getClass().getClassLoader(), List.of(plugins), warnings::add);

        assertThat(loaded).extracting(p -> p.plugin().id()).contains("bad.unversioned");
        assertThat(warnings).containsExactly("plugin jar " + plugins.resolve("unversioned.jar")
                + ": plugin bad.unversioned does not override apiVersion(), so the API version it was built against "
                + "cannot be checked; add 'public String apiVersion() { return API_VERSION; }' to it");
    }
}
