package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.FitRequest.SequenceFit;
import io.modelscout.api.Goal;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.SequenceModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SmileHmmLabelerTest {

    @Test
    void aLabelThatOnlyEndsSequencesLeavesUsableTransitions() throws Exception {
        // "stop" is never followed by a label: Smile's counts give its transition row no mass at all.
        var symbols = NominalColumn.of("symbol", List.of("x", "y", "z"), new int[] {0, 1, 2, 0, 0, 2, 1, 2});
        var labels = NominalColumn.of("label", List.of("go", "stop"), new int[] {0, 0, 1, 0, 0, 1, 0, 1});
        var data = new Sequences(new Table("t", List.of(symbols)), new int[] {0, 3, 6, 8}, Optional.of(labels),
                Optional.empty());
        var model = (SequenceModel) new HmmLabelerPlugin().fit(new FitRequest(Goal.MODEL_SEQUENCES, data.positions(),
                Optional.empty(), ParameterValues.NONE, 1, Optional.of(new SequenceFit(SequenceTask.LABEL, data))));
        double[][] a = model.transitionMatrix().orElseThrow();
        for (double[] row : a) {
            assertThat(row[0] + row[1]).isCloseTo(1, within(1e-12));
        }
        assertThat(model.label(data.withoutTruth())).containsExactly(0, 0, 1, 0, 0, 1, 0, 1);
    }
}
