package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input of the task file or its data exits 2 with a message naming the field or file, no stack trace. */
final class BadInputTest {
    private static final String DATA = "a,b,y\n1,2,p\n2,3,q\n3,1,p\n4,4,q\n5,2,p\n6,3,q\n7,1,p\n8,2,q\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unknown key", """
                        goal: classify
                        data: {path: d.csv, target: y}
                        evaluation: {folds: 2, fodls: 3}
                        """, new String[] {"fodls", "folds"}),
                Arguments.of("wrong type", """
                        goal: classify
                        data: {path: d.csv, target: y}
                        evaluation: {folds: ten}
                        """, new String[] {"evaluation.folds", "ten"}),
                Arguments.of("out of range", """
                        goal: classify
                        data: {path: d.csv, target: y}
                        evaluation: {folds: 1}
                        """, new String[] {"evaluation.folds", "between 2 and 50", "got 1"}),
                Arguments.of("missing data file", """
                        goal: classify
                        data: {path: missing.csv, target: y}
                        """, new String[] {"data.path", "missing.csv"}),
                Arguments.of("target not a column", """
                        goal: classify
                        data: {path: d.csv, target: label}
                        evaluation: {folds: 2}
                        """, new String[] {"data.target", "label", "a, b, y"}),
                Arguments.of("one class", """
                        goal: classify
                        data: {path: one.csv, target: y}
                        evaluation: {folds: 2}
                        """, new String[] {"data.target", "one class"}),
                Arguments.of("fewer rows than folds", """
                        goal: classify
                        data: {path: d.csv, target: y}
                        evaluation: {folds: 20}
                        """, new String[] {"evaluation.folds", "20", "8"}),
                Arguments.of("unknown goal", """
                        goal: clasify
                        data: {path: d.csv, target: y}
                        """, new String[] {"goal", "clasify", "classify, regress"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithAClearMessage(String name, String yaml, String[] expected, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), DATA);
        Files.writeString(dir.resolve("one.csv"), "a,y\n1,p\n2,p\n3,p\n4,p\n");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, yaml);
        Cli.Run run = Cli.run("recommend", task.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.code()).as("exit code of %s", name).isEqualTo(2);
        assertThat(run.err()).as("message of %s", name).contains(expected).contains("task.yaml")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines().count()).as("one line per problem").isEqualTo(1);
        assertThat(dir.resolve("out")).as("nothing written for a bad task").doesNotExist();
    }
}
