package io.modelscout.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.synthesis.Fidelity;
import io.modelscout.selector.synthesis.SynthesisDetails;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The synthesis details survive result.json and render as the report's synthetic-data section. */
final class SynthesisReportTest {
    private static SelectionResult result() {
        SelectionResult iris = Fixtures.iris();
        var task = new SelectionResult.TaskSummary("credit", "generate", "credit.arff", Optional.of("class"),
                "fidelity", true, List.of("fidelity", "pair_trends", "copy_rate"));
        var scores = Map.of("fidelity", new Score(0.8, 0.01, List.of(0.79, 0.81)),
                "pair_trends", new Score(0.9, 0.02, List.of(0.88, 0.92)),
                "copy_rate", new Score(0.0, 0.0, List.of(0.0, 0.0)));
        var copula = new CandidateResult("core.gaussian-copula", "Gaussian copula", "generative",
                List.of("SAMPLES_NEW_DATA"), Status.EVALUATED, "included", List.of(), Map.of(), scores,
                new Timing(0.2, 3));
        var copier = new CandidateResult("test.copier", "Copier <b>", "generative", List.of("SAMPLES_NEW_DATA"),
                Status.EVALUATED, "flagged", List.of(), Map.of(), scores, new Timing(0.1, 1));
        var comparisons = List.of(
                new Fidelity.Comparison("<script>age", "numeric", List.of("19", "30"), List.of(0.6, 0.4),
                        List.of(0.5, 0.5), 0.9),
                new Fidelity.Comparison("class", "nominal", List.of("good", "bad"), List.of(0.7, 0.3),
                        List.of(0.72, 0.28), 0.98));
        var details = new SynthesisDetails("fidelity", Optional.of("class"), Optional.of("class = bad"),
                "core.marginal-sampler", List.of(new SynthesisDetails.Flag("test.copier", "copy_rate 1.0")),
                List.of(new SynthesisDetails.Judged("detection", "smile.random-forest")), "credit-synthetic.csv",
                "/tmp/out/credit-synthetic.csv", 700, "csv", List.of("<script>age", "class"),
                List.of(List.of(1.0, 0.3), List.of(0.3, 1.0)), List.of(List.of(1.0, 0.25), List.of(0.25, 1.0)),
                comparisons, List.of(new SynthesisDetails.CandidateComparisons("test.copier", comparisons)),
                List.of(new SynthesisDetails.Curve("core.ctgan", "generator loss", List.of(2.0, 1.5, 1.2))),
                List.of(List.of("31", "bad"), List.of("?", "bad")), List.of());
        return new SelectionResult(task, iris.profile(), iris.facts(), iris.rules(), List.of(copula, copier),
                Optional.of(new SelectionResult.Recommendation("core.gaussian-copula", "fidelity", 0.8,
                        List.of("best fidelity"))), iris.provenance(), List.of(), List.of(), Optional.of(details));
    }

    @Test
    void theDetailsRoundTripThroughResultJsonWithoutTheMachinePath() throws Exception {
        SelectionResult original = result();
        String json = JsonReport.toJson(original);
        assertThat(json).doesNotContain("/tmp/out");
        var read = (SynthesisDetails) JsonReport.fromJson(json).details().orElseThrow();
        var written = (SynthesisDetails) original.details().orElseThrow();

        assertThat(read.path()).isEqualTo("credit-synthetic.csv");
        assertThat(read).usingRecursiveComparison().ignoringFields("path").isEqualTo(written);
        assertThat(JsonReport.toJson(JsonReport.fromJson(json))).isEqualTo(json);
    }

    @Test
    void theSectionShowsOverlaysHeatMapsCurvesAndTheMetricsTableEscaped() {
        String html = HtmlReport.render(result());

        assertThat(html).contains("<section id=\"synthesis\">", "Real against synthetic, per column",
                "Associations between columns", "Training curves", "Flagged for memorising",
                "credit-synthetic.csv", "rect class=\"real\"", "rect class=\"synth\"");
        assertThat(html).doesNotContain("<script>age", "Copier <b>").contains("&lt;script&gt;age");
        assertThat(html).contains("0.8000 ± 0.0100");
    }
}
