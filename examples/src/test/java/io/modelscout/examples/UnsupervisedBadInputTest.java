package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of the goals cluster, detect-anomalies and estimate-density: exit 2, one message with key and line. */
final class UnsupervisedBadInputTest {
    private static final String DATA = "a,b,kind\n1,2,x\n2,3,y\n3,1,x\n4,4,y\n5,2,x\n6,3,y\n7,1,x\n8,2,y\n"
            + "9,4,x\n10,1,y\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("target in a clustering task", """
                        goal: cluster
                        data:
                          path: d.csv
                          target: kind
                        """, new String[] {"data.target", "line 4", "reference", "classify"}),
                Arguments.of("target in a density task", """
                        goal: estimate-density
                        data: {path: d.csv, target: kind}
                        """, new String[] {"data.target", "line 2", "reference", "classify"}),
                Arguments.of("unknown reference", """
                        goal: cluster
                        data: {path: d.csv}
                        reference: species
                        """, new String[] {"reference", "no column 'species'", "a, b, kind", "line 3"}),
                Arguments.of("query that does not parse", """
                        goal: estimate-density
                        data: {path: d.csv, ignore: [kind]}
                        queries: ["a > 2 and"]
                        """, new String[] {"queries[0]", "does not parse", "line 3"}),
                Arguments.of("query on an unknown column", """
                        goal: estimate-density
                        data: {path: d.csv, ignore: [kind]}
                        queries: ["Murder > 10"]
                        """, new String[] {"queries[0]", "no column 'Murder'", "line 3"}),
                Arguments.of("nominal column only numeric densities would take", """
                        goal: estimate-density
                        data: {path: d.csv}
                        candidates: {include: [smile.gaussian], only: true}
                        evaluation: {folds: 2}
                        """, new String[] {"data.path", "nominal column kind", "smile.gaussian", "data.ignore",
                        "line 2"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithAClearMessage(String name, String yaml, String[] expected, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), DATA);
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, yaml);
        Cli.Run run = Cli.run("recommend", task.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.code()).as("exit code of %s; stderr %s", name, run.err()).isEqualTo(2);
        assertThat(run.err()).as("message of %s", name).contains(expected).contains("task.yaml")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines().count()).as("one line per problem").isEqualTo(1);
        assertThat(dir.resolve("out")).as("nothing written for a bad task").doesNotExist();
    }
}
