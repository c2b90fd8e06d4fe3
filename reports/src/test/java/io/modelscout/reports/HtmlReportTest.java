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

    private static Document parse(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(html)));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        var list = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static List<String> texts(Document document, String tag) {
        return elements(document, tag).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static Element section(Document document, String id) {
        return elements(document, "section").stream().filter(s -> s.getAttribute("id").equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void escapesEveryStringFromTheData() throws Exception {
        String html = HtmlReport.render(Fixtures.hostile());

        assertThat(html).doesNotContain(Fixtures.SCRIPT).doesNotContainIgnoringCase("<script");
        assertThat(html.split(Pattern.quote(ESCAPED), -1).length - 1).as("escaped occurrences")
                .isGreaterThanOrEqualTo(8);
        Document document = parse(html);
        assertThat(elements(document, "script")).isEmpty();
        assertThat(texts(document, "title").getFirst()).isEqualTo("ModelScout report: " + Fixtures.SCRIPT);
        assertThat(texts(document, "h1").getFirst()).endsWith(Fixtures.SCRIPT);
        assertThat(section(document, "profile").getTextContent()).contains(Fixtures.SCRIPT + "numericfeature");
        assertThat(texts(document, "th")).contains(Fixtures.SCRIPT);
        assertThat(section(document, "problems").getTextContent()).contains(Fixtures.SCRIPT);
    }

    @Test
    void loadsNothingFromOutside() {
        String html = HtmlReport.render(Fixtures.iris());

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("url(").doesNotContain(" src=")
                .doesNotContain("<img").doesNotContain("<iframe")
                .contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void templatesEscapeEveryValue() throws IOException {
        for (String name : List.of("report.mustache", "style.mustache")) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(template).as(name).doesNotContain("{{{").doesNotContain("{{&");
            }
        }
    }

    @Test
    void hasEverySection() throws Exception {
        Document document = parse(HtmlReport.render(Fixtures.iris()));

        assertThat(texts(document, "h2")).containsExactly("Summary", "Leaderboard", "Per-fold scores",
                "Data profile", "Facts and rules", "Excluded and failed candidates", "Provenance");
        assertThat(texts(document, "h3")).contains("Columns", "Facts", "Rules", "Versions",
                "Candidates and their parameters");
        assertThat(elements(document, "table")).allSatisfy(
                table -> assertThat(table.getElementsByTagName("th").getLength()).isPositive());
    }

    @Test
    void isWellFormedAndEverySvgHasATextAlternative() throws Exception {
        String html = HtmlReport.render(Fixtures.iris());
        Document document = parse(html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        List<Element> svgs = elements(document, "svg");
        assertThat(svgs).hasSize(2 + 1 + 3).as("two strips, an axis, three class bars");
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
        HtmlReport.write(Fixtures.iris(), file);
        String big = HtmlReport.render(Fixtures.many(20, 50));

        System.out.printf("report.html: 4 candidates %d bytes; 20 candidates x 50 folds %d bytes%n",
                Files.size(file), big.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Files.size(file)).isLessThan(60_000);
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isLessThan(400_000);
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
}
