package io.modelscout.selector.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.modelscout.selector.data.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UnsupervisedSpecTest {
    @TempDir
    Path dir;

    private Path task(String text) throws IOException {
        Files.writeString(dir.resolve("d.csv"), "a,b,kind\n1,2,x\n2,3,y\n3,1,x\n4,4,y\n5,2,x\n6,3,y\n");
        Path file = dir.resolve("task.yaml");
        Files.writeString(file, text);
        return file;
    }

    private SpecException failure(String text) throws IOException {
        Path file = task(text);
        return catchThrowableOfType(SpecException.class, () -> {
            TaskSpec spec = TaskSpecReader.read(file);
            UnsupervisedChecks.check(spec, DatasetReader.read(spec.data().path(), spec.data().format()));
        });
    }

    @Test
    void readsEveryKeyWithItsDefaults() throws Exception {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: estimate-density
                data: {path: d.csv}
                queries: ["a > 2 and kind == x"]
                impute: true
                """));
        var options = (UnsupervisedOptions) spec.options();
        assertThat(options.queries()).extracting(Query::text).containsExactly("a > 2 and kind == x");
        assertThat(options.impute()).isTrue();
        assertThat(options.maskShare()).isEqualTo(0.10);
        assertThat(options.reference()).isEqualTo(Optional.empty());
    }

    @Test
    void aTargetInAClusteringTaskPointsToReferenceOrClassify() throws IOException {
        var e = failure("""
                goal: cluster
                data:
                  path: d.csv
                  target: kind
                """);
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("data.target");
            assertThat(error.message()).contains("takes no target", "'reference'", "classify");
            assertThat(error.line()).isEqualTo(4);
        });
    }

    @Test
    void anUnknownReferenceNamesTheColumnsAndTheLine() throws IOException {
        var e = failure("""
                goal: cluster
                data: {path: d.csv}
                reference: species
                """);
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("reference");
            assertThat(error.message()).contains("no column 'species'", "a, b, kind");
            assertThat(error.line()).isEqualTo(3);
        });
    }

    @Test
    void queriesThatDoNotParseOrNameUnknownColumnsAreReportedByItem() throws IOException {
        var parse = failure("""
                goal: estimate-density
                data: {path: d.csv}
                queries:
                  - a > 2
                  - a >> 3
                """);
        assertThat(parse.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("queries[1]");
            assertThat(error.message()).contains("does not parse");
            assertThat(error.line()).isEqualTo(5);
        });
        var unknown = failure("""
                goal: estimate-density
                data: {path: d.csv}
                queries: ["c > 2"]
                """);
        assertThat(unknown.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("queries[0]");
            assertThat(error.message()).contains("no column 'c'");
        });
    }

    @Test
    void keysOfAnotherGoalAreRefused() throws IOException {
        var e = failure("""
                goal: cluster
                data: {path: d.csv}
                impute: true
                mask_share: 0.9
                """);
        assertThat(e.errors()).extracting(SpecError::field).containsExactly("impute", "mask_share");
        var classify = failure("""
                goal: classify
                data: {path: d.csv, target: kind}
                reference: kind
                """);
        assertThat(classify.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("only for goal cluster and detect-anomalies"));
    }

    @Test
    void anAnomalyReferenceNeedsTwoValuesOrAnAnomalyLevel() throws IOException {
        var e = failure("""
                goal: detect-anomalies
                data: {path: d.csv}
                reference: a
                """);
        assertThat(e.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("two values", "anomaly_level"));
        var level = failure("""
                goal: detect-anomalies
                data: {path: d.csv}
                reference: kind
                anomaly_level: z
                """);
        assertThat(level.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("anomaly_level");
            assertThat(error.message()).contains("'z' is not a value", "x, y");
        });
    }
}
