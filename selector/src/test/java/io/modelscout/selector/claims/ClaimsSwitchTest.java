package io.modelscout.selector.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task switches the claim checks off with {@code evaluation.claims: false}; they are on by default. */
final class ClaimsSwitchTest {
    @TempDir
    Path folder;

    private Path task(String evaluation) throws IOException {
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,a\n2,b\n");
        return Files.writeString(folder.resolve("task.yaml"), """
                name: switch
                goal: classify
                data:
                  path: data.csv
                  target: y
                """ + evaluation);
    }

    @Test
    void claimsAreCheckedUnlessTheTaskSaysNo() throws Exception {
        assertThat(TaskSpecReader.read(task("")).evaluation().claims()).isTrue();
        assertThat(TaskSpecReader.read(task("evaluation:\n  claims: false\n")).evaluation().claims()).isFalse();
        assertThat(TaskSpecReader.read(task("evaluation:\n  claims: true\n")).evaluation().claims()).isTrue();
    }

    @Test
    void aClaimsValueThatIsNotABooleanIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TaskSpecReader.read(task("evaluation:\n  claims: sometimes\n")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("evaluation.claims")
                .hasMessageContaining("true or false");
    }
}
