package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A plugins folder holding every kind of bad plugin next to the good example: one recommendation run, in which each
 * bad one is refused or marked failed with a message saying why, and the others are evaluated as usual.
 */
final class PluginRefusalTest {
    @TempDir
    static Path dir;

    private static Path plugins;
    private static Path out;
    private static Cli.Run run;

    @BeforeAll
    static void runWithAFolderOfBadPlugins() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.example(plugins.resolve("nearest-centroid.jar"));
        for (String bad : new String[] {"throwing", "hanging", "nan", "half", "future-api", "peeking"}) {
            PluginJars.bad(bad, plugins.resolve(bad + ".jar"));
        }
        Files.writeString(plugins.resolve("broken.jar"), "this is not a zip file");
        PluginJars.build(plugins.resolve("no-module.jar"), java.util.List.of(), java.util.List.of());
        // A short limit, so the hanging plugin costs two seconds; iris fits take milliseconds.
        Path task = Tasks.iris(dir, "folds: 3, seed: 5, time_limit: 2s");
        out = dir.resolve("out");
        run = Cli.run("recommend", task.toString(), "--plugins", plugins.toString(), "--out", out.toString(),
                "--threads", "2");
    }

    private static void assertTheRunCompletedWithTheOthersEvaluated() {
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("Recommended: ");
        for (String other : new String[] {"example.nearest-centroid", "weka.j48", "smile.random-forest", "core.constant"}) {
            assertThat(Tasks.candidate(out, other).get("status").asString()).as("status of %s", other).isEqualTo("evaluated");
        }
    }

    private static JsonNode candidate(String id) {
        return Tasks.candidate(out, id);
    }

    @Test
    void aJarBuiltForAnotherMajorApiVersionIsRefusedNamingTheJarAndBothVersions() {
        assertThat(run.err()).contains("modelscout: warning: plugin jar " + plugins.resolve("future-api.jar"))
                .contains("bad.future was built for plugin API 2.0, this ModelScout has plugin API 1.0");
        assertThat(run.out()).doesNotContain("bad.future");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aJarThatCannotBeReadIsNamedInAWarning() {
        assertThat(run.err()).contains("modelscout: warning: plugin jar " + plugins.resolve("broken.jar")
                + ": cannot be read as a jar");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aJarWithoutAPluginModuleIsNamedInAWarning() {
        assertThat(run.err()).contains("modelscout: warning: plugin jar " + plugins.resolve("no-module.jar")
                + ": has no plugin module (expected META-INF/services/com.google.inject.Module");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aPluginWhoseFitThrowsIsMarkedFailedWithTheMessage() {
        JsonNode bad = candidate("bad.throwing");
        assertThat(bad.get("status").asString()).isEqualTo("failed");
        assertThat(bad.get("reason").asString()).contains("IllegalStateException: the matrix is singular, on purpose");
        assertThat(run.out()).contains("bad.throwing").contains("failed");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aPluginThatHangsPastTheTimeLimitIsMarkedTimedOut() {
        JsonNode bad = candidate("bad.hanging");
        assertThat(bad.get("status").asString()).isEqualTo("timed-out");
        assertThat(bad.get("reason").asString()).contains("took longer than 2 s");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aPluginReturningNanProbabilitiesIsMarkedFailed() {
        JsonNode bad = candidate("bad.nan");
        assertThat(bad.get("status").asString()).isEqualTo("failed");
        assertThat(bad.get("reason").asString()).contains("invalid prediction", "probability NaN outside [0, 1]");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aPluginWhoseProbabilitiesDoNotSumToOneIsMarkedFailed() {
        JsonNode bad = candidate("bad.half");
        assertThat(bad.get("status").asString()).isEqualTo("failed");
        assertThat(bad.get("reason").asString()).contains("probabilities summing to 0.5, not one");
        assertTheRunCompletedWithTheOthersEvaluated();
    }

    @Test
    void aPluginFitsWithItsOwnContextClassLoaderAndCannotSeeTheLibrariesModelScoutUses() {
        JsonNode bad = candidate("bad.peeking");
        assertThat(bad.get("status").asString()).isEqualTo("failed");
        assertThat(bad.get("reason").asString()).contains("ClassNotFoundException: smile.classification.KNN");
        assertTheRunCompletedWithTheOthersEvaluated();
    }
}
