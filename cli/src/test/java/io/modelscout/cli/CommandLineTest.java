package io.modelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class CommandLineTest {

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void pluginsListsBothFamiliesFromEveryBackend() {
        Run run = run("plugins");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("core.constant", "smile.random-forest", "weka.j48", "generative", "discriminative");
    }

    @Test
    void pluginsJsonCarriesFamilyGoalsAndCapabilities() {
        Run run = run("plugins", "--json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"id\" : \"weka.naive-bayes\"", "\"family\" : \"generative\"", "\"goals\"",
                "\"capabilities\"");
    }

    @Test
    void pluginsJsonListsTheCatalogueWithFamiliesGoalsAndCapabilities() {
        record Expected(String family, List<String> goals, List<String> capabilities) {
        }
        var classify = List.of("classify");
        var regress = List.of("regress");
        var both = List.of("classify", "regress");
        var generative = List.of("GENERATIVE", "PROBABILISTIC");
        var wekaInput = List.of("NOMINAL_FEATURES", "HANDLES_MISSING_DATA");
        Map<String, Expected> expected = Map.ofEntries(
                Map.entry("smile.lda", new Expected("generative", classify, generative)),
                Map.entry("smile.qda", new Expected("generative", classify, generative)),
                Map.entry("smile.gaussian-mixture", new Expected("generative", classify, generative)),
                Map.entry("smile.mlp", new Expected("discriminative", both, List.of("PROBABILISTIC", "NEEDS_SCALING"))),
                Map.entry("smile.knn", new Expected("discriminative", both, List.of("NEEDS_SCALING"))),
                Map.entry("smile.svr", new Expected("discriminative", regress, List.of("NEEDS_SCALING"))),
                Map.entry("smile.linear-svm", new Expected("discriminative", classify,
                        List.of("PROBABILISTIC", "NEEDS_SCALING"))),
                Map.entry("smile.lasso", new Expected("discriminative", regress, List.of("INTERPRETABLE"))),
                Map.entry("weka.bayes-net", new Expected("generative", classify, List.of("GENERATIVE", "PROBABILISTIC",
                        "NOMINAL_FEATURES", "HANDLES_MISSING_DATA"))),
                Map.entry("weka.mlp", new Expected("discriminative", both, wekaInput)),
                Map.entry("weka.smoreg", new Expected("discriminative", regress, wekaInput)),
                Map.entry("weka.reptree", new Expected("discriminative", both, wekaInput)),
                Map.entry("weka.random-forest", new Expected("discriminative", both, wekaInput)),
                Map.entry("weka.ibk", new Expected("discriminative", both, wekaInput)));

        Run run = run("plugins", "--json");

        assertThat(run.code()).isZero();
        var listed = new HashMap<String, JsonNode>();
        for (JsonNode plugin : JsonMapper.builder().build().readTree(run.out())) {
            listed.put(plugin.get("id").asString(), plugin);
        }
        expected.forEach((id, want) -> {
            assertThat(listed).as("plugins --json").containsKey(id);
            JsonNode plugin = listed.get(id);
            assertThat(plugin.get("family").asString()).as("family of %s", id).isEqualTo(want.family());
            assertThat(plugin.get("goals").values()).extracting(JsonNode::asString).as("goals of %s", id)
                    .containsExactlyInAnyOrderElementsOf(want.goals());
            assertThat(plugin.get("capabilities").values()).extracting(JsonNode::asString)
                    .as("capabilities of %s", id).containsAll(want.capabilities());
        });
    }

    @Test
    void unknownOptionIsAUserError() {
        Run run = run("recommend", "--no-such-option", "x.yaml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void missingTaskFileExitsTwoWithOneLineNamingIt(@TempDir Path dir) {
        Run run = run("recommend", dir.resolve("nope.yaml").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("nope.yaml").doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownCandidateIdListsTheKnownOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,2,p\n2,3,q\n3,1,p\n4,4,q\n5,2,p\n6,3,q\n");
        Files.writeString(dir.resolve("t.yaml"), """
                goal: classify
                data: {path: d.csv, target: y}
                evaluation: {folds: 2}
                candidates: {include: [randomforest]}
                """);
        Run run = run("recommend", dir.resolve("t.yaml").toString(), "--out", dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("candidates.include", "unknown model 'randomforest'", "smile.random-forest")
                .doesNotContain("\tat ");
    }

    @Test
    void explainPrintsFactsRulesAndPlanWithoutEvaluating(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,2,p\n2,3,q\n3,1,p\n4,4,q\n5,2,p\n6,3,q\n");
        Files.writeString(dir.resolve("t.yaml"), """
                goal: classify
                data: {path: d.csv, target: y}
                evaluation: {folds: 2}
                """);
        Run run = run("explain", dir.resolve("t.yaml").toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Facts:", "little_data", "Rules:", "every-capable-plugin", "Candidates:",
                "include  smile.random-forest");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static Path smallTask(Path dir) throws java.io.IOException {
        var csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 7).append(',').append((i * 5) % 11).append(',').append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        Path task = dir.resolve("t.yaml");
        Files.writeString(task, """
                name: small
                goal: classify
                data: {path: d.csv, target: y}
                evaluation: {folds: 3}
                """);
        return task;
    }

    @Test
    void benchmarkTuningRejectsBadOptionsWithOneLineEach(@TempDir Path dir) throws Exception {
        Path task = smallTask(dir);

        Run wrong = run("benchmark", task.toString(), "--tuning", "grid", "--budget", "5 minutes");
        Run noTrials = run("benchmark", task.toString(), "--tuning", "random", "--trials", "0",
                "--candidates", "weka.j48,randomforest");

        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().lines()).containsExactly(
                "modelscout: --tuning: expected random or halving, got 'grid'",
                "modelscout: --budget: expected a duration between 1s and 24h such as 30s, 5m or 1h, got '5 minutes'");
        assertThat(noTrials.code()).isEqualTo(2);
        assertThat(noTrials.err().lines()).containsExactly(
                "modelscout: --trials: must be between 1 and 1000, got 0",
                "modelscout: --candidates: unknown model 'randomforest'");
    }

    @Test
    void benchmarkTuningPrintsDefaultAgainstTunedPerCandidate(@TempDir Path dir) throws Exception {
        Path task = smallTask(dir);

        Run run = run("benchmark", task.toString(), "--tuning", "halving", "--budget", "10m", "--trials", "4",
                "--candidates", "weka.j48", "--threads", "1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("successive halving from 4 configurations",
                "| data set | candidate | accuracy, default | accuracy, tuned | change |");
        assertThat(run.out().lines().filter(line -> line.startsWith("| small | weka.j48 | "))).hasSize(1);
    }

    private static Path pairTask(Path dir, String name) throws java.io.IOException {
        var csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7 + (i % 2) * 3).append(',').append((i * 5) % 11).append(',').append(i % 2 == 0 ? "p" : "q")
                    .append('\n');
        }
        Files.writeString(dir.resolve(name + ".csv"), csv);
        Path task = dir.resolve(name + ".yaml");
        Files.writeString(task, "name: " + name + "\n" + """
                goal: classify
                data: {path: %s.csv, target: y}
                evaluation: {folds: 3}
                candidates: {include: [weka.naive-bayes, weka.logistic, core.constant], only: true}
                """.formatted(name));
        return task;
    }

    @Test
    void recommendPrintsTheClaimsCheckedOnTheData(@TempDir Path dir) throws Exception {
        Run run = run("recommend", pairTask(dir, "pair").toString(), "--out", dir.resolve("out").toString(),
                "--threads", "1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Claims checked on this data:", "generative-converges-with-fewer-rows",
                "discriminative-predicts-faster", "generative-copes-with-missing-values");
        JsonNode result = JsonMapper.builder().build().readTree(dir.resolve("out/result.json").toFile());
        JsonNode curve = result.get("claims").get(0).get("series").get(0);
        assertThat(curve.get("x")).hasSize(4);
        assertThat(result.get("recommendation").has("tiedWith")).isTrue();
        assertThat(result.get("recommendation").has("tieBreak")).isTrue();
    }

    @Test
    void recommendationsWritesOneSectionPerTaskUnderTheCommandThatMadeIt(@TempDir Path dir) throws Exception {
        Path first = pairTask(dir, "first");
        Path second = pairTask(dir, "second");
        Path page = dir.resolve("docs/recommendations.md");

        Run run = run("recommendations", first.toString(), second.toString(), "--out", page.toString(), "--threads", "1");

        assertThat(run.code()).as(run.err()).isZero();
        String text = Files.readString(page);
        assertThat(text).startsWith("# Recommendations on shared data sets")
                .contains("./modelscout recommendations \\\n    " + first.toString().replace('\\', '/'))
                .contains("## first", "## second", "**Recommended: `", "Tie group: ", "Tie-break: ", "Rules that fired:",
                        "`every-capable-plugin`", "Claims checked on this data:");
        assertThat(text.indexOf("## first")).isLessThan(text.indexOf("## second"));
    }

    @Test
    void recommendationsWithABadTaskExitsTwoWithoutWritingAPage(@TempDir Path dir) throws Exception {
        Path good = pairTask(dir, "good");
        Path page = dir.resolve("page.md");

        Run run = run("recommendations", good.toString(), dir.resolve("missing.yaml").toString(), "--out", page.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("missing.yaml").doesNotContain("\tat ");
        assertThat(page).doesNotExist();
    }
}
