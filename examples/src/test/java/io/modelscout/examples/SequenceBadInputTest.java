package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad sequence file exits 2 with one message naming the file and the row, no stack trace. */
final class SequenceBadInputTest {
    private static final String LONG = "sequences: {task: label, shape: long, id: seq, order: pos, label: tag}";
    private static final String WIDE = "sequences: {task: classify, shape: wide, class: cls}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unsorted positions", LONG, "seq,pos,x,tag\na,1,1,H\na,3,2,C\na,2,2,C\nb,1,1,H\n",
                        new String[] {"row 3", "position 2", "comes after position 3"}),
                Arguments.of("a sequence in two runs", LONG, "seq,pos,x,tag\na,1,1,H\nb,1,2,C\na,2,2,C\nc,1,1,H\n",
                        new String[] {"row 3", "sequence 'a' appears again"}),
                Arguments.of("an empty sequence", WIDE, "p1,p2,cls\nA,C,x\n?,?,y\nG,T,x\nT,T,y\n",
                        new String[] {"row 2", "empty sequence"}),
                Arguments.of("a label on some positions only", LONG, "seq,pos,x,tag\na,1,1,H\na,2,2,?\nb,1,1,C\nb,2,1,H\n",
                        new String[] {"row 2", "has no label"}),
                Arguments.of("wide rows of different lengths", WIDE, "p1,p2,p3,cls\nA,C,G,x\nT,T,?,y\nG,G,G,x\nA,A,A,y\n",
                        new String[] {"row 2 has 2 positions, row 1 has 3", "same length"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoNamingTheRow(String name, String section, String data, String[] expected, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("seq.csv"), data);
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: seq.csv}\n" + section + "\nevaluation: {folds: 2}\n");
        Cli.Run run = Cli.run("recommend", task.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.code()).as("exit code of %s", name).isEqualTo(2);
        assertThat(run.err()).as("message of %s", name).contains(expected).contains("seq.csv")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines().count()).as("one line").isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }
    @org.junit.jupiter.api.Test
    void explainPlansASequenceTaskByItsCapabilities(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("seq.csv"), "seq,pos,x,tag\na,1,A,H\na,2,B,C\nb,1,A,H\nb,2,A,C\n");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "goal: model-sequences\ndata: {path: seq.csv}\n" + LONG + "\nevaluation: {folds: 2}\n");
        Cli.Run run = Cli.run("explain", task.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("hidden-markov-first-for-sequences")
                .containsPattern("exclude +core\\.markov-1 .*does not declare LABELS_POSITIONS")
                .containsPattern("include +core\\.hmm-labeler");
    }
}
