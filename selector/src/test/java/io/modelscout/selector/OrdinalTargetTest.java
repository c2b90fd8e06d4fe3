package io.modelscout.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.spec.TaskSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target declared ordered: ordinal models join, and the rank error is reported. */
final class OrdinalTargetTest {
    @TempDir
    Path dir;

    /** Cuts the single feature at fixed points: an ordinal model in miniature. */
    private static final class Cutter implements ModelPlugin {
        private final String id;
        private final Set<Capability> capabilities;

        Cutter(String id, Capability... capabilities) {
            this.id = id;
            this.capabilities = capabilities.length == 0 ? EnumSet.noneOf(Capability.class) : EnumSet.of(capabilities[0], capabilities);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public String description() {
            return "cuts x at 1.5 and 2.5";
        }

        @Override
        public Family family() {
            return Family.DISCRIMINATIVE;
        }

        @Override
        public Set<Goal> goals() {
            return EnumSet.of(Goal.CLASSIFY);
        }

        @Override
        public Set<Capability> capabilities() {
            return capabilities;
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.EMPTY;
        }

        @Override
        public FittedModel fit(FitRequest request) {
            int classes = request.classTarget().levels().size();
            return (Classifier) (Table features) -> {
                var x = (NumericColumn) features.column(0);
                int[] labels = new int[features.rowCount()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = Math.min(classes - 1, x.value(i) < 1.5 ? 0 : x.value(i) < 2.5 ? 1 : 2);
                }
                return ClassPrediction.fromLabels(labels, classes);
            };
        }
    }

    private SelectionResult run(String ordered) throws Exception {
        var csv = new StringBuilder("x,grade\n");
        String[] grades = {"low", "medium", "high"};
        for (int i = 0; i < 60; i++) {
            int k = i % 3;
            // one row in ten lands a rank too high
            double x = k + 1 + (i % 10 == 0 && k < 2 ? 1 : 0) + 0.01 * (i % 7);
            csv.append(x).append(',').append(grades[k]).append('\n');
        }
        Files.writeString(dir.resolve("grades.csv"), csv);
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, """
                goal: classify
                data: {path: grades.csv, target: grade%s}
                evaluation: {folds: 3, seed: 1}
                """.formatted(ordered));
        var plugins = Set.<ModelPlugin>of(new Cutter("test.cutter"), new Cutter("test.ordinal", Capability.ORDINAL_TARGET));
        return new Selector(plugins, List.of()).run(TaskSpecReader.read(task), new Selector.Options(1, Optional.empty(), _ -> { }));
    }

    private static CandidateResult candidate(SelectionResult result, String id) {
        return result.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anOrderedTargetBringsInOrdinalModelsAndTheRankError() throws Exception {
        SelectionResult result = run(", ordered: [low, medium, high]");

        assertThat(result.task().metrics()).contains("rank_mae");
        assertThat(candidate(result, "test.ordinal").status()).isEqualTo(Status.EVALUATED);
        CandidateResult cutter = candidate(result, "test.cutter");
        assertThat(cutter.scores()).containsKey("rank_mae");
        // the rows placed one rank too high are off by exactly one: rank error equals the error rate here
        assertThat(cutter.scores().get("rank_mae").mean())
                .isCloseTo(1 - cutter.scores().get("accuracy").mean(), org.assertj.core.data.Offset.offset(1e-12))
                .isPositive();
    }

    @Test
    void anUnorderedTargetHasNeitherOrdinalModelsNorRankError() throws Exception {
        SelectionResult result = run("");

        assertThat(result.task().metrics()).doesNotContain("rank_mae");
        assertThat(candidate(result, "test.ordinal").status()).isEqualTo(Status.EXCLUDED);
        assertThat(candidate(result, "test.cutter").scores()).doesNotContainKey("rank_mae");
    }
}
