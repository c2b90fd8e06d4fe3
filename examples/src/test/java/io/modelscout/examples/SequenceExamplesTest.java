package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sequence examples on a tenth of the splice-junction windows (every tenth row, all three classes) with fewer
 * folds, so the suite stays quick; the example task files themselves use the whole file and ten folds.
 */
final class SequenceExamplesTest {
    @TempDir
    Path dir;

    private Path spliceTenth() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("data", "splice.arff"));
        var out = new ArrayList<String>();
        boolean data = false;
        int row = 0;
        for (String line : lines) {
            if (!data) {
                out.add(line);
                data = line.strip().equalsIgnoreCase("@data");
            } else if (!line.isBlank() && row++ % 10 == 0) {
                out.add(line);
            }
        }
        Path file = dir.resolve("splice-tenth.arff");
        Files.write(file, out);
        return file;
    }

    private Path task(String name, String fromExample, String replaceFrom, String replaceTo, String candidates)
            throws Exception {
        String text = Files.readString(Path.of("tasks", fromExample))
                .replace("../data/splice.arff", spliceTenth().toString())
                .replace(replaceFrom, replaceTo);
        text = text.substring(0, text.contains("candidates:") ? text.indexOf("candidates:") : text.length())
                + "candidates:\n  include: [" + candidates + "]\n  only: true\n";
        Path task = dir.resolve(name + ".yaml");
        Files.writeString(task, text);
        return task;
    }

    private static JsonNode result(Path out) {
        return JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
    }

    @Test
    void spliceClassifyPutsSequenceModelsBesideOrderFreeClassifiers() throws Exception {
        Path task = task("splice-classify", "splice-classify.yaml", "folds: 10", "folds: 3",
                "core.markov-2, core.hmm-classifier, weka.j48, smile.logistic-regression");
        Path out = dir.resolve("classify");
        Cli.Run run = Cli.run("recommend", task.toString(), "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = result(out);
        int generative = 0;
        int discriminative = 0;
        for (JsonNode c : result.get("candidates")) {
            if (!c.get("status").asString().equals("evaluated")) {
                continue;
            }
            assertThat(c.get("scores").get("accuracy").get("folds")).hasSize(3);
            double accuracy = c.get("scores").get("accuracy").get("mean").asDouble();
            assertThat(accuracy).as(c.get("id").asString()).isBetween(0.4, 1.0);
            if (c.get("family").asString().equals("generative")) {
                generative++;
            } else {
                discriminative++;
                assertThat(c.get("reason").asString()).contains("treats positions as independent features");
            }
        }
        assertThat(generative).isGreaterThanOrEqualTo(1);
        assertThat(discriminative).isGreaterThanOrEqualTo(2);
        assertThat(result.get("recommendation").get("candidate").asString()).isNotEmpty();
        assertThat(result.get("details").get("rivals")).hasSize(2);
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"sequences\"", "order-free rival");
    }

    @Test
    void spliceNextReportsPerplexitiesAndTheSameContinuationsOnEveryRun() throws Exception {
        Path task = task("splice-next", "splice-next.yaml", "folds: 5", "folds: 2",
                "core.markov-1, core.markov-2, core.markov-3, core.hmm");
        Path first = dir.resolve("next1");
        Path second = dir.resolve("next2");
        Cli.Run one = Cli.run("recommend", task.toString(), "--out", first.toString());
        Cli.Run two = Cli.run("recommend", task.toString(), "--out", second.toString(), "--threads", "1");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        JsonNode result = result(first);
        int scored = 0;
        for (JsonNode c : result.get("candidates")) {
            if (c.get("status").asString().equals("evaluated")) {
                double perplexity = c.get("scores").get("perplexity").get("mean").asDouble();
                // four bases and a few ambiguity codes: a model that learned anything is below 8 symbols of surprise
                assertThat(perplexity).as(c.get("id").asString()).isBetween(1.0, 8.0);
                scored++;
            }
        }
        assertThat(scored).isEqualTo(4);
        List<String> continuations = continuationLines(one.out());
        assertThat(continuations).hasSize(3);
        assertThat(continuationLines(two.out())).isEqualTo(continuations);
        assertThat(result.get("details").get("continuations")).hasSize(3);
    }

    private static List<String> continuationLines(String out) {
        var lines = new ArrayList<String>();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("Continuations by")) {
                in = true;
                lines.add(line);
            } else if (in && line.startsWith("  ")) {
                lines.add(line);
            } else {
                in = false;
            }
        }
        return lines.isEmpty() ? lines : lines.subList(1, lines.size());
    }
}
