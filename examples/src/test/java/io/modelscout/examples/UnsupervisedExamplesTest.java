package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example tasks of the goals cluster, detect-anomalies and estimate-density end to end, each at one and two
 * threads. The anomaly and imputation tasks run with three folds and without their slowest candidates to keep the
 * suite quick; the others run as shipped.
 */
final class UnsupervisedExamplesTest {
    private static final Path TASKS = Path.of("tasks");

    private record Outcome(JsonNode result, String out) {
    }

    private static Outcome recommend(Path task, Path out, String threads) throws Exception {
        Cli.Run run = Cli.run("recommend", task.toString(), "--out", out.toString(), "--threads", threads);
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        return new Outcome(JsonMapper.builder().build().readTree(out.resolve("result.json").toFile()), run.out());
    }

    /** The example task with fewer folds and some candidates left out, its data path made absolute. */
    private static Path lighter(Path dir, String name, String exclude) throws Exception {
        String text = Files.readString(TASKS.resolve(name)).replace("folds: 5", "folds: 3")
                .replace("path: ../data/", "path: " + Path.of("data").toAbsolutePath() + "/");
        Path task = dir.resolve(name);
        Files.writeString(task, text + "candidates:\n  exclude: [" + exclude + "]\n");
        return task;
    }

    private static Map<String, JsonNode> evaluated(JsonNode result) {
        var out = new HashMap<String, JsonNode>();
        for (JsonNode candidate : result.get("candidates")) {
            if (candidate.get("status").asString().equals("evaluated")) {
                out.put(candidate.get("id").asString(), candidate);
            }
        }
        return out;
    }

    /** Every candidate's per-fold scores and status, and the goal's details: what must not depend on threads. */
    private static void sameNumbers(JsonNode one, JsonNode two) {
        var a = new ArrayList<String>();
        var b = new ArrayList<String>();
        for (JsonNode candidate : one.get("candidates")) {
            a.add(candidate.get("id").asString() + " " + candidate.get("status").asString() + " "
                    + candidate.get("scores"));
        }
        for (JsonNode candidate : two.get("candidates")) {
            b.add(candidate.get("id").asString() + " " + candidate.get("status").asString() + " "
                    + candidate.get("scores"));
        }
        assertThat(b).isEqualTo(a);
        assertThat(two.get("details")).isEqualTo(one.get("details"));
        assertThat(two.at("/recommendation/candidate")).isEqualTo(one.at("/recommendation/candidate"));
    }

    @Test
    void irisClustersRecommendsAModelAndACountWithTheSpeciesAsExternalCheck(@TempDir Path dir) throws Exception {
        Outcome two = recommend(TASKS.resolve("iris-clusters.yaml"), dir.resolve("two"), "2");
        Outcome one = recommend(TASKS.resolve("iris-clusters.yaml"), dir.resolve("one"), "1");
        sameNumbers(one.result(), two.result());

        JsonNode result = two.result();
        assertThat(result.at("/recommendation/candidate").asString()).isNotEmpty();
        assertThat(result.at("/details/clusterCount").asInt()).isBetween(2, 10);
        assertThat(two.out()).contains("clusters: " + result.at("/details/clusterCount").asInt());
        Map<String, JsonNode> evaluated = evaluated(result);
        assertThat(evaluated.keySet()).anyMatch(id -> id.contains("gmm"));
        assertThat(evaluated.values()).allSatisfy(c -> assertThat(c.at("/scores/ari/folds")).hasSize(5));
        assertThat(evaluated.values()).anyMatch(c -> c.at("/scores/ari/mean").asDouble() > 0.5);
        assertThat(Files.readString(dir.resolve("two/report.html"))).contains("first two principal components");
    }

    @Test
    void wdbcAnomaliesReportsEveryDetectorsRocAucAndRecommendsNearTheBest(@TempDir Path dir) throws Exception {
        Path task = lighter(dir, "wdbc-anomalies.yaml", "core.mixed-mixture, smile.gmm-diagonal, core.kde-cv, weka.em");
        Outcome two = recommend(task, dir.resolve("two"), "2");
        Outcome one = recommend(task, dir.resolve("one"), "1");
        sameNumbers(one.result(), two.result());

        Map<String, JsonNode> evaluated = evaluated(two.result());
        assertThat(evaluated).hasSizeGreaterThanOrEqualTo(5);
        double best = evaluated.values().stream().mapToDouble(c -> c.at("/scores/roc_auc/mean").asDouble()).max()
                .orElseThrow();
        String recommended = two.result().at("/recommendation/candidate").asString();
        assertThat(evaluated.get(recommended).at("/scores/roc_auc/mean").asDouble()).isGreaterThan(best - 0.02);
        assertThat(best).isGreaterThan(0.85);
        assertThat(two.result().at("/details/knownAnomalies").asInt()).isEqualTo(19);
    }

    @Test
    void usarrestsDensityComparesLikelihoodsAndEstimatesTheQuery(@TempDir Path dir) throws Exception {
        Outcome two = recommend(TASKS.resolve("usarrests-density.yaml"), dir.resolve("two"), "2");
        Outcome one = recommend(TASKS.resolve("usarrests-density.yaml"), dir.resolve("one"), "1");
        sameNumbers(one.result(), two.result());

        Map<String, JsonNode> evaluated = evaluated(two.result());
        assertThat(evaluated.values().stream().filter(c -> c.at("/scores/log_likelihood/folds").size() == 5))
                .hasSizeGreaterThanOrEqualTo(4);
        JsonNode query = two.result().at("/details/queries/0");
        assertThat(query.get("query").asString()).isEqualTo("Murder > 10 and Assault > 250");
        assertThat(query.get("empirical").asDouble()).isEqualTo(9 / 50.0);
        assertThat(query.get("estimates")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(two.out()).contains("P(Murder > 10 and Assault > 250): empirical 0.1800");
    }

    @Test
    void autompgImputationPutsTheBestDensityBesideMeanImputationOnTheSameCells(@TempDir Path dir) throws Exception {
        Path task = lighter(dir, "autompg-impute.yaml", "core.mixed-mixture, core.kde-cv");
        Outcome two = recommend(task, dir.resolve("two"), "2");
        Outcome one = recommend(task, dir.resolve("one"), "1");
        sameNumbers(one.result(), two.result());

        JsonNode imputation = two.result().at("/details/imputation");
        assertThat(imputation.get("maskedNumeric").asInt()).isGreaterThan(50);
        double mean = Double.NaN;
        double bestDensity = Double.POSITIVE_INFINITY;
        for (JsonNode method : imputation.get("methods")) {
            if (method.get("method").asString().equals("baseline.mean-mode")) {
                mean = method.get("nrmse").asDouble();
            } else if (method.get("kind").asString().equals("density") && method.hasNonNull("nrmse")) {
                bestDensity = Math.min(bestDensity, method.get("nrmse").asDouble());
            }
        }
        assertThat(bestDensity).isLessThan(mean);
        List<String> completed = Files.readAllLines(dir.resolve("two/completed.csv"));
        assertThat(completed).hasSize(399);
        assertThat(completed).noneMatch(line -> line.contains(",,") || line.endsWith(","));
    }
}
