package io.modelscout.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.SelectionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The report is checked as XML: the templates emit XHTML-compatible HTML5 (void elements self-closed, only numeric
 * or XML entities), so the JDK's parser proves it well-formed and lets the tests walk the document.
 */
final class HtmlReportTest {
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @TempDir
    Path dir;

    static Document parse(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(html)));
    }

    static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        var list = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static List<String> texts(Document document, String tag) {
        return elements(document, tag).stream().map(e -> e.getTextContent().strip()).toList();
    }

    static Element section(Document document, String id) {
        return elements(document, "section").stream().filter(s -> s.getAttribute("id").equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void escapesEveryStringFromTheData() throws Exception {
        String html = HtmlReport.render(Fixtures.hostile());

        assertThat(html).doesNotContain(Fixtures.SCRIPT);
        assertThat(html.split("(?i)<script", -1).length - 1).as("only the report's own sorting script").isOne();
        assertThat(html.split(Pattern.quote(ESCAPED), -1).length - 1).as("escaped occurrences")
                .isGreaterThanOrEqualTo(15);
        Document document = parse(html);
        assertThat(texts(document, "script")).containsExactly(HtmlReport.SCRIPT.strip());
        for (String id : List.of("diagnostics", "claims", "capabilities", "leaderboard", "summary")) {
            assertThat(section(document, id).getTextContent()).as(id).contains(Fixtures.SCRIPT);
        }
        assertThat(elements(document, "svg")).anySatisfy(svg -> assertThat(svg.getAttribute("aria-label"))
                .contains(Fixtures.SCRIPT));
        assertThat(texts(document, "title").getFirst()).isEqualTo("ModelScout report: " + Fixtures.SCRIPT);
        assertThat(texts(document, "h1").getFirst()).endsWith(Fixtures.SCRIPT);
        assertThat(section(document, "profile").getTextContent()).contains(Fixtures.SCRIPT + "numericfeature");
        assertThat(texts(document, "th")).contains(Fixtures.SCRIPT);
        assertThat(section(document, "problems").getTextContent()).contains(Fixtures.SCRIPT);
    }

    @Test
    void loadsNothingFromOutside() {
        String html = HtmlReport.render(Fixtures.full());

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script src")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(").doesNotContain(" src=")
                .doesNotContain("<img").doesNotContain("<iframe").doesNotContain("fetch(")
                .doesNotContain("XMLHttpRequest").doesNotContain("import(")
                .contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void allowsOnlyItsOwnScriptByHash() throws Exception {
        String html = HtmlReport.render(Fixtures.full());
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.indexOf("</script>"));
        String hash = "sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));

        assertThat(script).isEqualTo(HtmlReport.SCRIPT);
        assertThat(HtmlReport.SCRIPT_HASH).isEqualTo(hash);
        assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '"
                + hash.replace("=", "&#61;") + "'\"");
        assertThat(script).as("well-formed as XML text").doesNotContain("<").doesNotContain("&");
    }

    @Test
    void templatesEscapeEveryValue() throws IOException {
        for (String name : List.of("report.mustache", "style.mustache", "unsupervised.mustache", "sequence.mustache",
                "synthesis.mustache")) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(template).as(name).doesNotContain("{{{").doesNotContain("{{&");
            }
        }
    }

    @Test
    void hasEverySection() throws Exception {
        Document document = parse(HtmlReport.render(Fixtures.full()));

        assertThat(texts(document, "h2")).containsExactly("Summary", "Leaderboard", "Per-fold scores",
                "Score against prediction time", "Diagnostics", "Generative vs discriminative", "Rule trace",
                "Excluded and failed candidates", "Data profile", "Capability matrix", "Provenance");
        assertThat(texts(document, "h3")).contains("Columns", "Facts", "Rules", "Versions",
                "Candidates and their parameters");
        assertThat(elements(document, "table")).allSatisfy(
                table -> assertThat(table.getElementsByTagName("th").getLength()).isPositive());
    }

    @Test
    void isWellFormedAndEverySvgHasATextAlternative() throws Exception {
        String html = HtmlReport.render(Fixtures.full());
        Document document = parse(html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        List<Element> svgs = elements(document, "svg");
        assertThat(svgs).as("two strips, an axis, Pareto, two ROC charts, two claim charts, three class bars")
                .hasSize(2 + 1 + 1 + 2 + 2 + 3);
        assertThat(svgs).allSatisfy(svg -> {
            assertThat(svg.getFirstChild()).isInstanceOf(Element.class);
            Element title = (Element) svg.getFirstChild();
            assertThat(title.getTagName()).isEqualTo("title");
            assertThat(title.getTextContent()).isNotBlank().isEqualTo(svg.getAttribute("aria-label"));
            assertThat(svg.getAttribute("role")).isEqualTo("img");
        });
        assertThat(html.split("<table", -1).length).isEqualTo(html.split("</table>", -1).length);
        assertThat(html.split("<svg", -1).length).isEqualTo(html.split("</svg>", -1).length);
    }

    @Test
    void summarisesTheRecommendation() throws Exception {
        Element summary = section(parse(HtmlReport.render(Fixtures.iris())), "summary");

        assertThat(summary.getTextContent()).contains("Random forest", "smile.random-forest", "0.9530 ± 0.0210",
                "accuracy", "higher is better", "highest mean accuracy (0.953 ± 0.021)",
                "4 candidates: 2 evaluated, 1 failed, 1 excluded");
    }

    @Test
    void saysSoWhenNothingWasEvaluated() throws Exception {
        Document document = parse(HtmlReport.render(Fixtures.noneEvaluated()));

        assertThat(section(document, "summary").getTextContent()).contains("No recommendation.",
                "No candidate was evaluated");
        assertThat(section(document, "folds").getTextContent()).contains("No candidate has fold scores");
        assertThat(section(document, "problems").getTextContent()).contains("weka.j48", "smile.hmm");
    }

    @Test
    void ranksBestFirstThenTheRest() throws Exception {
        Element leaderboard = section(parse(HtmlReport.render(Fixtures.iris())), "leaderboard");
        var rows = new ArrayList<String>();
        NodeList trs = ((Element) leaderboard.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            rows.add(((Element) trs.item(i)).getElementsByTagName("code").item(0).getTextContent());
        }

        assertThat(rows).containsExactly("smile.random-forest", "smile.logistic-regression", "weka.j48",
                "smile.hmm");
        String text = leaderboard.getTextContent();
        assertThat(text).contains("0.9400 ± 0.0300", "0.412", "3.25", "recommended",
                "cannot handle ordinal class", "needs sequences; the task has none");
        assertThat(((Element) trs.item(0)).getAttribute("class")).isEqualTo("winner");
        assertThat(((Element) trs.item(3)).getAttribute("class")).isEqualTo("dim");
    }

    @Test
    void ranksLowerFirstWhenLowerIsBetter() {
        SelectionResult iris = Fixtures.iris();
        List<CandidateResult> ranked = ReportModel.ranked(iris.candidates(), "macro_f1", false);

        assertThat(ranked).extracting(CandidateResult::id).containsExactly("smile.logistic-regression",
                "smile.random-forest", "weka.j48", "smile.hmm");
        assertThat(ReportModel.ranked(iris.candidates(), "log_loss", true)).extracting(CandidateResult::id)
                .as("a NaN mean goes last among the evaluated")
                .containsExactly("smile.random-forest", "smile.logistic-regression", "weka.j48", "smile.hmm");
    }

    @Test
    void plotsOneDotPerFold() throws Exception {
        Element folds = section(parse(HtmlReport.render(Fixtures.iris())), "folds");

        NodeList strips = folds.getElementsByTagName("svg");
        Element forest = (Element) strips.item(0);
        assertThat(forest.getElementsByTagName("circle").getLength()).isEqualTo(10);
        assertThat(forest.getAttribute("aria-label")).isEqualTo("accuracy per fold for Random forest"
                + " (smile.random-forest): 10 folds from 0.9300 to 0.9700, mean 0.9530 ± 0.0210");
        assertThat(((Element) forest.getElementsByTagName("circle").item(7)).getTextContent())
                .isEqualTo("repeat 2, fold 3: 0.9700");
        assertThat(forest.getElementsByTagName("line").getLength()).as("baseline and mean tick").isEqualTo(2);
    }

    @Test
    void showsProfileRulesAndProvenance() throws Exception {
        Document document = parse(HtmlReport.render(Fixtures.iris()));

        assertThat(section(document, "profile").getTextContent()).contains("sepal_length", "numeric", "soil",
                "nominal", "setosa", "33.3 %", "5.843", "150");
        assertThat(section(document, "rules").getTextContent()).contains("missing_values", "profile",
                "0.5 % of feature cells are missing", "missing-data-prefers-generative", "yes", "no",
                "prefer family generative", "1 of 2 rules fired");
        assertThat(section(document, "provenance").getTextContent()).contains("0.1.0-SNAPSHOT", "42",
                "5 folds × 2 repeats", "2026-11-25T13:00:00Z", "12.5 s", "6.3.0", "trees = 200",
                "confidence = 0.25", "one-hot encode 1 nominal column");
    }

    @Test
    void staysSmall() throws IOException {
        Path file = dir.resolve("report.html");
        HtmlReport.write(Fixtures.full(), file);
        String big = HtmlReport.render(Fixtures.many(20, 50));

        System.out.printf("report.html: 4 candidates %d bytes; 20 candidates x 50 folds with diagnostics %d bytes%n",
                Files.size(file), big.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Files.size(file)).isLessThan(100_000);
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).as("a 20-candidate report").isLessThan(1_000_000);
        assertThat(big).contains("Model number 19", "bench.model-0");
    }

    @Test
    void rendersTheSameTwice() {
        assertThat(HtmlReport.render(Fixtures.iris())).isEqualTo(HtmlReport.render(Fixtures.iris()));
    }

    @Test
    void rendersWithoutTargetOrRecommendation() throws Exception {
        SelectionResult iris = Fixtures.noneEvaluated();
        var task = new SelectionResult.TaskSummary("clusters", "cluster", "x.csv", Optional.empty(), "silhouette",
                true, List.of());
        var profile = new io.modelscout.selector.data.DataProfile("x", 10, List.of(), Optional.empty(), 0, 0, 0);
        var result = new SelectionResult(task, profile, List.of(), List.of(), List.of(), Optional.empty(),
                iris.provenance());

        Document document = parse(HtmlReport.render(result));

        assertThat(section(document, "profile").getTextContent()).contains("The task has no target column.");
        assertThat(section(document, "rules").getTextContent()).contains("No facts were recorded.",
                "No rules were recorded.");
        assertThat(section(document, "problems").getTextContent()).contains("None: every candidate");
    }

    @Test
    void summaryGivesAnIntervalTheRulesAndTheTie() throws Exception {
        Element summary = section(parse(HtmlReport.render(Fixtures.full())), "summary");

        // Random forest folds: mean 0.953, sd 0.02003; t(0.975, 9) = 2.262; half width 0.01433.
        assertThat(summary.getTextContent()).contains("95 % confidence interval 0.9387 to 0.9673",
                "t(0.975, 9) = 2.262", "missing-data-prefers-generative: prefer family generative",
                "Statistically tied with it: Logistic regression (smile.logistic-regression).",
                "Tie-break: within one standard error; the rules prefer setosa");
        assertThat(section(parse(HtmlReport.render(Fixtures.iris())), "summary").getTextContent())
                .contains("No other candidate was statistically tied with it.");
    }

    @Test
    void studentTQuantilesMatchTheTables() {
        assertThat(Sections.t975(1)).isEqualTo(12.706);
        assertThat(Sections.t975(9)).isEqualTo(2.262);
        assertThat(Sections.t975(31)).isCloseTo(2.0395, org.assertj.core.api.Assertions.within(0.001));
        assertThat(Sections.t975(60)).isCloseTo(2.0003, org.assertj.core.api.Assertions.within(0.001));
        assertThat(Sections.t975(120)).isCloseTo(1.9799, org.assertj.core.api.Assertions.within(0.001));
        assertThat(Sections.t975(0)).isNaN();
    }

    @Test
    void leaderboardSortsInPlaceAndMarksTheTieGroup() throws Exception {
        Element leaderboard = section(parse(HtmlReport.render(Fixtures.full())), "leaderboard");
        Element table = (Element) leaderboard.getElementsByTagName("table").item(0);

        assertThat(table.getAttribute("class")).isEqualTo("sortable");
        var columns = new ArrayList<String>();
        NodeList buttons = table.getElementsByTagName("button");
        for (int i = 0; i < buttons.getLength(); i++) {
            columns.add(((Element) buttons.item(i)).getAttribute("data-col"));
        }
        assertThat(columns).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Element first = (Element) table.getElementsByTagName("tbody").item(0).getFirstChild().getNextSibling();
        assertThat(first.getTextContent()).contains("best (tied)");
        NodeList cells = first.getElementsByTagName("td");
        assertThat(((Element) cells.item(0)).getAttribute("data-sort")).isEqualTo("1");
        assertThat(((Element) cells.item(4)).getAttribute("data-sort")).isEqualTo("0.953000000");
        assertThat(leaderboard.getTextContent()).contains("tied with best");
        assertThat(section(parse(HtmlReport.render(Fixtures.iris())), "leaderboard").getTextContent())
                .contains("best", "below");
    }

    @Test
    void drawsConfusionMatricesAndRocCurves() throws Exception {
        Element diagnostics = section(parse(HtmlReport.render(Fixtures.full())), "diagnostics");

        String text = diagnostics.getTextContent();
        assertThat(texts(parse(HtmlReport.render(Fixtures.full())), "h3")).contains(
                "Random forest smile.random-forest", "Logistic regression smile.logistic-regression");
        assertThat(text).contains("143 of 150 rows on the diagonal (95.3 %)", "setosa: AUC 1.000;",
                "versicolor: AUC 0.9500", "virginica: AUC 0.8600");
        assertThat(diagnostics.getElementsByTagName("table").getLength()).isEqualTo(2);
        Element svg = (Element) diagnostics.getElementsByTagName("svg").item(0);
        assertThat(svg.getAttribute("aria-label")).startsWith("ROC curves, each class against the rest, of Random"
                + " forest (smile.random-forest): setosa: AUC 1.000;");
        assertThat(svg.getElementsByTagName("path").getLength()).as("one curve per class").isEqualTo(3);
        assertThat(section(parse(HtmlReport.render(Fixtures.iris())), "diagnostics").getTextContent())
                .contains("No evaluated candidate has out-of-fold diagnostics.");
    }

    @Test
    void drawsPredictedAgainstActualAndResidualsForRegression() throws Exception {
        Document document = parse(HtmlReport.render(Fixtures.regression()));
        Element diagnostics = section(document, "diagnostics");

        List<Element> svgs = new ArrayList<>();
        NodeList nodes = diagnostics.getElementsByTagName("svg");
        for (int i = 0; i < nodes.getLength(); i++) {
            svgs.add((Element) nodes.item(i));
        }
        assertThat(svgs).hasSize(4);
        assertThat(svgs.get(0).getAttribute("aria-label")).startsWith("Predicted against actual for Random forest"
                + " (smile.random-forest), 400 points drawn; 1000 rows: root mean squared error");
        assertThat(svgs.get(1).getAttribute("aria-label")).startsWith("Residuals against predicted");
        String dots = ((Element) svgs.get(0).getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(dots.split("h0", -1).length - 1).isEqualTo(400);
        assertThat(section(document, "provenance").getTextContent()).contains("Tuned per fold:",
                "repeat 1, fold 1: trees = 200");
    }

    @Test
    void saysWhetherEachClaimHeldAndNotCheckedWhenThereIsNone() throws Exception {
        Element claims = section(parse(HtmlReport.render(Fixtures.full())), "claims");

        assertThat(texts(claims.getOwnerDocument(), "h3")).contains(
                "A generative model reaches its best score with fewer rows");
        assertThat(claims.getTextContent()).contains("Held on this data.", "Did not hold on this data.",
                "Not checked.", "needed 120");
        Element chart = (Element) claims.getElementsByTagName("svg").item(0);
        assertThat(chart.getAttribute("aria-label")).contains("core.gaussian-nb from (20.00, 0.8800) to (120.0,"
                + " 0.9500), 4 points");
        assertThat(chart.getElementsByTagName("circle").getLength()).isEqualTo(8);
        assertThat(chart.getTextContent()).contains("training rows", "accuracy");
        Element bars = (Element) claims.getElementsByTagName("svg").item(1);
        assertThat(bars.getAttribute("aria-label")).contains("smile.logistic-regression 0.8000 µs per row;"
                + " smile.random-forest 3.250 µs per row");
        assertThat(bars.getElementsByTagName("path").getLength()).as("one bar per series").isEqualTo(2);
        assertThat(section(parse(HtmlReport.render(Fixtures.iris())), "claims").getTextContent())
                .contains("Not checked.", "no claim about generative and discriminative models was tested");
    }

    @Test
    void paretoChartJoinsTheCandidatesNoOtherBeatsOnBoth() throws Exception {
        Element pareto = section(parse(HtmlReport.render(Fixtures.full())), "pareto");

        // Logistic regression: 0.94 at 0.8 µs; random forest: 0.953 at 3.25 µs. Neither beats the other on both.
        NodeList rows = ((Element) pareto.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(2);
        assertThat(rows.item(0).getTextContent()).contains("smile.logistic-regression", "0.9400", "0.80");
        assertThat(rows.item(1).getTextContent()).contains("smile.random-forest", "0.9530", "3.25");
        Element svg = (Element) pareto.getElementsByTagName("svg").item(0);
        assertThat(svg.getAttribute("aria-label")).contains("On the front");
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(2);
    }

    @Test
    void capabilityMatrixHasAColumnPerCapability() throws Exception {
        Element matrix = section(parse(HtmlReport.render(Fixtures.full())), "capabilities");

        List<String> heads = new ArrayList<>();
        NodeList ths = ((Element) matrix.getElementsByTagName("thead").item(0)).getElementsByTagName("th");
        for (int i = 0; i < ths.getLength(); i++) {
            heads.add(ths.item(i).getTextContent());
        }
        assertThat(heads).containsExactly("Plugin", "Family", "Goals", "GENERATIVE", "HANDLES_MISSING_DATA",
                "INTERPRETABLE", "NOMINAL_FEATURES", "PROBABILISTIC", "SEQUENTIAL", "setosa");
        NodeList rows = ((Element) matrix.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(5);
        assertThat(rows.item(0).getTextContent()).startsWith("setosa").contains("yesnonononoyesnoyes".substring(0, 3));
        assertThat(((Element) rows.item(0)).getAttribute("class")).as("not a candidate of this run").isEqualTo("dim");
    }
}
