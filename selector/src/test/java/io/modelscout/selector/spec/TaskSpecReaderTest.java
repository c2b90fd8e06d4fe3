package io.modelscout.selector.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.modelscout.api.Goal;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.spec.TaskSpec.CandidatesSpec;
import io.modelscout.selector.spec.TaskSpec.DataFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TaskSpecReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException, SpecException {
        Files.writeString(dir.resolve("data.csv"), "id,x,class\n1,2.5,a\n2,3.5,b\n");
    }

    private Path task(String yaml) throws IOException {
        Path file = dir.resolve("task.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<SpecError> errors(String yaml) throws IOException {
        Path file = task(yaml);
        var exception = catchThrowableOfType(SpecException.class, () -> TaskSpecReader.read(file));
        assertThat(exception).as("expected the task to be rejected").isNotNull();
        return exception.errors();
    }

    private SpecError onlyError(String yaml) throws IOException {
        List<SpecError> errors = errors(yaml);
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    @Test
    void readsAFullTask() throws IOException, SpecException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/diabetes.arff"), "@relation d\n");
        Files.createDirectories(dir.resolve("tasks"));
        Path file = dir.resolve("tasks/diabetes-task.yaml");
        Files.writeString(file, """
                name: diabetes
                goal: classify
                data:
                  path: ../data/diabetes.arff
                  format: arff
                  target: class
                  ignore: [id, row]
                  ordered: [low, medium, high]
                facts:
                  missing_values: true
                  explain_decisions: false
                evaluation:
                  metric: balanced_accuracy
                  folds: 5
                  repeats: 3
                  seed: -7
                  time_limit: 5m
                candidates:
                  include: [smile.random-forest]
                  exclude:
                    - weka.smo
                  only: false
                """);

        TaskSpecReader.Located located = TaskSpecReader.readLocated(file);
        TaskSpec spec = located.spec();

        assertThat(spec.name()).isEqualTo("diabetes");
        assertThat(spec.goal()).isEqualTo(Goal.CLASSIFY);
        assertThat(spec.data().path()).isEqualTo(dir.resolve("data/diabetes.arff").toAbsolutePath().normalize());
        assertThat(spec.data().format()).contains(DataFormat.ARFF);
        assertThat(spec.data().target()).contains("class");
        assertThat(spec.data().ignore()).containsExactly("id", "row");
        assertThat(spec.data().ordered()).containsExactly("low", "medium", "high");
        assertThat(spec.facts()).isEqualTo(Map.of("missing_values", true, "explain_decisions", false));
        assertThat(spec.evaluation()).isEqualTo(new TaskSpec.EvaluationSpec("balanced_accuracy", 5, 3, -7, 300));
        assertThat(spec.candidates())
                .isEqualTo(new CandidatesSpec(List.of("smile.random-forest"), List.of("weka.smo"), false));
        assertThat(spec.source()).isEqualTo(file);
        assertThat(located.locations().of("evaluation.folds")).isEqualTo(new Locations.Location(14, 10));
        assertThat(located.locations().of("data.ignore[1]")).isEqualTo(new Locations.Location(7, 16));
        assertThat(located.locations().of("data")).isEqualTo(new Locations.Location(3, 1));
        assertThat(located.locations().of("nothing.here")).isEqualTo(Locations.Location.NONE);
    }

    @Test
    void fillsDefaultsOfAMinimalTask() throws IOException, SpecException {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: cluster
                data:
                  path: data.csv
                """));

        assertThat(spec.name()).isEqualTo("task");
        assertThat(spec.goal()).isEqualTo(Goal.CLUSTER);
        assertThat(spec.data().path()).isEqualTo(dir.resolve("data.csv").toAbsolutePath().normalize());
        assertThat(spec.data().format()).contains(DataFormat.CSV);
        assertThat(spec.data().target()).isEmpty();
        assertThat(spec.data().ignore()).isEmpty();
        assertThat(spec.data().ordered()).isEmpty();
        assertThat(spec.facts()).isEmpty();
        assertThat(spec.evaluation()).isEqualTo(new TaskSpec.EvaluationSpec(
                Metric.defaultFor(Goal.CLUSTER).id(), 10, 1, 42, 600));
        assertThat(spec.candidates()).isEqualTo(CandidatesSpec.NONE);
    }

    @Test
    void defaultsTheMetricByGoal() throws IOException, SpecException {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: regress
                data: {path: data.csv, target: x}
                """));

        assertThat(spec.evaluation().metric()).isEqualTo("rmse");
    }

    @Test
    void acceptsEmptyOptionalSectionsAndNumbersAsColumnNames() throws IOException, SpecException {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: classify
                data:
                  path: data.csv
                  target: 3
                  ordered: [1, 2, 3]
                  ignore:
                facts:
                evaluation:
                candidates:
                """));

        assertThat(spec.data().target()).contains("3");
        assertThat(spec.data().ordered()).containsExactly("1", "2", "3");
        assertThat(spec.data().ignore()).isEmpty();
        assertThat(spec.facts()).isEmpty();
        assertThat(spec.evaluation().folds()).isEqualTo(10);
        assertThat(spec.candidates()).isEqualTo(CandidatesSpec.NONE);
    }

    @Test
    void readsTimeLimitsInSecondsMinutesAndHours() throws IOException, SpecException {
        for (var limit : Map.of("90", 90L, "'45'", 45L, "30s", 30L, "5m", 300L, "1h", 3600L, "24h", 86_400L)
                .entrySet()) {
            TaskSpec spec = TaskSpecReader.read(task("""
                    goal: cluster
                    data: {path: data.csv}
                    evaluation:
                      time_limit: %s
                    """.formatted(limit.getKey())));

            assertThat(spec.evaluation().timeLimitSeconds()).as(limit.getKey()).isEqualTo(limit.getValue());
        }
    }

    @Test
    void takesTheFormatFromTheExtensionInAnyCase() throws IOException, SpecException {
        Files.writeString(dir.resolve("rows.TSV"), "a\tb\n");

        TaskSpec spec = TaskSpecReader.read(task("""
                goal: cluster
                data: {path: rows.TSV}
                """));

        assertThat(spec.data().format()).contains(DataFormat.TSV);
    }

    @Test
    void reportsAnUnknownTopLevelKeyWithTheKnownOnes() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                folds: 3
                """);

        assertThat(error.field()).isEmpty();
        assertThat(error.message())
                .isEqualTo("unknown key 'folds'; known: name, goal, data, facts, evaluation, candidates, reference, "
                        + "anomaly_level, queries, impute, mask_share, top, sequences, synthesis");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(1);
    }

    @Test
    void reportsAnUnknownKeyInASection() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation:
                  fold: 3
                """);

        assertThat(error.format()).isEqualTo(dir.resolve("task.yaml") + ": evaluation: unknown key 'fold'; "
                + "known: metric, folds, repeats, seed, time_limit, tuning, budget, trials, claims (line 4, column 3)");
    }

    @Test
    void reportsAnUnknownFactWithTheKnownFacts() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                facts:
                  missing_data: true
                """);

        assertThat(error.field()).isEqualTo("facts");
        assertThat(error.message()).isEqualTo("unknown key 'missing_data'; known: explain_decisions, groups_known, "
                + "little_data, missing_values, new_categories, outcome_only, sequential, tight_latency");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void reportsAWrongTypeWithWhatWasExpectedAndFound() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation:
                  folds: ten
                """);

        assertThat(error.field()).isEqualTo("evaluation.folds");
        assertThat(error.message()).isEqualTo("expected an integer, found 'ten' (a string)");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(10);
    }

    @Test
    void reportsAFactThatIsNotABoolean() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                facts:
                  missing_values: yes
                """);

        assertThat(error.field()).isEqualTo("facts.missing_values");
        assertThat(error.message()).isEqualTo("expected true or false, found 'yes' (a string)");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void reportsAnIncludeThatIsNotAList() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                candidates:
                  include: smile.random-forest
                """);

        assertThat(error.field()).isEqualTo("candidates.include");
        assertThat(error.message())
                .isEqualTo("expected a list of plugin ids, e.g. [a, b], found 'smile.random-forest' (a string)");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void reportsAListItemThatIsNotAString() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                candidates:
                  include: [smile.knn, [a, b]]
                """);

        assertThat(error.field()).isEqualTo("candidates.include[1]");
        assertThat(error.message()).isEqualTo("expected a plugin id, found a list");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(24);
    }

    @Test
    void reportsASectionThatIsNotAMapping() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation: 10
                """);

        assertThat(error.field()).isEqualTo("evaluation");
        assertThat(error.message())
                .isEqualTo("expected a mapping (keys indented under 'evaluation:'), found 10 (a number)");
        assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void reportsFoldsOutOfRangeWithTheRangeAndThePosition() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation:
                  folds: 1
                """);

        assertThat(error.format())
                .isEqualTo(dir.resolve("task.yaml")
                        + ": evaluation.folds: must be between 2 and 50, got 1 (line 4, column 10)");
    }

    @Test
    void reportsOtherNumbersOutOfRange() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                goal: cluster
                data: {path: data.csv}
                evaluation:
                  repeats: 101
                  seed: 99999999999999999999
                  time_limit: 25h
                """);

        assertThat(errors).extracting(SpecError::field, SpecError::message, SpecError::line).containsExactly(
                tuple("evaluation.repeats", "must be between 1 and 100, got 101", 4),
                tuple("evaluation.seed",
                        "must be between -9223372036854775808 and 9223372036854775807, got 99999999999999999999", 5),
                tuple("evaluation.time_limit", "must be between 1s and 24h, got 25h", 6));
    }

    @Test
    void reportsATimeLimitThatIsNotADuration() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation:
                  time_limit: 5 minutes
                """);

        assertThat(error.field()).isEqualTo("evaluation.time_limit");
        assertThat(error.message()).isEqualTo(
                "expected a number of seconds or a duration such as 30s, 5m or 1h, found '5 minutes' (a string)");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void reportsAZeroTimeLimitAsOutOfRange() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation: {time_limit: 0}
                """);

        assertThat(error.message()).isEqualTo("must be between 1s and 24h, got 0");
    }

    @Test
    void reportsAnUnknownGoalWithTheKnownGoals() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: clasify
                data: {path: data.csv, target: class}
                """);

        assertThat(error.field()).isEqualTo("goal");
        assertThat(error.message()).isEqualTo("unknown goal 'clasify'; known: classify, regress, cluster, "
                + "detect-anomalies, estimate-density, model-sequences, generate");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(7);
    }

    @Test
    void reportsAMetricOfAnotherGoalWithTheMetricsOfThisGoal() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation:
                  metric: rmse
                """);

        assertThat(error.field()).isEqualTo("evaluation.metric");
        assertThat(error.message()).isEqualTo("unknown metric 'rmse' for goal classify; "
                + "known: accuracy, balanced_accuracy, macro_f1, log_loss, roc_auc");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void acceptsRocAucUntilTheDataIsSeen() throws IOException, SpecException {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation: {metric: roc_auc}
                """));

        assertThat(spec.evaluation().metric()).isEqualTo("roc_auc");
    }

    @Test
    void reportsMissingGoalAndData() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                name: nothing
                """);

        assertThat(errors).extracting(SpecError::field).containsExactly("goal", "data");
        assertThat(errors.get(0).message()).isEqualTo("missing; one of: classify, regress, cluster, "
                + "detect-anomalies, estimate-density, model-sequences, generate");
        assertThat(errors.get(1).message()).startsWith("missing; it names the data file (path)");
    }

    @Test
    void reportsAMissingDataPathAtTheDataSection() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data:
                  format: csv
                """);

        assertThat(error.field()).isEqualTo("data.path");
        assertThat(error.message()).isEqualTo("missing; the data file, relative to the task file's folder");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void reportsAMissingTargetForASupervisedGoal() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: regress
                data:
                  path: data.csv
                """);

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).isEqualTo("missing; goal regress needs the name of the target column");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void reportsADataFileThatDoesNotExistWithTheResolvedPath() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data:
                  path: ../elsewhere/nope.csv
                """);

        assertThat(error.field()).isEqualTo("data.path");
        assertThat(error.message())
                .isEqualTo("file not found: " + dir.getParent().resolve("elsewhere/nope.csv").toAbsolutePath());
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(9);
    }

    @Test
    void reportsAnUnknownFormatAndAnExtensionThatDoesNotTellIt() throws IOException, SpecException {
        Files.writeString(dir.resolve("rows.dat"), "a\n");

        SpecError unknown = onlyError("""
                goal: cluster
                data: {path: data.csv, format: xls}
                """);
        SpecError untold = onlyError("""
                goal: cluster
                data: {path: rows.dat}
                """);

        assertThat(unknown.field()).isEqualTo("data.format");
        assertThat(unknown.message()).isEqualTo("unknown format 'xls'; known: arff, csv, tsv");
        assertThat(untold.field()).isEqualTo("data.format");
        assertThat(untold.message())
                .isEqualTo("missing, and the extension of 'rows.dat' does not tell it; "
                        + "give data.format, one of: arff, csv, tsv");
        assertThat(untold.line()).isEqualTo(2);
    }

    @Test
    void reportsAnEmptyFile() throws IOException, SpecException {
        SpecError empty = onlyError("");
        SpecError comments = onlyError("# nothing yet\n\n");

        assertThat(empty.field()).isEmpty();
        assertThat(empty.message()).isEqualTo("the file is empty; a task needs at least goal and data.path");
        assertThat(comments.message()).isEqualTo(empty.message());
    }

    @Test
    void reportsAYamlSyntaxErrorOnOneLineWithItsPosition() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: path: data.csv
                """);

        assertThat(error.field()).isEmpty();
        assertThat(error.message()).isEqualTo("YAML syntax error: mapping values are not allowed here");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(11);
    }

    @Test
    void reportsAnUnclosedListWithWhereItStarted() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data:
                  path: data.csv
                  ignore: [a, b
                """);

        assertThat(error.message()).doesNotContain("\n").startsWith("YAML syntax error: expected ',' or ']'")
                .contains("line 4, column 11");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void reportsATopLevelThatIsNotAMapping() throws IOException, SpecException {
        SpecError error = onlyError("""
                - goal: cluster
                - data: {path: data.csv}
                """);

        assertThat(error.field()).isEmpty();
        assertThat(error.message()).isEqualTo("the top level must be a mapping of keys "
                + "(name, goal, data, facts, evaluation, candidates, reference, anomaly_level, queries, impute, "
                + "mask_share, top, sequences, synthesis), found a list");
        assertThat(error.line()).isEqualTo(1);
    }

    @Test
    void reportsASecondDocument() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                ---
                goal: regress
                """);

        assertThat(error.message()).contains("one YAML document");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void reportsAKeyGivenTwice() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: cluster
                data: {path: data.csv}
                evaluation:
                  folds: 5
                  folds: 6
                """);

        assertThat(error.field()).isEqualTo("evaluation.folds");
        assertThat(error.message()).isEqualTo("given twice; first at line 4");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void reportsAnAlias() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: &g cluster
                data: {path: data.csv, target: *g}
                """);

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).isEqualTo("YAML aliases (*g) are not supported; write the value out");
    }

    @Test
    void reportsAMissingTaskFile() {
        Path file = dir.resolve("absent.yaml");

        var exception = catchThrowableOfType(SpecException.class, () -> TaskSpecReader.read(file));

        assertThat(exception.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(file.toString());
            assertThat(error.message()).isEqualTo("file not found: " + file.toAbsolutePath());
        });
    }

    @Test
    void reportsOrderedLevelsOutsideClassificationAndRepeated() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                goal: regress
                data:
                  path: data.csv
                  target: x
                  ordered: [low, low, high]
                """);

        assertThat(errors).extracting(SpecError::field, SpecError::message, SpecError::column).containsExactly(
                tuple("data.ordered",
                        "only for goal classify (an ordinal target); the goal is regress", 12),
                tuple("data.ordered",
                        "level 'low' appears twice; list each level once, lowest first", 18));
    }

    @Test
    void reportsTheTargetAmongTheIgnoredColumns() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: classify
                data:
                  path: data.csv
                  target: class
                  ignore: [id, class]
                """);

        assertThat(error.field()).isEqualTo("data.ignore");
        assertThat(error.message()).isEqualTo("'class' is the target column; it cannot also be ignored");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isEqualTo(16);
    }

    @Test
    void reportsContradictoryCandidates() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                goal: cluster
                data: {path: data.csv}
                candidates:
                  include: [smile.k-means, weka.em]
                  exclude: [weka.em]
                """);
        SpecError onlyWithoutInclude = onlyError("""
                goal: cluster
                data: {path: data.csv}
                candidates: {only: true}
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("candidates.exclude");
            assertThat(error.message()).isEqualTo("'weka.em' is also in candidates.include; keep it in one of them");
            assertThat(error.line()).isEqualTo(5);
        });
        assertThat(onlyWithoutInclude.field()).isEqualTo("candidates.only");
        assertThat(onlyWithoutInclude.message()).isEqualTo("true needs at least one plugin id in candidates.include");
    }

    @Test
    void reportsAllErrorsOfAFileInFileOrder() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                goal: classify
                evaluation:
                  folds: 100
                  metric: rmse
                data:
                  path: data.csv
                  target: class
                  colour: blue
                """);

        assertThat(errors).extracting(SpecError::field, SpecError::line).containsExactly(
                tuple("evaluation.folds", 3),
                tuple("evaluation.metric", 4),
                tuple("data", 8));
        assertThat(errors).allSatisfy(error -> assertThat(error.file()).isEqualTo(dir.resolve("task.yaml").toString()));
    }

    @Test
    void putsErrorsWithoutAPositionLast() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                data:
                  path: missing.csv
                name: ''
                """);

        assertThat(errors).extracting(SpecError::field).containsExactly("data.path", "name", "goal");
        assertThat(errors.get(1).message()).isEqualTo("must not be empty; expected a name");
    }

    @Test
    void keepsTheTaskFileAsGivenInErrors() throws IOException, SpecException {
        task("goal: nothing\ndata: {path: data.csv}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("task.yaml"));

        var exception = catchThrowableOfType(SpecException.class, () -> TaskSpecReader.read(relative));

        assertThat(exception.errors()).singleElement()
                .satisfies(error -> assertThat(error.file()).isEqualTo(relative.toString()));
        assertThat(exception.getMessage()).startsWith(relative + ": goal: unknown goal 'nothing'");
    }

    @Test
    void refusesATargetForUnsupervisedGoals() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: detect-anomalies
                data: {path: data.csv, target: class}
                """);

        assertThat(error.field()).isEqualTo("data.target");
        assertThat(error.message()).contains("takes no target", "reference", "classify");
    }

    @Test
    void readsTuningWithItsBudgetAndTrials() throws IOException, SpecException {
        TaskSpec spec = TaskSpecReader.read(task("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation:
                  tuning: halving
                  budget: 2m
                  trials: 9
                """));

        assertThat(spec.evaluation().tuning()).isEqualTo(TaskSpec.Tuning.HALVING);
        assertThat(spec.evaluation().budgetSeconds()).isEqualTo(120);
        assertThat(spec.evaluation().trials()).isEqualTo(9);
    }

    @Test
    void defaultsTheBudgetAndTrialsOfATunedTaskAndLeavesAnUntunedTaskUntuned() throws IOException, SpecException {
        TaskSpec random = TaskSpecReader.read(task("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation: {tuning: random}
                """));
        TaskSpec plain = TaskSpecReader.read(task("""
                goal: classify
                data: {path: data.csv, target: class}
                """));

        assertThat(random.evaluation().budgetSeconds()).isEqualTo(300);
        assertThat(random.evaluation().trials()).isEqualTo(20);
        assertThat(plain.evaluation().tuning()).isEqualTo(TaskSpec.Tuning.NONE);
        assertThat(plain.evaluation().trials()).isZero();
    }

    @Test
    void reportsEveryTuningMistakeAtOnce() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation:
                  tuning: grid
                  budget: 25h
                  trials: 0
                """);

        assertThat(errors).extracting(SpecError::field, SpecError::message, SpecError::line).containsExactly(
                tuple("evaluation.tuning", "unknown tuning 'grid'; known: none, random, halving", 4),
                tuple("evaluation.budget", "must be between 1s and 24h, got 25h", 5),
                tuple("evaluation.trials", "must be between 1 and 1000, got 0", 6));
    }

    @Test
    void reportsABudgetThatIsNotADuration() throws IOException, SpecException {
        SpecError error = onlyError("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation: {tuning: random, budget: [5m]}
                """);

        assertThat(error.field()).isEqualTo("evaluation.budget");
        assertThat(error.message()).isEqualTo(
                "expected a number of seconds or a duration such as 30s, 5m or 1h, found a list");
    }

    @Test
    void reportsABudgetOrTrialsWithoutTuning() throws IOException, SpecException {
        List<SpecError> errors = errors("""
                goal: classify
                data: {path: data.csv, target: class}
                evaluation:
                  budget: 5m
                  trials: 10
                """);

        assertThat(errors).extracting(SpecError::field, SpecError::message).containsExactly(
                tuple("evaluation.budget", "only used when evaluation.tuning is random or halving; the tuning is none"),
                tuple("evaluation.trials", "only used when evaluation.tuning is random or halving; the tuning is none"));
    }
}
