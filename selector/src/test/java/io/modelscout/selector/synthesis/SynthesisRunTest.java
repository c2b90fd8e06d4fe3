package io.modelscout.selector.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.Capability;
import io.modelscout.api.ModelPlugin;
import io.modelscout.selector.Selector;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpecReader;
import io.modelscout.selector.synthesis.FakeSynthesizers.Kind;
import io.modelscout.selector.synthesis.FakeSynthesizers.Synthesizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal generate end to end with small fake synthesizers. */
final class SynthesisRunTest {
    @TempDir
    Path dir;

    private static final Set<ModelPlugin> PLUGINS = Set.of(
            new Synthesizer("test.marginals", Kind.MARGINALS, Capability.BASELINE),
            new Synthesizer("test.copier", Kind.COPIER),
            new Synthesizer("test.jitter", Kind.JITTER),
            new Synthesizer("test.failing", Kind.FAILING),
            new Synthesizer("test.nan", Kind.NAN),
            new FakeSynthesizers.Centroid());

    /** x and y correlated, a class that follows them, a colour that follows the class, a constant and an empty column. */
    private Path data(int rows) throws Exception {
        var random = new Random(7);
        var csv = new StringBuilder("x,y,colour,k,empty,class\n");
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            double y = x + 0.4 * random.nextGaussian();
            String cls = x + y > 0.8 ? "bad" : "good";
            String colour = cls.equals("bad") ? (random.nextDouble() < 0.8 ? "red" : "blue")
                    : (random.nextDouble() < 0.8 ? "blue" : "green");
            String xs = i % 17 == 0 ? "?" : String.format(Locale.ROOT, "%.3f", x);
            csv.append(xs).append(',').append(String.format(Locale.ROOT, "%.3f", y)).append(',').append(colour)
                    .append(",5,?,").append(cls).append('\n');
        }
        Path file = dir.resolve("table.csv");
        Files.writeString(file, csv);
        return file;
    }

    private Path task(String synthesis) throws Exception {
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, """
                name: table
                goal: generate
                data: {path: table.csv}
                evaluation: {seed: 3, time_limit: 60s}
                synthesis:
                  folds: 2
                  judge: {classify: test.centroid}
                %s
                """.formatted(synthesis.indent(2)));
        return task;
    }

    private SelectionResult run(Path task, int threads, Path out, Optional<Long> rows) throws Exception {
        return new Selector(PLUGINS, List.of()).run(TaskSpecReader.read(task),
                new Selector.Options(threads, Optional.empty(), _ -> { }, Optional.of(out), rows));
    }

    private static CandidateResult candidate(SelectionResult result, String id) {
        return result.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void recommendsASynthesizerThatBeatsMarginalsFlagsTheCopierAndWritesTheSameBytesAtAnyThreadCount()
            throws Exception {
        data(240);
        Path task = task("target: class\nrows: 150");
        SelectionResult one = run(task, 1, dir.resolve("one"), Optional.empty());
        SelectionResult two = run(task, 2, dir.resolve("two"), Optional.empty());

        var jitter = candidate(one, "test.jitter");
        var marginals = candidate(one, "test.marginals");
        var copier = candidate(one, "test.copier");
        assertThat(jitter.status()).isEqualTo(Status.EVALUATED);
        assertThat(jitter.scores().get("pair_trends").mean()).isGreaterThan(marginals.scores().get("pair_trends").mean());
        assertThat(jitter.scores().get("tstr_ratio").mean()).isGreaterThan(marginals.scores().get("tstr_ratio").mean());
        assertThat(copier.scores().get("copy_rate").mean()).isGreaterThan(0.5);
        assertThat(copier.reason()).contains("flagged for memorising");
        assertThat(one.recommendation()).hasValueSatisfying(r -> assertThat(r.candidate()).isEqualTo("test.jitter"));
        assertThat(one.recommendation().orElseThrow().reasons()).anyMatch(r -> r.startsWith("Trade-off:"));
        assertThat(candidate(one, "test.failing").status()).isEqualTo(Status.FAILED);
        assertThat(candidate(one, "test.failing").reason()).contains("always fails");
        assertThat(candidate(one, "test.nan").status()).isEqualTo(Status.FAILED);
        assertThat(candidate(one, "test.nan").reason()).contains("NaN");
        assertThat(candidate(one, "test.centroid").status()).isEqualTo(Status.EXCLUDED);

        var details = (SynthesisDetails) one.details().orElseThrow();
        assertThat(details.flagged()).extracting(SynthesisDetails.Flag::candidate).containsExactly("test.copier");
        assertThat(details.curves()).extracting(SynthesisDetails.Curve::candidate).contains("test.jitter");
        assertThat(details.consoleLines()).anyMatch(l -> l.contains("150 rows") && l.contains("table-synthetic.csv"));

        byte[] first = Files.readAllBytes(dir.resolve("one/table-synthetic.csv"));
        byte[] second = Files.readAllBytes(dir.resolve("two/table-synthetic.csv"));
        assertThat(first).isEqualTo(second);
        List<String> lines = Files.readAllLines(dir.resolve("one/table-synthetic.csv"));
        assertThat(lines).hasSize(151);
        assertThat(lines.getFirst()).isEqualTo("x,y,colour,k,empty,class");
        // the constant and the empty column are carried through; x keeps missing cells; no scores differ by thread
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1)[3].equals("5")
                && l.split(",", -1)[4].isEmpty());
        assertThat(lines.stream().filter(l -> l.startsWith(",")).count()).isBetween(3L, 20L);
        assertThat(jitter.scores()).isEqualTo(candidate(two, "test.jitter").scores());
    }

    @Test
    void aConditionWritesRowsOfOneLevelOnlyAndArffKeepsTheDeclarations() throws Exception {
        data(200);
        Path task = task("target: class\ncondition: {class: bad}\nformat: arff");
        SelectionResult result = run(task, 2, dir.resolve("out"), Optional.of(40L));

        List<String> lines = Files.readAllLines(dir.resolve("out/table-synthetic.arff"));
        assertThat(lines).contains("@attribute colour {blue,green,red}", "@attribute x numeric");
        int data = lines.indexOf("@data");
        assertThat(lines.subList(data + 1, lines.size())).hasSize(40).allMatch(l -> l.endsWith(",bad"));
        assertThat(result.task().metrics()).contains("tstr_ratio");
    }

    @Test
    void badRowCountsConditionsAndTooFewRowsAreTheTasksErrors() throws Exception {
        data(200);
        assertThatThrownBy(() -> run(task(""), 1, dir.resolve("o"), Optional.of(0L)))
                .isInstanceOf(SpecException.class).hasMessageContaining("--rows").hasMessageContaining("got 0");
        assertThatThrownBy(() -> run(task(""), 1, dir.resolve("o"), Optional.of(20_000_000L)))
                .isInstanceOf(SpecException.class).hasMessageContaining("10000000");
        assertThatThrownBy(() -> run(task("condition: {class: ugly}"), 1, dir.resolve("o"), Optional.empty()))
                .isInstanceOf(SpecException.class).hasMessageContaining("no level 'ugly'")
                .hasMessageContaining("bad, good");
        assertThatThrownBy(() -> run(task("condition: {shade: red}"), 1, dir.resolve("o"), Optional.empty()))
                .isInstanceOf(SpecException.class).hasMessageContaining("no column 'shade'");
        assertThatThrownBy(() -> run(task("target: nothing"), 1, dir.resolve("o"), Optional.empty()))
                .isInstanceOf(SpecException.class).hasMessageContaining("synthesis.target");
        data(30);
        assertThatThrownBy(() -> run(task(""), 1, dir.resolve("o"), Optional.empty()))
                .isInstanceOf(SpecException.class).hasMessageContaining("the data has 30 rows")
                .hasMessageContaining("at least 40");
    }

    @Test
    void theTaskKeysAreReadStrictly() throws Exception {
        data(100);
        assertThatThrownBy(() -> TaskSpecReader.read(task("priority: beauty")))
                .isInstanceOf(SpecException.class).hasMessageContaining("synthesis.priority")
                .hasMessageContaining("fidelity, utility, privacy");
        assertThatThrownBy(() -> TaskSpecReader.read(task("rows: 0")))
                .isInstanceOf(SpecException.class).hasMessageContaining("synthesis.rows");
        assertThatThrownBy(() -> TaskSpecReader.read(task("colour: red")))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown key 'colour'");
    }

    @Test
    void onFewRowsTheNeuralSynthesizersAreAvoidedAndGetTheTimeBudget() throws Exception {
        data(120);
        var plugins = Set.<ModelPlugin>of(new Synthesizer("test.marginals", Kind.MARGINALS, Capability.BASELINE),
                new Synthesizer("core.ctgan", Kind.JITTER), new FakeSynthesizers.Centroid());
        SelectionResult result = new Selector(plugins, List.of()).run(TaskSpecReader.read(task("time_budget: 90s")),
                new Selector.Options(1, Optional.empty(), _ -> { }, Optional.empty(), Optional.empty()));

        assertThat(result.rules()).filteredOn(r -> r.id().equals("few-rows-simple-synthesizers-first"))
                .singleElement().satisfies(r -> assertThat(r.fired()).isTrue());
        assertThat(candidate(result, "core.ctgan").reason()).contains("avoided by rule few-rows-simple-synthesizers-first",
                "time budget 90 s per fit");
        assertThat(candidate(result, "test.marginals").reason()).doesNotContain("time budget");
        assertThat(result.details().orElseThrow().consoleLines()).anyMatch(l -> l.contains("not written"));
    }
}
