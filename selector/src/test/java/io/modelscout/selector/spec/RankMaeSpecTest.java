package io.modelscout.selector.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RankMaeSpecTest {
    @TempDir
    Path dir;

    private Path task(String yaml) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "x,grade\n1,low\n2,high\n");
        Path file = dir.resolve("task.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void acceptsRankMaeForATargetDeclaredOrdered() throws IOException, SpecException {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: classify
                data: {path: data.csv, target: grade, ordered: [low, high]}
                evaluation: {metric: rank_mae}
                """));

        assertThat(spec.evaluation().metric()).isEqualTo("rank_mae");
    }

    @Test
    void refusesRankMaeWithoutAnOrderNamingWhatToAdd() throws IOException {
        Path file = task("""
                goal: classify
                data: {path: data.csv, target: grade}
                evaluation:
                  metric: rank_mae
                """);
        var exception = catchThrowableOfType(SpecException.class, () -> TaskSpecReader.read(file));

        assertThat(exception).isNotNull();
        assertThat(exception.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("evaluation.metric");
            assertThat(error.message()).contains("rank_mae", "data.ordered");
            assertThat(error.line()).isEqualTo(4);
        });
    }

    @Test
    void refusesRankMaeForRegression() throws IOException {
        Path file = task("""
                goal: regress
                data: {path: data.csv, target: x}
                evaluation: {metric: rank_mae}
                """);
        var exception = catchThrowableOfType(SpecException.class, () -> TaskSpecReader.read(file));

        assertThat(exception).isNotNull();
        assertThat(exception.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("unknown metric 'rank_mae' for goal regress"));
    }
}
