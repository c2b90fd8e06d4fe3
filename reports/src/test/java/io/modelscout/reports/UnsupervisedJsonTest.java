package io.modelscout.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.unsupervised.AnomalyDetails;
import io.modelscout.selector.unsupervised.ClusterDetails;
import io.modelscout.selector.unsupervised.DensityDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class UnsupervisedJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode details(SelectionResult result) {
        return MAPPER.readTree(JsonReport.toJson(result)).get("details");
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    /** Written, read back equal, and written again to the same text. */
    private void roundTrips(SelectionResult original) throws IOException {
        Path file = dir.resolve(original.task().goal() + "/result.json");
        JsonReport.write(original, file);

        SelectionResult read = JsonReport.read(file);

        assertThat(read.details()).isPresent();
        assertThat(read.details().get()).isEqualTo(original.details().orElseThrow());
        assertThat(read).isEqualTo(original);
        assertThat(JsonReport.toJson(read)).isEqualTo(Files.readString(file));
    }

    @Test
    void clusterDetailsRoundTrip() throws IOException {
        roundTrips(UnsupervisedFixtures.clusters());
        roundTrips(UnsupervisedFixtures.clusters(null, "setosa"));
        roundTrips(UnsupervisedFixtures.hostileClusters());
    }

    @Test
    void anomalyDetailsRoundTrip() throws IOException {
        roundTrips(UnsupervisedFixtures.anomalies());
        roundTrips(UnsupervisedFixtures.anomaliesWithoutReference());
    }

    @Test
    void densityDetailsRoundTrip() throws IOException {
        roundTrips(UnsupervisedFixtures.density());
        roundTrips(UnsupervisedFixtures.density("Murder > 10", false));
    }

    @Test
    void emptyDetailsRoundTrip() throws IOException {
        SelectionResult base = UnsupervisedFixtures.clusters();
        var empty = new ClusterDetails("", 0, Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of());
        roundTrips(new SelectionResult(base.task(), base.profile(), base.facts(), base.rules(), base.candidates(),
                Optional.empty(), base.provenance(), base.plugins(), base.claims(), Optional.of(empty)));
    }

    @Test
    void writesTheClusterShape() {
        JsonNode d = details(UnsupervisedFixtures.clusters());

        assertThat(names(d)).containsExactly("goal", "recommended", "clusterCount", "projection", "sizes",
                "countChoices", "reference", "confusion", "notes");
        assertThat(d.get("goal").asString()).isEqualTo("cluster");
        assertThat(d.get("clusterCount").asInt()).isEqualTo(3);
        assertThat(names(d.at("/projection/points"))).containsExactly("row", "x", "y", "cluster", "group");
        assertThat(d.at("/projection/points/x").size()).isEqualTo(UnsupervisedFixtures.POINTS);
        assertThat(d.at("/projection/points/group/0").asString()).isEqualTo("setosa");
        assertThat(d.at("/countChoices/0/values/5").isNull()).as("a NaN criterion is null").isTrue();
        assertThat(d.at("/confusion/counts/0/0").asInt()).isEqualTo(50);
        assertThat(details(UnsupervisedFixtures.clusters(null, "setosa")).get("reference").isNull()).isTrue();
        assertThat(details(UnsupervisedFixtures.clusters(null, "setosa")).at("/projection/points/group/0").isNull())
                .isTrue();
    }

    @Test
    void writesTheAnomalyAndDensityShapes() {
        JsonNode a = details(UnsupervisedFixtures.anomalies());
        assertThat(names(a)).containsExactly("goal", "recommended", "reference", "anomalyLevel", "knownAnomalies",
                "basis", "ensembleMembers", "distributions", "knownAnomaly", "columns", "top", "roc",
                "precisionRecall", "notes");
        assertThat(a.get("knownAnomalies").asInt()).isEqualTo(UnsupervisedFixtures.ANOMALIES);
        assertThat(a.at("/top/0/known").booleanValue()).isTrue();
        assertThat(a.at("/roc/0/area").asDouble()).isEqualTo(0.97);
        JsonNode none = details(UnsupervisedFixtures.anomaliesWithoutReference());
        assertThat(none.get("reference").isNull()).isTrue();
        assertThat(none.get("knownAnomalies").isNull()).isTrue();
        assertThat(none.at("/top/0/known").isNull()).isTrue();
        assertThat(none.get("roc").isEmpty()).isTrue();

        JsonNode d = details(UnsupervisedFixtures.density());
        assertThat(names(d)).containsExactly("goal", "recommended", "columns", "likelihoods", "queries",
                "imputation", "notes");
        assertThat(d.at("/likelihoods/4/mean").isNull()).isTrue();
        assertThat(d.at("/queries/0/estimates/0/samples").asInt()).isEqualTo(20_000);
        assertThat(d.at("/imputation/methods/2/nrmse").isNull()).as("an absent error").isTrue();
        assertThat(d.at("/imputation/completedTable").asString()).isEqualTo("/tmp/out/completed.csv");
        assertThat(details(UnsupervisedFixtures.density("x > 1", false)).get("imputation").isNull()).isTrue();
    }

    @Test
    void anEmptyOptionalErrorStaysEmpty() throws IOException {
        SelectionResult read = JsonReport.fromJson(JsonReport.toJson(UnsupervisedFixtures.density()));

        var methods = ((DensityDetails) read.details().orElseThrow()).imputation().orElseThrow().methods();
        assertThat(methods.get(2).nrmse()).isEqualTo(OptionalDouble.empty());
        assertThat(methods.get(0).nrmse()).isEqualTo(OptionalDouble.of(0.61));
    }

    @Test
    void namesTheKeyOfMalformedDetails() {
        String cluster = JsonReport.toJson(UnsupervisedFixtures.clusters());
        assertThatThrownBy(() -> JsonReport.fromJson(cluster.replace("\"clusterCount\" : 3",
                "\"clusterCount\" : \"3\"")))
                .isInstanceOf(IOException.class)
                .hasMessage("$.details.clusterCount: expected an integer, got string \"3\"");
        assertThatThrownBy(() -> JsonReport.fromJson(cluster.replace("\"goal\" : \"cluster\",\n    \"recommended\"",
                "\"goal\" : \"clustering\",\n    \"recommended\"")))
                .isInstanceOf(IOException.class)
                .hasMessage("$.details.goal: unknown goal 'clustering'; known: cluster, detect-anomalies,"
                        + " estimate-density");
        assertThatThrownBy(() -> JsonReport.fromJson(cluster.replace("\"criterion\" : \"BIC\"", "\"criterion\" : 7")))
                .hasMessage("$.details.countChoices[0].criterion: expected a string, got number 7");
        assertThatThrownBy(() -> JsonReport.fromJson(cluster.replace("\"x\" : [ ", "\"x\" : [ 1.5, ")))
                .hasMessage("$.details.projection.points.x: expected " + UnsupervisedFixtures.POINTS
                        + " values, one per row, got " + (UnsupervisedFixtures.POINTS + 1));

        String anomalies = JsonReport.toJson(UnsupervisedFixtures.anomalies());
        assertThatThrownBy(() -> JsonReport.fromJson(anomalies.replace("\"known\" : true", "\"known\" : \"yes\"")))
                .hasMessage("$.details.top[0].known: expected true or false, got string \"yes\"");
        assertThatThrownBy(() -> JsonReport.fromJson(anomalies.replace("\"basis\"", "\"reason\"")))
                .hasMessage("$.details.basis: missing");

        String density = JsonReport.toJson(UnsupervisedFixtures.density());
        assertThatThrownBy(() -> JsonReport.fromJson(density.replace("\"samples\" : 20000", "\"samples\" : 2.5")))
                .hasMessage("$.details.queries[0].estimates[0].samples: expected an integer, got number 2.5");
        assertThatThrownBy(() -> JsonReport.fromJson(density.replace("\"likelihoods\" : [",
                "\"likelihoods\" : 5, \"old\" : [")))
                .hasMessage("$.details.likelihoods: expected an array, got number 5");
    }

    @Test
    void readsTheValuesBackWithTheirTypes() throws IOException {
        var cluster = (ClusterDetails) JsonReport.fromJson(JsonReport.toJson(UnsupervisedFixtures.clusters()))
                .details().orElseThrow();
        assertThat(cluster.projection().orElseThrow().points().get(60).group()).contains("versicolor");
        assertThat(cluster.countChoices().getFirst().values().get(5)).isNaN();

        var anomaly = (AnomalyDetails) JsonReport.fromJson(JsonReport.toJson(
                UnsupervisedFixtures.anomaliesWithoutReference())).details().orElseThrow();
        assertThat(anomaly.reference()).isEmpty();
        assertThat(anomaly.top().get(2).values().get(1)).as("a missing cell").isEmpty();
        assertThat(anomaly.ensembleMembers()).containsExactly("smile.isolation-forest", "core.gaussian");
    }
}
