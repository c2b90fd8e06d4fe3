package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The goal generate through the command line: bad inputs exit 2; credit-g at reduced settings. */
final class SynthesisExamplesTest {
    private static final Path DATA = Path.of("..", "examples", "data").toAbsolutePath().normalize();

    static Stream<Arguments> badInputs() {
        String task = """
                goal: generate
                data: {path: d.csv}
                synthesis: {folds: 2%s}
                """;
        return Stream.of(
                Arguments.of("zero rows", task.formatted(""), new String[] {"--rows", "0"},
                        new String[] {"--rows", "between 1 and 10000000", "got 0"}),
                Arguments.of("negative rows", task.formatted(""), new String[] {"--rows", "-5"},
                        new String[] {"--rows", "got -5"}),
                Arguments.of("absurd rows", task.formatted(""), new String[] {"--rows", "50000000"},
                        new String[] {"--rows", "10000000", "got 50000000"}),
                Arguments.of("unknown level", task.formatted(", condition: {y: r}"), new String[0],
                        new String[] {"synthesis.condition.y", "no level 'r'", "p, q"}),
                Arguments.of("unknown column", task.formatted(", condition: {colour: red}"), new String[0],
                        new String[] {"synthesis.condition", "no column 'colour'"}),
                Arguments.of("too few rows", task.formatted("").replace("d.csv", "few.csv"), new String[0],
                        new String[] {"synthesis.folds", "the data has 8 rows", "at least 40"}),
                Arguments.of("unknown priority", task.formatted(", priority: speed"), new String[0],
                        new String[] {"synthesis.priority", "speed", "fidelity, utility, privacy"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneClearMessage(String name, String yaml, String[] extra, String[] expected,
                                             @TempDir Path dir) throws Exception {
        var csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(i % 7).append(',').append(i % 3 == 0 ? "p" : "q").append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        Files.writeString(dir.resolve("few.csv"), "a,y\n1,p\n2,q\n3,p\n4,q\n5,p\n6,q\n7,p\n8,q\n");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, yaml);
        var args = Stream.concat(Stream.of("recommend", task.toString(), "--out", dir.resolve("out").toString()),
                Stream.of(extra)).toArray(String[]::new);
        Cli.Run run = Cli.run(args);
        assertThat(run.code()).as("exit code of %s: %s", name, run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected).doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines().count()).as("one line per problem").isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void creditGAtReducedSettingsBeatsMarginalsCopiesNothingAndWritesTheSameBytesAtAnyThreadCount(
            @TempDir Path dir) throws Exception {
        Path task = dir.resolve("credit-g-small.yaml");
        Files.writeString(task, """
                name: credit-g-small
                goal: generate
                data: {path: %s}
                evaluation: {seed: 42}
                synthesis: {folds: 2, target: class, rows: 300}
                candidates:
                  include: [core.marginal-sampler, core.gaussian-copula, core.bayes-net-sampler, core.naive-bayes-sampler]
                  only: true
                """.formatted(DATA.resolve("credit-g.arff").toString().replace('\\', '/')));
        Cli.Run one = Cli.run("recommend", task.toString(), "--out", dir.resolve("one").toString(), "--threads", "1");
        assertThat(one.code()).as(one.err()).isZero();
        Cli.Run two = Cli.run("recommend", task.toString(), "--out", dir.resolve("two").toString(), "--threads", "2");
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(one.out()).contains("Synthetic rows: 300 rows written to");

        assertThat(Files.readAllBytes(dir.resolve("one/credit-g-small-synthetic.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("two/credit-g-small-synthetic.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("one/credit-g-small-synthetic.csv"));
        assertThat(lines).hasSize(301);

        JsonNode result = JsonMapper.builder().build().readTree(dir.resolve("one/result.json").toFile());
        String recommended = result.path("recommendation").path("candidate").asString();
        JsonNode chosen = candidate(result, recommended);
        JsonNode marginals = candidate(result, "core.marginal-sampler");
        assertThat(recommended).isNotEqualTo("core.marginal-sampler");
        assertThat(mean(chosen, "pair_trends")).isGreaterThan(mean(marginals, "pair_trends"));
        assertThat(mean(chosen, "tstr_ratio")).isGreaterThan(mean(marginals, "tstr_ratio"));
        assertThat(mean(chosen, "copy_rate")).isLessThanOrEqualTo(0.01);
        assertThat(Files.readString(dir.resolve("one/report.html"))).contains("Real against synthetic, per column");
    }

    private static JsonNode candidate(JsonNode result, String id) {
        for (JsonNode c : result.path("candidates")) {
            if (c.path("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + id);
    }

    private static double mean(JsonNode candidate, String metric) {
        return candidate.path("scores").path(metric).path("mean").asDouble();
    }
}
