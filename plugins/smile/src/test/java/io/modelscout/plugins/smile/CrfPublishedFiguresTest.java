package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.FitRequest.SequenceFit;
import io.modelscout.api.Goal;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.SequenceModel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The CRF plugin with Smile's published options, trained on the official training part and scored on the official
 * test part, makes exactly as many position errors as Smile's own CRF test reports.
 */
final class CrfPublishedFiguresTest {

    static int errors(String name, Map<String, Object> parameters) throws Exception {
        Sequences train = SparseSequenceFiles.read("sparse." + name + ".train");
        Sequences test = SparseSequenceFiles.read("sparse." + name + ".test");
        var plugin = new CrfPlugin();
        var request = new FitRequest(Goal.MODEL_SEQUENCES, train.positions(), Optional.empty(),
                plugin.parameters().resolve(parameters), 1, Optional.of(new SequenceFit(SequenceTask.LABEL, train)));
        var model = (SequenceModel) plugin.fit(request);
        int[] predicted = model.label(test.withoutTruth());
        var truth = test.labels().orElseThrow();
        int errors = 0;
        for (int i = 0; i < predicted.length; i++) {
            errors += predicted[i] == truth.code(i) ? 0 : 1;
        }
        return errors;
    }

    @Test
    void hyphenationMakesSmilesPublished470PositionErrors() throws Exception {
        // Smile's CRFTest.testHyphen: CRF.Options(100, 20, 100, 5, 0.3), forward-backward decoding, 470 of 5836.
        assertThat(errors("hyphen.6", Map.of())).isEqualTo(470);
    }

    @Test
    void proteinStructureMakesSmilesPublished1235PositionErrors() throws Exception {
        // Smile's CRFTest.testProtein: the same options, forward-backward decoding, 1235 of 3520.
        assertThat(errors("protein.11", Map.of())).isEqualTo(1235);
    }
}
