package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the example tasks end to end, as a user would with {@code ./modelscout recommend}. */
final class ExampleTasksTest {
    private static final Path TASKS = Path.of("tasks");

    private static JsonNode recommend(String task, Path out, String... extra) throws Exception {
        var args = new java.util.ArrayList<String>();
        args.add("recommend");
        args.add(TASKS.resolve(task).toString());
        args.add("--out");
        args.add(out.toString());
        args.add("--quiet");
        args.addAll(java.util.List.of(extra));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("result.json")).isRegularFile();
        return JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
    }

    private static Map<String, JsonNode> scores(JsonNode result) {
        var scores = new HashMap<String, JsonNode>();
        for (JsonNode candidate : result.get("candidates")) {
            if (candidate.get("status").asString().equals("evaluated")) {
                scores.put(candidate.get("id").asString(), candidate.get("scores"));
            }
        }
        return scores;
    }

    @Test
    void diabetesEvaluatesBothFamiliesAndIsTheSameAtOneAndTwoThreads(@TempDir Path dir) throws Exception {
        JsonNode two = recommend("diabetes.yaml", dir.resolve("two"), "--threads", "2");
        JsonNode one = recommend("diabetes.yaml", dir.resolve("one"), "--threads", "1");
        JsonNode again = recommend("diabetes.yaml", dir.resolve("again"), "--threads", "2");

        Map<String, JsonNode> scores = scores(two);
        assertThat(scores).as("evaluated candidates").hasSizeGreaterThanOrEqualTo(10);
        Set<String> families = new HashSet<>();
        for (JsonNode candidate : two.get("candidates")) {
            if (candidate.get("status").asString().equals("evaluated")) {
                families.add(candidate.get("family").asString());
                assertThat(candidate.at("/scores/accuracy/folds")).as("per-fold accuracy of %s", candidate.get("id"))
                        .hasSize(10);
            }
        }
        assertThat(families).containsExactlyInAnyOrder("generative", "discriminative");
        assertThat(two.at("/recommendation/candidate").asString()).isIn(scores.keySet());
        assertThat(two.at("/provenance/seed").asLong()).isEqualTo(42);
        assertThat(two.get("rules")).isNotEmpty();
        assertThat(two.get("rules").get(0).has("fired")).isTrue();

        assertThat(scores(one)).as("one thread gives the same scores as two").isEqualTo(scores);
        assertThat(scores(again)).as("a second run gives the same scores").isEqualTo(scores);
        assertThat(one.at("/recommendation/candidate")).isEqualTo(two.at("/recommendation/candidate"));
    }

    @Test
    void soybeanRunsEveryCandidateWithoutFailure(@TempDir Path dir) throws Exception {
        JsonNode result = recommend("soybean.yaml", dir);
        int evaluated = 0;
        for (JsonNode candidate : result.get("candidates")) {
            String status = candidate.get("status").asString();
            assertThat(status).as("%s: %s", candidate.get("id"), candidate.get("reason")).isIn("evaluated", "excluded");
            if (status.equals("evaluated")) {
                evaluated++;
            }
        }
        assertThat(evaluated).isGreaterThanOrEqualTo(10);
        assertThat(result.at("/recommendation/score").asDouble()).as("soybean accuracy of the recommendation")
                .isGreaterThan(0.85);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris.yaml", "credit-g.yaml", "housing.yaml", "cpu.yaml"})
    void everyExampleRecommendsAModelThatBeatsTheConstantBaseline(String task, @TempDir Path dir) throws Exception {
        JsonNode result = recommend(task, dir, "--threads", "2");
        String metric = result.at("/task/metric").asString();
        boolean higher = result.at("/task/higherIsBetter").asBoolean();
        double best = result.at("/recommendation/score").asDouble();
        double baseline = Double.NaN;
        for (JsonNode candidate : result.get("candidates")) {
            if (candidate.get("id").asString().equals("core.constant")) {
                baseline = candidate.at("/scores/" + metric + "/mean").asDouble();
            }
            assertThat(candidate.get("status").asString()).as("%s: %s", candidate.get("id"), candidate.get("reason"))
                    .isIn("evaluated", "excluded");
        }
        assertThat(higher ? best - baseline : baseline - best).as("%s: margin over the constant baseline", task)
                .isPositive();
        assertThat(Files.size(dir.resolve("report.html"))).isLessThan(1_000_000);
    }
}
