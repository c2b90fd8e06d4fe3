package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.testkit.PluginContract;
import io.modelscout.cli.PluginRegistry;
import io.modelscout.cli.plugins.LoadedPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example plugin of {@code custom-plugin/}, as its README tells an author to use it: build the jar, drop it in
 * a plugins folder, run a task, and find the new model among the candidates.
 */
final class CustomPluginTest {
    private static final String ID = "example.nearest-centroid";

    @Test
    void theExamplePluginDroppedInAFolderIsEvaluatedInARecommendation(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.example(plugins.resolve("nearest-centroid-plugin.jar"));
        Path task = Tasks.iris(dir, "folds: 3, seed: 11");
        Path out = dir.resolve("out");

        Cli.Run run = Cli.run("recommend", task.toString(), "--plugins", plugins.toString(), "--out", out.toString());

        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(run.err()).as("no warning about the example jar").doesNotContain("warning");
        assertThat(run.out()).contains(ID);
        JsonNode candidate = Tasks.candidate(out, ID);
        assertThat(candidate.get("status").asString()).isEqualTo("evaluated");
        assertThat(candidate.get("family").asString()).isEqualTo("generative");
        assertThat(candidate.at("/scores/accuracy/folds")).hasSize(3);
        assertThat(candidate.at("/scores/accuracy/mean").asDouble()).as("accuracy on iris").isGreaterThan(0.85);
    }

    @Test
    void pluginsCommandShowsTheJarItCameFrom(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.example(plugins.resolve("nearest-centroid-plugin.jar"));

        Cli.Run table = Cli.run("plugins", "--plugins", plugins.toString());
        Cli.Run json = Cli.run("plugins", "--json", "--plugins", plugins.toString());

        assertThat(table.code()).isZero();
        assertThat(table.out().lines().filter(l -> l.startsWith(ID)).findFirst().orElseThrow())
                .contains("generative", "classify", "PROBABILISTIC").endsWith(jar.toAbsolutePath().toString());
        assertThat(table.out().lines().filter(l -> l.startsWith("weka.j48 ")).findFirst().orElseThrow())
                .endsWith("class path");
        assertThat(json.code()).isZero();
        var byId = new java.util.HashMap<String, String>();
        for (JsonNode node : JsonMapper.builder().build().readTree(json.out())) {
            byId.put(node.get("id").asString(), node.get("source").asString());
        }
        assertThat(byId).containsEntry(ID, jar.toAbsolutePath().toString()).containsEntry("weka.j48", "class path");
    }

    /** The test kit an author runs in the example project, here on the plugin as ModelScout loads it from its jar. */
    @TestFactory
    List<DynamicNode> theExamplePluginLoadedFromItsJarPassesTheContract(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.example(plugins.resolve("nearest-centroid-plugin.jar"));
        LoadedPlugin loaded = load(plugins);
        assertThat(loaded.source().location()).contains(jar.toAbsolutePath());
        assertThat(loaded.source().className()).isEqualTo("com.example.centroid.NearestCentroidPlugin");
        assertThatThrownBy(() -> Class.forName(loaded.source().className())).as("not on ModelScout's class path")
                .isInstanceOf(ClassNotFoundException.class);
        return PluginContract.of(loaded.plugin());
    }

    @Test
    void aSubFolderOfJarsIsOnePluginWithItsFolderAsSource(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path unit = Files.createDirectories(plugins.resolve("nearest-centroid"));
        PluginJars.example(unit.resolve("nearest-centroid-plugin.jar"));
        Files.writeString(plugins.resolve("notes.txt"), "files other than jars are ignored");

        LoadedPlugin loaded = load(plugins);

        assertThat(loaded.source().describe()).isEqualTo(unit.toAbsolutePath().toString());
    }

    private LoadedPlugin load(Path plugins) {
        return PluginRegistry.load(getClass().getClassLoader(), List.of(plugins.toAbsolutePath()), line -> {
                    throw new AssertionError("unexpected warning: " + line);
                }).stream().filter(p -> p.plugin().id().equals(ID)).findFirst().orElseThrow();
    }
}
