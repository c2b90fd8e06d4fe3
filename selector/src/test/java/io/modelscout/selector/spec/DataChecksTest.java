package io.modelscout.selector.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.modelscout.api.Goal;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.Locations.Location;
import io.modelscout.selector.spec.TaskSpec.CandidatesSpec;
import io.modelscout.selector.spec.TaskSpec.DataSpec;
import io.modelscout.selector.spec.TaskSpec.EvaluationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DataChecksTest {
    private static final Path TASK = Path.of("tasks/task.yaml");
    private static final int M = CategoricalColumn.MISSING;

    /** Positions as a reader would have kept them; lines grow in the order fields appear in a task file. */
    private static final Locations LOCATIONS = new Locations(Map.of(
            "data.target", new Location(5, 11),
            "data.ignore[0]", new Location(6, 12),
            "data.ignore[1]", new Location(6, 16),
            "data.ordered", new Location(7, 12),
            "evaluation.metric", new Location(9, 11),
            "evaluation.folds", new Location(10, 10)));

    private static TaskSpec spec(Goal goal, String target, List<String> ignore, List<String> ordered, String metric,
                                 int folds) {
        return new TaskSpec("t", goal, new DataSpec(Path.of("data.csv"), Optional.empty(), Optional.ofNullable(target),
                ignore, ordered), Map.of(), new EvaluationSpec(metric, folds, 1, 42, 600), CandidatesSpec.NONE, TASK);
    }

    private static TaskSpec classify(String target, int folds) {
        return spec(Goal.CLASSIFY, target, List.of(), List.of(), "accuracy", folds);
    }

    private static Table table(Column... columns) {
        return new Table("t", List.of(columns));
    }

    private static NumericColumn numeric(String name, double... values) {
        return NumericColumn.of(name, values);
    }

    private static NominalColumn nominal(String name, List<String> levels, int... codes) {
        return NominalColumn.of(name, levels, codes);
    }

    private static List<SpecError> errors(TaskSpec spec, Table table) {
        var exception = catchThrowableOfType(SpecException.class, () -> DataChecks.check(spec, table, LOCATIONS));
        assertThat(exception).as("expected the data to be rejected").isNotNull();
        return exception.errors();
    }

    private static SpecError onlyError(TaskSpec spec, Table table) {
        List<SpecError> errors = errors(spec, table);
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    /** Two classes, {@code rows} rows, alternating. */
    private static NominalColumn twoClasses(int rows) {
        return nominal("class", List.of("no", "yes"), IntStream.range(0, rows).map(i -> i % 2).toArray());
    }

    private static NumericColumn feature(int rows) {
        return numeric("x", IntStream.range(0, rows).asDoubleStream().toArray());
    }

    @Test
    void acceptsAMatchingTask() {
        TaskSpec spec = spec(Goal.CLASSIFY, "class", List.of("x"), List.of(), "roc_auc", 4);

        assertThatCode(() -> DataChecks.check(spec, table(feature(4), twoClasses(4)), LOCATIONS))
                .doesNotThrowAnyException();
    }

    @Test
    void reportsATargetThatIsNoColumnListingTheColumns() {
        SpecError error = onlyError(classify("label", 2), table(feature(4), twoClasses(4)));

        assertThat(error.file()).isEqualTo(TASK.toString());
        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).isEqualTo("no column 'label'; columns: x, class");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isEqualTo(11);
    }

    @Test
    void reportsIgnoredColumnsThatDoNotExist() {
        TaskSpec spec = spec(Goal.CLUSTER, null, List.of("x", "id"), List.of(), "accuracy", 2);

        SpecError error = onlyError(spec, table(feature(4), twoClasses(4)));

        assertThat(error.field()).isEqualTo("data.ignore");
        assertThat(error.message()).isEqualTo("no column 'id'; columns: x, class");
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.column()).isEqualTo(16);
    }

    @Test
    void reportsANumericTargetWithTooManyValuesToClassify() {
        SpecError error = onlyError(classify("x", 2), table(feature(60), twoClasses(60)));

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).isEqualTo("'x' is numeric with 60 distinct values; a numeric target with more "
                + "than 50 distinct values cannot be classified: use goal regress");
    }

    @Test
    void acceptsANumericTargetWithFewValuesForClassification() {
        Table table = table(numeric("grade", 1, 2, 3, 1, 2, 3, Double.NaN), feature(7));
        TaskSpec spec = spec(Goal.CLASSIFY, "grade", List.of(), List.of("1.0", "2", "3"), "accuracy", 5);

        assertThatCode(() -> DataChecks.check(spec, table, LOCATIONS)).doesNotThrowAnyException();
    }

    @Test
    void reportsANominalTargetForRegression() {
        TaskSpec spec = spec(Goal.REGRESS, "class", List.of(), List.of(), "rmse", 2);

        SpecError error = onlyError(spec, table(feature(4), twoClasses(4)));

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).isEqualTo("'class' is nominal (levels: no, yes); goal regress needs a numeric "
                + "target: use goal classify");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void reportsATargetWithOnlyOneClassPresent() {
        Table table = table(feature(4), nominal("class", List.of("x", "y"), 0, 0, M, 0));

        SpecError error = onlyError(classify("class", 2), table);

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message())
                .isEqualTo("'class' has only one class present ('x'); classification needs at least two");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void reportsATargetWithNoValues() {
        Table table = table(feature(2), nominal("class", List.of("x", "y"), M, M));

        SpecError error = onlyError(classify("class", 2), table);

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).isEqualTo("'class' has no values: the target is missing in every row");
    }

    @Test
    void reportsAnEmptyTableOnlyByItsRowCount() {
        Table table = table(numeric("x"), nominal("class", List.of("a", "b")));

        SpecError error = onlyError(classify("class", 2), table);

        assertThat(error.message()).isEqualTo("2 folds need at least 2 rows, the data has 0");
    }

    @Test
    void reportsFewerRowsThanFolds() {
        SpecError error = onlyError(classify("class", 10), table(feature(7), twoClasses(7)));

        assertThat(error.format()).isEqualTo("tasks/task.yaml: evaluation.folds: "
                + "10 folds need at least 10 rows, the data has 7 (line 10, column 10)");
    }

    @Test
    void leavesRowsWithAMissingTargetOutOfTheRowCountWithoutAnError() {
        Table table = table(feature(6), nominal("class", List.of("a", "b"), 0, 1, M, 0, M, 1));

        assertThatCode(() -> DataChecks.check(classify("class", 4), table, LOCATIONS)).doesNotThrowAnyException();
        SpecError error = onlyError(classify("class", 5), table);
        assertThat(error.message()).isEqualTo(
                "5 folds need at least 5 rows, the data has 4 with a target value (2 rows without one are dropped)");
    }

    @Test
    void reportsOrderedLevelsThatDifferFromTheTargetsLevels() {
        Table table = table(feature(4), nominal("grade", List.of("low", "mid", "high"), 0, 1, 2, 0));
        TaskSpec spec = spec(Goal.CLASSIFY, "grade", List.of(), List.of("low", "medium", "high"), "accuracy", 2);

        SpecError error = onlyError(spec, table);

        assertThat(error.field()).isEqualTo("data.ordered");
        assertThat(error.message()).isEqualTo("must list each level of 'grade' once, lowest first; "
                + "not a level of 'grade': 'medium'; missing: 'mid' (levels in the data: low, mid, high)");
        assertThat(error.line()).isEqualTo(7);
    }

    @Test
    void acceptsOrderedLevelsInAnotherOrderThanDeclaredAndDeclaredButAbsentLevels() {
        Table table = table(feature(4), nominal("grade", List.of("high", "low", "mid", "none"), 0, 1, 2, 0));
        TaskSpec spec = spec(Goal.CLASSIFY, "grade", List.of(), List.of("none", "low", "mid", "high"), "accuracy", 2);

        assertThatCode(() -> DataChecks.check(spec, table, LOCATIONS)).doesNotThrowAnyException();
    }

    @Test
    void reportsRocAucForATargetOfMoreThanTwoClasses() {
        Table table = table(feature(6), nominal("class", List.of("a", "b", "c"), 0, 1, 2, 0, 1, 2));
        TaskSpec spec = spec(Goal.CLASSIFY, "class", List.of(), List.of(), "roc_auc", 2);

        SpecError error = onlyError(spec, table);

        assertThat(error.field()).isEqualTo("evaluation.metric");
        assertThat(error.message()).isEqualTo("roc_auc needs a two-class target; 'class' has 3 classes (a, b, c); "
                + "use one of: accuracy, balanced_accuracy, macro_f1, log_loss");
        assertThat(error.line()).isEqualTo(9);
    }

    @Test
    void reportsEveryProblemTogetherInFileOrder() {
        Table table = table(feature(3), nominal("class", List.of("a", "b", "c"), 0, 1, 2));
        TaskSpec spec = spec(Goal.CLASSIFY, "class", List.of("id"), List.of("a", "b"), "roc_auc", 5);

        List<SpecError> errors = errors(spec, table);

        assertThat(errors).extracting(SpecError::field, SpecError::line).containsExactly(
                tuple("data.ignore", 6),
                tuple("data.ordered", 7),
                tuple("evaluation.metric", 9),
                tuple("evaluation.folds", 10));
    }

    @Test
    void findsLinesInTheTaskFileWhenGivenNoLocations(@TempDir Path dir) throws IOException, SpecException {
        Files.writeString(dir.resolve("data.csv"), "x,class\n");
        Path file = dir.resolve("task.yaml");
        Files.writeString(file, """
                goal: classify
                data:
                  path: data.csv
                  target: label
                """);
        TaskSpec spec = TaskSpecReader.read(file);

        var exception = catchThrowableOfType(SpecException.class,
                () -> DataChecks.check(spec, table(feature(12), twoClasses(12))));

        assertThat(exception.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(file.toString());
            assertThat(error.field()).isEqualTo("data.target");
            assertThat(error.message()).isEqualTo("no column 'label'; columns: x, class");
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.column()).isEqualTo(11);
        });
    }

    @Test
    void usesNoPositionForAFieldThatWasNotWritten() {
        SpecError error = onlyError(classify("class", 10), table(feature(3), twoClasses(3)));
        var noLocations = catchThrowableOfType(SpecException.class,
                () -> DataChecks.check(classify("class", 10), table(feature(3), twoClasses(3)), Locations.NONE));

        assertThat(error.line()).isEqualTo(10);
        assertThat(noLocations.errors()).singleElement().satisfies(e -> assertThat(e.line()).isZero());
    }
}
