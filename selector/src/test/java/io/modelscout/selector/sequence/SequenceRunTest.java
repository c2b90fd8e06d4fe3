package io.modelscout.selector.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.SequenceTask;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.rules.Rulebook;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SequenceRunTest {
    @TempDir
    Path dir;

    /** Two classes of symbol sequences of varying length: class x repeats A B, class y stays on C. */
    private Path longData() throws Exception {
        var text = new StringBuilder("seq,pos,sym,cls,tag\n");
        var random = new SplittableRandom(7);
        for (int s = 0; s < 40; s++) {
            boolean x = s % 2 == 0;
            int length = 5 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                String symbol = random.nextInt(10) == 0 ? "D" : x ? (i % 2 == 0 ? "A" : "B") : "C";
                text.append("s").append(s).append(',').append(i).append(',').append(symbol).append(',')
                        .append(x ? "x" : "y").append(',').append(symbol.equals("A") ? "start" : "other").append('\n');
            }
        }
        Path data = dir.resolve("seq.csv");
        Files.writeString(data, text.toString());
        return data;
    }

    private TaskSpec task(String sequences, String evaluation) throws Exception {
        longData();
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: seq.csv}\nsequences: {" + sequences + "}\n"
                + "evaluation: {" + evaluation + "}\n");
        return TaskSpecReader.read(task);
    }

    private static SelectionResult run(TaskSpec spec, int threads) throws Exception {
        var context = new RunContext(spec, FakeSequencePlugins.all(), Rulebook.bundledWith(List.of()), 11, threads,
                _ -> { }, Instant.now(), Optional.empty(), Optional.empty());
        return SequenceRun.run(context);
    }

    private static CandidateResult candidate(SelectionResult result, String id) {
        return result.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void noSequenceIsOnBothSidesOfAFold() throws Exception {
        var spec = task("task: classify, shape: long, id: seq, order: pos, class: cls", "folds: 4, repeats: 2");
        SequenceData data = SequenceReader.read(spec).train();
        var parts = SequenceFolds.crossValidation(data, SequenceTask.CLASSIFY, 4, 2, 3);
        assertThat(parts).hasSize(8);
        for (var part : parts) {
            var trainIds = new HashSet<>(part.train().ids());
            assertThat(part.test().ids()).as("fold %d of repeat %d", part.fold(), part.repeat())
                    .doesNotContainAnyElementsOf(trainIds);
            assertThat(trainIds.size() + part.test().ids().size()).isEqualTo(data.count());
            // every position of a test sequence is on the test side, none on the training side
            int testPositions = part.test().ids().stream()
                    .mapToInt(id -> data.sequences().length(data.ids().indexOf(id))).sum();
            assertThat(part.test().sequences().positions().rowCount()).isEqualTo(testPositions);
            assertThat(part.train().sequences().positions().rowCount() + testPositions)
                    .isEqualTo(data.sequences().positions().rowCount());
        }
        var classes = data.sequences().classes().orElseThrow();
        for (var part : parts) {
            // stratified: each test fold holds both classes
            assertThat(java.util.Arrays.stream(part.test().sequences().classes().orElseThrow().counts()).min().orElseThrow()).isPositive();
        }
        assertThat(classes.levels()).containsExactly("x", "y");
    }

    @Test
    void scoresAreTheSameAtOneAndTwoThreadsAndFailuresAreReported() throws Exception {
        var spec = task("task: next, shape: long, id: seq, order: pos, continuations: 2, prefix_length: 3, "
                + "continuation_length: 4", "folds: 3, seed: 5");
        // the next task needs one symbol column: drop the class and the label
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, Files.readString(task).replace("data: {path: seq.csv}",
                "data: {path: seq.csv, ignore: [cls, tag]}"));
        spec = TaskSpecReader.read(task);
        SelectionResult one = run(spec, 1);
        SelectionResult two = run(spec, 2);
        var bigramOne = candidate(one, "fake.bigram");
        var bigramTwo = candidate(two, "fake.bigram");
        assertThat(bigramOne.status()).isEqualTo(CandidateResult.Status.EVALUATED);
        assertThat(bigramOne.scores().keySet()).contains("perplexity", "log_loss", "top1_accuracy");
        assertThat(bigramOne.scores().get("perplexity").folds()).hasSize(3)
                .isEqualTo(bigramTwo.scores().get("perplexity").folds());
        assertThat(bigramOne.scores().get("perplexity").mean()).isBetween(1.0, 5.0);
        assertThat(candidate(one, "fake.broken").status()).isEqualTo(CandidateResult.Status.FAILED);
        assertThat(candidate(one, "fake.broken").reason()).contains("cannot fit these sequences", "fold 1");
        assertThat(candidate(one, "fake.nan").status()).isEqualTo(CandidateResult.Status.FAILED);
        assertThat(candidate(one, "fake.nan").reason()).contains("invalid probabilities");
        assertThat(candidate(one, "fake.orderless").status()).isEqualTo(CandidateResult.Status.EXCLUDED);
        assertThat(candidate(one, "fake.orderless").reason()).contains("SEQUENTIAL");
        assertThat(one.recommendation().orElseThrow().candidate()).isEqualTo("fake.bigram");

        var details = (SequenceDetails) one.details().orElseThrow();
        var again = (SequenceDetails) two.details().orElseThrow();
        assertThat(details.continuations()).hasSize(2);
        assertThat(details.continuations().getFirst().prefix()).hasSize(3);
        assertThat(details.continuations().getFirst().generated()).hasSize(4);
        assertThat(details.continuations()).isEqualTo(again.continuations());
        assertThat(details.transitions()).isPresent();
        assertThat(details.consoleLines()).anyMatch(l -> l.contains("fake.bigram"));
    }

    @Test
    void labelsPositionsWithTheLabelMetricsAndAConfusionMatrix() throws Exception {
        var spec = task("task: label, shape: long, id: seq, order: pos, label: tag", "folds: 2");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, Files.readString(task).replace("data: {path: seq.csv}",
                "data: {path: seq.csv, ignore: [cls]}"));
        spec = TaskSpecReader.read(task);
        SelectionResult result = run(spec, 2);
        assertThat(result.task().metric()).isEqualTo("position_error_rate");
        var majority = candidate(result, "fake.majority");
        assertThat(majority.status()).isEqualTo(CandidateResult.Status.EVALUATED);
        double rate = majority.scores().get("position_error_rate").mean();
        assertThat(rate).isBetween(0.05, 0.6);
        var diagnostics = majority.diagnostics().orElseThrow();
        assertThat(diagnostics.classes()).containsExactlyInAnyOrder("start", "other");
        int total = diagnostics.confusion().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(SequenceReader.read(spec).train().sequences().positions().rowCount());
        assertThat(candidate(result, "fake.bigram").status()).isEqualTo(CandidateResult.Status.EXCLUDED);
        assertThat(candidate(result, "fake.bigram").reason()).contains("LABELS_POSITIONS");
    }
}
