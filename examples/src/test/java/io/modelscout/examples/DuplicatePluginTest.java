package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two plugins with one id cannot both take part: the run stops before evaluating, naming both. */
final class DuplicatePluginTest {

    @Test
    void twoJarsWithTheSameIdExitTwoNamingBothJars(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path first = PluginJars.bad("twin", plugins.resolve("twin-1.0.jar"));
        Path second = Files.copy(first, plugins.resolve("twin-1.1.jar"));
        Path task = Tasks.iris(dir, "folds: 3");
        Path out = dir.resolve("out");

        Cli.Run run = Cli.run("recommend", task.toString(), "--plugins", plugins.toString(), "--out", out.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("modelscout: two plugins have the id 'bad.twin': " + first + " and "
                + second + "; remove one of them");
        assertThat(out).as("nothing evaluated, nothing written").doesNotExist();
    }

    @Test
    void aJarTakingTheIdOfABundledPluginNamesTheBundledClassAndTheJar(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.bad("impostor", plugins.resolve("impostor.jar"));

        Cli.Run run = Cli.run("plugins", "--plugins", plugins.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("modelscout: two plugins have the id 'weka.j48': class path "
                + "(io.modelscout.plugins.weka.J48Plugin) and " + jar).doesNotContain("\tat ", "Exception");
    }
}
