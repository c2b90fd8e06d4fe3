package io.modelscout.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.SelectionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class JsonReportTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode tree(SelectionResult result) {
        return MAPPER.readTree(JsonReport.toJson(result));
    }

    private static JsonNode candidate(JsonNode root, String id) {
        for (JsonNode c : root.get("candidates")) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + id);
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    @Test
    void writesTheKeysThatDesignPromises() {
        JsonNode root = tree(Fixtures.iris());

        assertThat(root.at("/recommendation/candidate").asString()).isEqualTo("smile.random-forest");
        assertThat(root.at("/provenance/seed").asLong()).isEqualTo(42);
        JsonNode forest = candidate(root, "smile.random-forest");
        assertThat(forest.get("family").asString()).isEqualTo("discriminative");
        assertThat(forest.get("status").asString()).isEqualTo("evaluated");
        assertThat(forest.get("reason").asString()).isEqualTo("serves classify; handles missing data");
        assertThat(forest.at("/scores/accuracy/mean").asDouble()).isEqualTo(0.953);
        assertThat(forest.at("/scores/accuracy/sd").asDouble()).isEqualTo(0.021);
        assertThat(forest.at("/scores/accuracy/folds").size()).isEqualTo(10);
        assertThat(forest.at("/scores/accuracy/folds/2").asDouble()).isEqualTo(0.97);
        JsonNode rule = root.get("rules").get(0);
        assertThat(rule.get("id").asString()).isEqualTo("missing-data-prefers-generative");
        assertThat(rule.get("fired").isBoolean()).isTrue();
        assertThat(rule.get("fired").booleanValue()).isTrue();
        assertThat(root.get("rules").get(1).get("fired").booleanValue()).isFalse();
    }

    @Test
    void keepsEveryDocumentedKeyInAFixedOrder() {
        JsonNode root = tree(Fixtures.iris());

        assertThat(names(root)).containsExactly("formatVersion", "task", "profile", "facts", "rules", "candidates",
                "recommendation", "provenance", "plugins", "claims");
        assertThat(names(root.get("task"))).containsExactly("name", "goal", "dataFile", "target", "metric",
                "higherIsBetter", "metrics");
        assertThat(names(root.get("profile"))).containsExactly("name", "rows", "columns", "target", "missingCells",
                "missingRate", "rowsWithMissing");
        assertThat(names(root.at("/profile/columns/0"))).containsExactly("name", "kind", "target", "missing",
                "levels", "distinct", "mean", "sd", "min", "max");
        assertThat(names(root.at("/profile/target"))).containsExactly("name", "kind", "classes", "presentClasses",
                "minorityShare", "imbalanceRatio");
        assertThat(names(root.get("facts").get(0))).containsExactly("name", "value", "source", "detail");
        assertThat(names(root.get("rules").get(0))).containsExactly("id", "fired", "when", "effect", "reason");
        JsonNode forest = candidate(root, "smile.random-forest");
        assertThat(names(forest)).containsExactly("id", "name", "family", "capabilities", "status", "reason",
                "preprocessing", "parameters", "scores", "timing", "tuning", "diagnostics");
        assertThat(names(forest.get("scores"))).as("the task's metric order")
                .containsExactly("accuracy", "macro_f1", "log_loss");
        assertThat(names(forest.at("/scores/accuracy"))).containsExactly("mean", "sd", "folds");
        assertThat(names(forest.get("parameters"))).as("sorted by name")
                .containsExactly("bootstrap", "maxDepth", "mtry", "splitRule", "trees");
        assertThat(names(forest.get("timing"))).containsExactly("fitSeconds", "predictMicrosPerRow");
        assertThat(names(root.get("recommendation"))).containsExactly("candidate", "metric", "score", "reasons", "tiedWith",
                "tieBreak");
        assertThat(names(root.get("provenance"))).containsExactly("modelscoutVersion", "seed", "folds", "repeats",
                "threads", "startedAt", "seconds", "versions");
        assertThat(names(root.at("/provenance/versions"))).containsExactly("java", "smile", "weka");
    }

    @Test
    void writesTheValuesOfEachPart() {
        JsonNode root = tree(Fixtures.iris());

        assertThat(root.at("/task/name").asString()).isEqualTo("iris species");
        assertThat(root.at("/task/target").asString()).isEqualTo("species");
        assertThat(root.at("/task/higherIsBetter").booleanValue()).isTrue();
        assertThat(root.at("/profile/rows").asInt()).isEqualTo(150);
        assertThat(root.at("/profile/columns/2/levels").asInt()).isEqualTo(3);
        assertThat(root.at("/profile/target/classes/1/label").asString()).isEqualTo("versicolor");
        assertThat(root.at("/profile/target/classes/1/count").asInt()).isEqualTo(50);
        assertThat(root.at("/facts/0/source").asString()).isEqualTo("profile");
        JsonNode forest = candidate(root, "smile.random-forest");
        assertThat(forest.at("/parameters/trees").isInt()).isTrue();
        assertThat(forest.at("/parameters/mtry").isDouble()).isTrue();
        assertThat(forest.at("/parameters/bootstrap").booleanValue()).isTrue();
        assertThat(forest.at("/parameters/splitRule").asString()).isEqualTo("gini");
        assertThat(forest.at("/timing/fitSeconds").asDouble()).isEqualTo(0.412);
        assertThat(forest.at("/timing/predictMicrosPerRow").asDouble()).isEqualTo(3.25);
        assertThat(forest.at("/capabilities/0").asString()).isEqualTo("HANDLES_MISSING_DATA");
        assertThat(forest.at("/preprocessing/0").asString()).startsWith("impute");
        assertThat(root.at("/provenance/folds").asInt()).isEqualTo(5);
        assertThat(root.at("/provenance/repeats").asInt()).isEqualTo(2);
        assertThat(root.at("/provenance/versions/smile").asString()).isEqualTo("6.3.0");
        assertThat(root.at("/recommendation/reasons").size()).isEqualTo(2);
    }

    @Test
    void writesStatusIdsInLowerCase() {
        JsonNode root = tree(Fixtures.iris());

        assertThat(candidate(root, "weka.j48").get("status").asString()).isEqualTo("failed");
        assertThat(candidate(root, "smile.hmm").get("status").asString()).isEqualTo("excluded");
        assertThat(candidate(root, "weka.j48").get("scores").isEmpty()).isTrue();

        SelectionResult iris = Fixtures.iris();
        CandidateResult j48 = iris.candidates().get(1);
        var timedOut = new CandidateResult(j48.id(), j48.name(), j48.family(), j48.capabilities(),
                CandidateResult.Status.TIMED_OUT, "fold 1 took longer than 60 s", j48.preprocessing(),
                j48.parameters(), j48.scores(), j48.timing());
        var result = new SelectionResult(iris.task(), iris.profile(), iris.facts(), iris.rules(), List.of(timedOut),
                Optional.empty(), iris.provenance());
        assertThat(candidate(tree(result), "weka.j48").get("status").asString()).isEqualTo("timed-out");
    }

    @Test
    void writesNonFiniteNumbersAsNull() {
        SelectionResult iris = Fixtures.iris();
        CandidateResult logistic = iris.candidates().get(2);
        var scores = new java.util.HashMap<>(logistic.scores());
        scores.put("macro_f1", new Score(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                List.of(Double.POSITIVE_INFINITY, 0.5)));
        var infinite = new CandidateResult(logistic.id(), logistic.name(), logistic.family(), logistic.capabilities(),
                logistic.status(), logistic.reason(), logistic.preprocessing(),
                Map.of("lambda", Double.NaN), scores, logistic.timing());
        var result = new SelectionResult(iris.task(), iris.profile(), iris.facts(), iris.rules(), List.of(infinite),
                Optional.empty(), iris.provenance());

        String json = JsonReport.toJson(result);
        JsonNode c = MAPPER.readTree(json).at("/candidates/0");

        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(c.at("/scores/log_loss/mean").isNull()).isTrue();
        assertThat(c.at("/scores/log_loss/sd").isNull()).isTrue();
        assertThat(c.at("/scores/log_loss/folds/1").isNull()).isTrue();
        assertThat(c.at("/scores/log_loss/folds/0").asDouble()).isEqualTo(0.2);
        assertThat(c.at("/scores/macro_f1/mean").isNull()).isTrue();
        assertThat(c.at("/scores/macro_f1/folds/0").isNull()).isTrue();
        assertThat(c.at("/parameters/lambda").isNull()).isTrue();
        assertThat(MAPPER.readTree(json).at("/profile/columns/2/mean").isNull()).isTrue();
    }

    @Test
    void writesNullForWhatIsAbsent() {
        SelectionResult iris = Fixtures.noneEvaluated();
        var task = new SelectionResult.TaskSummary("clusters", "cluster", "x.csv", Optional.empty(), "silhouette",
                true, List.of());
        var profile = new io.modelscout.selector.data.DataProfile("x", 10, List.of(), Optional.empty(), 0, 0, 0);
        var result = new SelectionResult(task, profile, iris.facts(), iris.rules(), iris.candidates(),
                Optional.empty(), iris.provenance());

        JsonNode root = tree(result);

        assertThat(root.get("recommendation").isNull()).isTrue();
        assertThat(root.at("/task/target").isNull()).isTrue();
        assertThat(root.at("/profile/target").isNull()).isTrue();
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        SelectionResult original = Fixtures.iris();
        Path file = dir.resolve("out/result.json");

        JsonReport.write(original, file);
        SelectionResult read = JsonReport.read(file);

        assertThat(read).isEqualTo(original);
        assertThat(read.candidates().get(3).parameters().get("trees")).isInstanceOf(Integer.class);
        assertThat(read.candidates().get(3).parameters().get("mtry")).isInstanceOf(Double.class);
        assertThat(JsonReport.toJson(read)).isEqualTo(Files.readString(file));
    }

    @Test
    void readsBackAResultWithoutRecommendationOrTarget() throws IOException {
        SelectionResult original = Fixtures.noneEvaluated();

        assertThat(JsonReport.fromJson(JsonReport.toJson(original))).isEqualTo(original);
    }

    @Test
    void isDeterministic() {
        assertThat(JsonReport.toJson(Fixtures.iris())).isEqualTo(JsonReport.toJson(Fixtures.iris()))
                .endsWith("}\n")
                .contains("\n  \"task\" : {");
    }

    @Test
    void namesTheKeyOfABadDocument() throws IOException {
        String json = JsonReport.toJson(Fixtures.iris()).replace("\"excluded\"", "\"dropped\"");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);

        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("$.candidates[0].status: unknown status 'dropped'; known: evaluated, failed,"
                        + " timed-out, excluded");
        assertThatThrownBy(() -> JsonReport.fromJson("{\"formatVersion\": 1}")).isInstanceOf(IOException.class)
                .hasMessage("$.task: missing");
        assertThatThrownBy(() -> JsonReport.fromJson(JsonReport.toJson(Fixtures.iris())
                .replace("\"rows\" : 150", "\"rows\" : \"many\"")))
                .hasMessageStartingWith("$.profile.rows: expected an integer, got string");
        assertThatThrownBy(() -> JsonReport.fromJson("{ not json")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not valid JSON");
    }
}
