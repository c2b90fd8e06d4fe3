package io.modelscout.reports;

import static io.modelscout.reports.HtmlReportTest.elements;
import static io.modelscout.reports.HtmlReportTest.parse;
import static io.modelscout.reports.HtmlReportTest.section;
import static io.modelscout.reports.HtmlReportTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.selector.result.SelectionResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The sections of the goals cluster, detect-anomalies and estimate-density, read back as XML. */
final class UnsupervisedReportTest {

    private static List<Element> children(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        var list = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static List<Element> svgs(Element section) {
        return children(section, "svg");
    }

    private static Element svgLabelled(Element section, String start) {
        return svgs(section).stream().filter(s -> s.getAttribute("aria-label").startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart starting " + start));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void clusterSectionHasTheScatterSizesCriteriaAndValidation() throws Exception {
        Document document = parse(HtmlReport.render(UnsupervisedFixtures.clusters()));
        Element clusters = section(document, "clusters");

        assertThat(texts(document, "h2")).containsSubsequence("Diagnostics", "Clusters",
                "Generative vs discriminative");
        Element scatter = svgLabelled(clusters, "Rows on the first two principal components");
        assertThat(children(scatter, "circle")).as("one circle per point").hasSize(UnsupervisedFixtures.POINTS);
        assertThat(scatter.getAttribute("aria-label")).endsWith(": 150 points in 3 groups.");
        assertThat(children(scatter, "circle")).extracting(c -> c.getAttribute("class"))
                .containsOnly("pt s0", "pt s1", "pt s2");
        assertThat(scatter.getTextContent()).contains("PC1 (72.9 % of variance)");
        Element byGroup = svgLabelled(clusters, "The same rows coloured by the reference column species");
        assertThat(children(byGroup, "circle")).hasSize(UnsupervisedFixtures.POINTS);

        Element sizes = svgLabelled(clusters, "Cluster sizes");
        assertThat(children(sizes, "path")).as("one bar per cluster").hasSize(3);
        assertThat(sizes.getAttribute("aria-label")).contains("#0 50 rows (33.3 %)");

        Element bic = svgLabelled(clusters, "BIC against the number of clusters");
        assertThat(children(bic, "path")).as("one line per candidate choosing by BIC").hasSize(2);
        assertThat(children(bic, "circle")).filteredOn(c -> c.getAttribute("class").startsWith("ring"))
                .as("a ring at each choice").hasSize(2);
        assertThat(bic.getAttribute("aria-label")).contains("Gaussian mixture (smile.gaussian-mixture) 6 points,"
                + " chosen 3");
        assertThat(svgLabelled(clusters, "held-out log-likelihood against the number of clusters")).isNotNull();

        String text = clusters.getTextContent();
        assertThat(text).contains("External validation against species", "hidden from every fit",
                "0.9000 ± 0.0280", "cluster \\ group");
        Element crossTab = children(clusters, "table").stream().filter(t -> t.getAttribute("class")
                .contains("crosstab")).findFirst().orElseThrow();
        assertThat(children(crossTab, "tr")).as("a header and a row per cluster").hasSize(4);
        assertThat(children(children(crossTab, "tbody").getFirst(), "td")).extracting(Element::getTextContent)
                .startsWith("50", "0", "0");
    }

    @Test
    void referenceGroupsTakeTheColourOfTheirCluster() throws Exception {
        SelectionResult base = UnsupervisedFixtures.clusters();
        var d = (io.modelscout.selector.unsupervised.ClusterDetails) base.details().orElseThrow();
        var p = d.projection().orElseThrow();
        // The clusters numbered the other way round: setosa rows are in cluster #2.
        var points = p.points().stream().map(pt -> new io.modelscout.selector.unsupervised.ClusterDetails.Point(
                pt.row(), pt.x(), pt.y(), 2 - pt.cluster(), pt.group())).toList();
        var details = new io.modelscout.selector.unsupervised.ClusterDetails(d.recommended(), d.clusterCount(),
                java.util.Optional.of(new io.modelscout.selector.unsupervised.ClusterDetails.Projection(p.xLabel(),
                        p.yLabel(), p.explained(), points, p.totalRows())), d.sizes(), d.countChoices(),
                d.reference(), java.util.Optional.empty(), d.notes());
        var result = new SelectionResult(base.task(), base.profile(), base.facts(), base.rules(), base.candidates(),
                base.recommendation(), base.provenance(), base.plugins(), base.claims(),
                java.util.Optional.of(details));

        Element clusters = section(parse(HtmlReport.render(result)), "clusters");
        Element byCluster = svgLabelled(clusters, "Rows on the first two principal components");
        Element byGroup = svgLabelled(clusters, "The same rows coloured by the reference column");

        assertThat(children(byCluster, "circle").getFirst().getAttribute("class")).isEqualTo("pt s2");
        assertThat(children(byGroup, "circle")).extracting(c -> c.getAttribute("class"))
                .as("every row in the colour of its cluster but the versicolor rows in virginica's cluster")
                .containsExactlyElementsOf(expectedGroupColours(points));
        assertThat(children(clusters, "li")).extracting(Element::getTextContent)
                .contains("setosa (50)", "versicolor (50)", "virginica (50)");
    }

    private static List<String> expectedGroupColours(List<io.modelscout.selector.unsupervised.ClusterDetails.Point>
                                                             points) {
        return points.stream().map(pt -> switch (pt.group().orElseThrow()) {
            case "setosa" -> "pt s2";
            case "versicolor" -> "pt s1";
            default -> "pt s0";
        }).toList();
    }

    @Test
    void noScoreAgainstSpeedWithoutPredictionTimes() throws Exception {
        SelectionResult base = UnsupervisedFixtures.clusters();
        var candidates = base.candidates().stream().map(c -> new io.modelscout.selector.result.CandidateResult(
                c.id(), c.name(), c.family(), c.capabilities(), c.status(), c.reason(), c.preprocessing(),
                c.parameters(), c.scores(), new io.modelscout.selector.result.CandidateResult.Timing(0.1, 0)))
                .toList();
        var result = new SelectionResult(base.task(), base.profile(), base.facts(), base.rules(), candidates,
                base.recommendation(), base.provenance(), base.plugins(), base.claims(), base.details());

        Element pareto = section(parse(HtmlReport.render(result)), "pareto");

        assertThat(pareto.getTextContent()).contains("No candidate has a score and a prediction time to plot.");
        assertThat(children(pareto, "svg")).isEmpty();
        assertThat(children(section(parse(HtmlReport.render(base)), "pareto"), "svg")).hasSize(1);
    }

    @Test
    void saysWhyThereIsNoScatter() throws Exception {
        SelectionResult base = UnsupervisedFixtures.clusters();
        var d = (io.modelscout.selector.unsupervised.ClusterDetails) base.details().orElseThrow();
        var details = new io.modelscout.selector.unsupervised.ClusterDetails(d.recommended(), d.clusterCount(),
                java.util.Optional.empty(), d.sizes(), d.countChoices(), d.reference(), d.confusion(), d.notes());
        var result = new SelectionResult(base.task(), base.profile(), base.facts(), base.rules(), base.candidates(),
                base.recommendation(), base.provenance(), base.plugins(), base.claims(),
                java.util.Optional.of(details));

        Element clusters = section(parse(HtmlReport.render(result)), "clusters");

        assertThat(clusters.getTextContent()).contains("No scatter: the data has fewer than two numeric columns");
        assertThat(svgs(clusters)).extracting(s -> s.getAttribute("aria-label"))
                .noneMatch(l -> l.startsWith("Rows on the first two")).anyMatch(l -> l.startsWith("Cluster sizes"));
        assertThat(section(parse(HtmlReport.render(base)), "clusters").getTextContent()).doesNotContain("No scatter");
    }

    @Test
    void clusterSectionWithoutReferenceHasNoValidation() throws Exception {
        Element clusters = section(parse(HtmlReport.render(UnsupervisedFixtures.clusters(null, "setosa"))),
                "clusters");

        assertThat(clusters.getTextContent()).doesNotContain("External validation");
        assertThat(svgs(clusters)).noneMatch(s -> s.getAttribute("aria-label").startsWith("The same rows"));
        assertThat(children(clusters, "table")).isEmpty();
    }

    @Test
    void summaryAndDiagnosticsSpeakOfTheGoal() throws Exception {
        Document document = parse(HtmlReport.render(UnsupervisedFixtures.clusters()));

        assertThat(section(document, "summary").getTextContent()).contains("Number of clusters: 3, chosen by BIC"
                + " over 1 to 6 clusters.");
        String diagnostics = section(document, "diagnostics").getTextContent();
        assertThat(diagnostics).contains("no target to predict", "\u201cClusters\u201d")
                .doesNotContain("No evaluated candidate has out-of-fold diagnostics");
        assertThat(section(parse(HtmlReport.render(UnsupervisedFixtures.density())), "diagnostics")
                .getTextContent()).contains("\u201cDensity\u201d");
        assertThat(section(document, "leaderboard").getTextContent()).contains("silhouette", "ari", "nmi",
                "stability");
        List<String> links = elements(document, "a").stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).containsSubsequence("#diagnostics", "#clusters", "#claims");
        assertThat(HtmlReport.render(Fixtures.full())).doesNotContain("goal-line").doesNotContain("#clusters");
    }

    @Test
    void anomalySectionWithReferenceHasCurvesAndTopRows() throws Exception {
        Document document = parse(HtmlReport.render(UnsupervisedFixtures.anomalies()));
        Element anomalies = section(document, "anomalies");

        Element histogram = svgLabelled(anomalies, "Distribution of the out-of-fold anomaly scores");
        assertThat(histogram.getAttribute("aria-label")).contains("200 rows", "10 marked as anomalies by the"
                + " reference", "dashed line at");
        assertThat(children(histogram, "path")).filteredOn(p -> p.getAttribute("class").equals("bar marked"))
                .isNotEmpty();
        List<Element> others = svgs(anomalies).stream().filter(s -> s.getAttribute("aria-label").startsWith(
                "Distribution of the out-of-fold anomaly scores of")).toList();
        assertThat(others).as("the recommended detector's histogram and one small one per other detector").hasSize(3);
        assertThat(others.get(1).getAttribute("aria-label")).contains("core.gaussian", "10 marked as anomalies");
        assertThat(others.get(1).getAttribute("width")).isEqualTo("260");
        Element roc = svgLabelled(anomalies, "ROC curves");
        assertThat(children(roc, "path")).as("one curve per candidate").hasSize(3);
        assertThat(roc.getAttribute("aria-label")).contains("Isolation forest (smile.isolation-forest): AUC 0.9700");
        Element pr = svgLabelled(anomalies, "Precision-recall curves");
        assertThat(children(pr, "path")).hasSize(3);
        assertThat(pr.getAttribute("aria-label")).contains("chance is 5.0 %");

        Element table = children(anomalies, "table").getFirst();
        assertThat(children(children(table, "tbody").getFirst(), "tr")).hasSize(12);
        assertThat(children(table, "th")).extracting(Element::getTextContent).contains("Known anomaly", "radius",
                "texture", "perimeter");
        Element third = children(children(table, "tbody").getFirst(), "tr").get(2);
        assertThat(third.getTextContent()).contains("?");
        assertThat(third.getAttribute("class")).isEqualTo("known");
        assertThat(children(children(table, "tbody").getFirst(), "tr").get(11).getAttribute("class")).isEmpty();
        assertThat(anomalies.getTextContent()).contains("marks 10 rows as anomalies (level M)",
                "10 of them are anomalies by the reference")
                .doesNotContain("No reference column");
    }

    @Test
    void anomalySectionWithoutReferenceSaysSoAndDrawsNoCurves() throws Exception {
        Document document = parse(HtmlReport.render(UnsupervisedFixtures.anomaliesWithoutReference()));
        Element anomalies = section(document, "anomalies");

        assertThat(anomalies.getTextContent()).contains("No reference column of known anomalies was given",
                "the choice rests on agreement between detectors and stability across resamples only",
                "The rank-averaged ensemble combines: Isolation forest (smile.isolation-forest), core.gaussian.");
        assertThat(svgs(anomalies)).extracting(s -> s.getAttribute("aria-label"))
                .noneMatch(l -> l.startsWith("ROC") || l.startsWith("Precision-recall")).hasSize(3);
        assertThat(svgLabelled(anomalies, "Distribution").getAttribute("aria-label")).doesNotContain("marked");
        assertThat(children(anomalies, "th")).extracting(Element::getTextContent).doesNotContain("Known anomaly");
        assertThat(section(document, "summary").getTextContent()).contains("No reference column of known"
                + " anomalies");
    }

    @Test
    void densitySectionComparesLikelihoodsAndQueries() throws Exception {
        Document document = parse(HtmlReport.render(UnsupervisedFixtures.density()));
        Element density = section(document, "density");

        String text = density.getTextContent();
        assertThat(text).contains("All densities are over the same 4 columns (Murder, Assault, UrbanPop, Rape)"
                + " with the same base measure", "compare directly");
        Element likelihoods = children(density, "table").getFirst();
        List<Element> rows = children(children(likelihoods, "tbody").getFirst(), "tr");
        assertThat(rows).as("one row per density, best first, the NaN last").hasSize(5);
        assertThat(rows.getFirst().getTextContent()).contains("Gaussian mixture, full covariance", "-11.20 ± 0.30",
                "best",
                "recommended");
        assertThat(rows.get(1).getTextContent()).contains("smile.gmm-diagonal", "-0.4000");
        assertThat(rows.getLast().getTextContent()).contains("weka.em-density", "n/a");
        assertThat(children(svgLabelled(density, "Held-out log-likelihood"), "circle")).hasSize(4);

        assertThat(texts(document, "h4")).containsExactly("P(Murder > 10 and Assault > 250)");
        assertThat(text).contains("Empirical frequency: 0.1100 (95 % interval 0.0600 to 0.1600) on 50 held-out rows");
        Element query = svgLabelled(density, "Estimates of P(Murder > 10 and Assault > 250)");
        assertThat(children(query, "circle")).hasSize(4);
        assertThat(children(query, "path")).filteredOn(l -> l.getAttribute("class").startsWith("whisker"))
                .hasSize(4);
        assertThat(children(query, "path")).filteredOn(p -> p.getAttribute("class").equals("band")).hasSize(1);
        Element estimates = children(density, "table").get(1);
        List<Element> estimateRows = children(children(estimates, "tbody").getFirst(), "tr");
        assertThat(estimateRows).hasSize(4);
        assertThat(estimateRows.getFirst().getTextContent()).contains("0.1000", "0.0800 to 0.1200", "20000",
                "overlaps");
        assertThat(estimateRows.getLast().getTextContent()).contains("0.1900", "apart");
    }

    @Test
    void imputationSectionPutsTheBestGenerativeImputerBesideMeanMode() throws Exception {
        Document document = parse(HtmlReport.render(UnsupervisedFixtures.density()));
        Element imputation = section(document, "imputation");

        assertThat(imputation.getTextContent()).contains("Every method filled the same 90 (78 numeric, 12 nominal)"
                + " masked cells", "NRMSE", "wrong level", "Best generative imputer: core.kde, NRMSE 0.5500 ± 0.0600"
                + " and nominal error 0.3000 ± 0.0500; beside it, Mean / mode: NRMSE 0.9800 ± 0.0400 and nominal"
                + " error 0.5500 ± 0.0600; k-nearest neighbours: NRMSE 0.7200", "on the same 90 masked cells.",
                "written to /tmp/out/completed.csv");
        List<Element> rows = children(children(imputation, "tbody").getFirst(), "tr");
        assertThat(rows).extracting(r -> r.getElementsByTagName("code").item(0).getTextContent())
                .containsExactly("core.kde", "smile.gmm-full", "baseline.knn", "baseline.mean-mode",
                        "core.independent");
        assertThat(rows.getFirst().getAttribute("class")).isEqualTo("winner");
        assertThat(rows.get(3).getAttribute("class")).isEqualTo(" baseline");
        assertThat(rows.getLast().getTextContent()).contains("failed", "singular covariance");
        Element nrmse = svgLabelled(imputation, "NRMSE of masked numeric cells");
        assertThat(children(nrmse, "path")).as("a bar per measured method").hasSize(4);
        assertThat(section(document, "summary").getTextContent()).contains("Best generative imputer: core.kde");
        assertThat(HtmlReport.render(UnsupervisedFixtures.density("x > 1", false))).doesNotContain("id=\"imputation\"");
    }

    @Test
    void numericCellsOnlyShowNoNominalColumn() throws Exception {
        SelectionResult base = UnsupervisedFixtures.density();
        var d = (io.modelscout.selector.unsupervised.DensityDetails) base.details().orElseThrow();
        var i = d.imputation().orElseThrow();
        var methods = i.methods().stream().map(m -> new io.modelscout.selector.unsupervised.DensityDetails
                .ImputationMethod(m.method(), m.kind(), m.nrmse(), m.nrmseSd(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), m.status(), m.reason())).toList();
        var numericOnly = new io.modelscout.selector.unsupervised.DensityDetails(d.recommended(), d.columns(),
                d.likelihoods(), d.queries(), java.util.Optional.of(new io.modelscout.selector.unsupervised
                .DensityDetails.ImputationDetails(i.maskShare(), 78, 0, methods, i.completedBy(), i.completedTable(),
                i.missingCells())), d.notes());
        var result = new SelectionResult(base.task(), base.profile(), base.facts(), base.rules(), base.candidates(),
                base.recommendation(), base.provenance(), base.plugins(), base.claims(),
                java.util.Optional.of(numericOnly));

        Element imputation = section(parse(HtmlReport.render(result)), "imputation");

        assertThat(children(imputation, "th")).extracting(Element::getTextContent).contains("NRMSE ↓")
                .doesNotContain("Nominal error ↓");
        assertThat(imputation.getTextContent()).contains("the same 78 numeric masked cells")
                .doesNotContain("wrong level");
        assertThat(children(imputation, "svg")).hasSize(1);
    }

    @Test
    void everyChartHasATitleAndEveryFigureACaption() throws Exception {
        for (SelectionResult result : List.of(UnsupervisedFixtures.clusters(), UnsupervisedFixtures.anomalies(),
                UnsupervisedFixtures.density())) {
            Document document = parse(HtmlReport.render(result));
            assertThat(elements(document, "svg")).allSatisfy(svg -> {
                Element title = (Element) svg.getFirstChild();
                assertThat(title.getTagName()).isEqualTo("title");
                assertThat(title.getTextContent()).isNotBlank().isEqualTo(svg.getAttribute("aria-label"));
                assertThat(svg.getAttribute("role")).isEqualTo("img");
            });
            assertThat(elements(document, "figure")).allSatisfy(f -> assertThat(f.getElementsByTagName("figcaption")
                    .getLength()).isOne());
            assertThat(elements(document, "table")).allSatisfy(t -> assertThat(t.getElementsByTagName("th")
                    .getLength()).isPositive());
        }
    }

    @Test
    void escapesEveryStringOfTheDetails() throws Exception {
        for (SelectionResult result : List.of(UnsupervisedFixtures.hostileClusters(),
                UnsupervisedFixtures.hostileAnomalies(), UnsupervisedFixtures.hostileDensity())) {
            String html = HtmlReport.render(result);

            assertThat(html).doesNotContain(Fixtures.SCRIPT);
            assertThat(count(html, "<script")).as("only the report's own sorting script").isOne();
            Document document = parse(html);
            String id = switch (result.task().goal()) {
                case "cluster" -> "clusters";
                case "detect-anomalies" -> "anomalies";
                default -> "density";
            };
            Element goal = section(document, id);
            assertThat(goal.getTextContent()).as(id).contains(Fixtures.SCRIPT);
            assertThat(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;")).as(id).isGreaterThanOrEqualTo(3);
        }
        Element clusters = section(parse(HtmlReport.render(UnsupervisedFixtures.hostileClusters())), "clusters");
        assertThat(children(clusters, "svg")).anySatisfy(s -> assertThat(s.getAttribute("aria-label"))
                .contains(Fixtures.SCRIPT));
        assertThat(children(clusters, "circle")).anySatisfy(c -> assertThat(c.getTextContent())
                .startsWith(Fixtures.SCRIPT + ": ("));
        Element density = section(parse(HtmlReport.render(UnsupervisedFixtures.hostileDensity())), "density");
        assertThat(texts(density.getOwnerDocument(), "h4")).containsExactly("P(" + Fixtures.SCRIPT + ")");
    }

    @Test
    void staysSmallWithManyPointsAndRows() {
        String html = HtmlReport.render(UnsupervisedFixtures.anomalies());
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).isLessThan(150_000);
        assertThat(HtmlReport.render(UnsupervisedFixtures.clusters())).isEqualTo(HtmlReport.render(
                UnsupervisedFixtures.clusters()));
    }

    @Test
    void aLongTailGoesIntoTheLastBin() {
        var scores = new ArrayList<Double>();
        for (int i = 0; i < 300; i++) {
            scores.add(i % 10 / 10.0);
        }
        scores.add(50.0);
        scores.add(80.0);
        scores.add(95.0);

        assertThat(GoalCharts.cut(scores, Double.NaN)).isEqualTo(0.9);
        assertThat(GoalCharts.cut(scores, 2.0)).as("the threshold stays on the axis").isEqualTo(2.0);
        assertThat(GoalCharts.cut(scores.subList(0, 300), Double.NaN)).as("no tail").isEqualTo(0.9);
        Charts.Chart chart = GoalCharts.histogram(scores, List.of(), 10, Double.NaN, "score", "Scores");
        assertThat(chart.alt()).isEqualTo("Scores: 303 rows in 10 bins from 0.0000 to 0.9000, the last bin also"
                + " holding the 3 rows above 0.9000.");
        assertThat(chart.texts()).extracting(Charts.Text::text).contains("+3");
    }

    @Test
    void largeCriteriaAreShownInThousandsAndGroupsUseTenColours() {
        var series = List.of(new GoalCharts.Series("a", List.of(1.0, 2.0, 3.0), List.of(260_000.0, 240_000.0,
                229_500.0)));

        Charts.Chart chart = GoalCharts.lines(series, List.of(3.0), "number of clusters", "BIC", "BIC");

        assertThat(chart.texts()).extracting(Charts.Text::text).contains("BIC, thousands", "240")
                .doesNotContain("240000");
        assertThat(chart.marks()).filteredOn(m -> m.cls().startsWith("ring")).singleElement()
                .satisfies(m -> assertThat(m.label()).isEqualTo("a: chosen number of clusters 3"));
        assertThat(chart.alt()).isEqualTo("BIC: a 3 points, chosen 3.");
        assertThat(List.of(0, 5, 6, 9, 10, -1)).extracting(GoalCharts::groupClass)
                .containsExactly("s0", "s5", "s6", "s9", "s0", "noise");
    }

    @Test
    void thinsALargeScatterAndSaysSo() {
        var xs = new ArrayList<Double>();
        var groups = new ArrayList<Integer>();
        for (int i = 0; i < 2500; i++) {
            xs.add((double) i);
            groups.add(i % 3 == 0 ? -1 : i % 2);
        }
        Charts.Chart chart = GoalCharts.scatter(xs, xs, groups, List.of("a", "b"), "x", "y", "Points");

        assertThat(chart.marks()).hasSize(834);
        assertThat(chart.alt()).isEqualTo("Points: 834 of 2500 points (every 3rd) in 2 groups.");
        assertThat(chart.marks()).extracting(Charts.Mark::cls).contains("pt noise");
    }
}
