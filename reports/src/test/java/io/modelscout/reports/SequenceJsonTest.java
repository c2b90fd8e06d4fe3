package io.modelscout.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.selector.sequence.SequenceDetails;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SequenceJsonTest {
    private static SequenceDetails details() {
        return new SequenceDetails("next", "wide", "3 sequences", "2-fold cross-validation", Optional.of("t.arff"),
                List.of("A", "C"), List.of("weka.j48"),
                Optional.of(new SequenceDetails.Transitions("core.hmm", "fitted on fold 1",
                        List.of(List.of(0.9, 0.1), List.of(0.25, 0.75)))),
                List.of(new SequenceDetails.Continuation("core.hmm", "s1", -7L, List.of("A"), List.of("C", "C"),
                        List.of("A"))));
    }

    @Test
    void detailsRoundTrip() {
        var written = SequenceJson.write(details());
        assertThat(SequenceJson.read(written, "$.details")).isEqualTo(details());
        var empty = new SequenceDetails("label", "sparse", "d", "e", Optional.empty(), List.of("0", "1"), List.of(),
                Optional.empty(), List.of());
        assertThat(SequenceJson.read(SequenceJson.write(empty), "$.details")).isEqualTo(empty);
    }

    @Test
    void theHeatMapAndContinuationsAreRendered() {
        var base = Fixtures.iris();
        var result = new io.modelscout.selector.result.SelectionResult(base.task(), base.profile(), base.facts(),
                base.rules(), base.candidates(), base.recommendation(), base.provenance(), base.plugins(),
                base.claims(), Optional.of(details()));
        var view = (SequenceSection.View) SequenceSection.view(details(), result);
        assertThat(view.hasHeat()).isTrue();
        assertThat(view.heat().cells()).hasSize(4);
        assertThat(view.heat().cells().getFirst().text()).isEqualTo("0.90");
        assertThat(view.continuations()).singleElement()
                .satisfies(c -> assertThat(c.generated()).isEqualTo("C C"));
        assertThat(view.rows()).isNotEmpty();
    }

    @Test
    void malformedDetailsNameThePath() {
        var written = (tools.jackson.databind.node.ObjectNode) SequenceJson.write(details());
        written.remove("levels");
        assertThatThrownBy(() -> SequenceJson.read(written, "$.details")).hasMessageContaining("$.details.levels");
    }
}
