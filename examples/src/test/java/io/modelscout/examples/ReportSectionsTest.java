package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The report of a real run on the credit data has every section, and every section has content: a recommendation
 * with its interval, scored rows, fold strips, the Pareto chart, a confusion matrix and a ROC curve, the checked
 * claims, fired rules, excluded candidates, the profile, the capability matrix and the parameters. The run is kept
 * short with a few fast candidates (one generative, so the claims are checked) on five folds.
 */
final class ReportSectionsTest {
    private static final String TASK = """
            name: credit-g report
            goal: classify
            data:
              path: %s
              target: class
            facts:
              explain_decisions: true
            evaluation:
              metric: accuracy
              folds: 5
              seed: 42
            candidates:
              include: [core.constant, smile.logistic-regression, weka.j48, weka.naive-bayes, smile.lda]
              only: true
            """;

    private static Document parse(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(html)));
    }

    private static List<Element> all(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        var list = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Element section(Document document, String id) {
        return all(document.getDocumentElement(), "section").stream().filter(s -> s.getAttribute("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no section " + id));
    }

    private static int bodyRows(Element section) {
        return all(section, "tbody").stream().mapToInt(b -> b.getElementsByTagName("tr").getLength()).sum();
    }

    @Test
    void everySectionIsPresentAndFilled(@TempDir Path dir) throws Exception {
        Path task = dir.resolve("credit.yaml");
        Files.writeString(task, TASK.formatted(Path.of("data", "credit-g.arff").toAbsolutePath()));
        Path out = dir.resolve("out");

        Cli.Run run = Cli.run("recommend", task.toString(), "--out", out.toString(), "--quiet", "--threads", "2");

        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isZero();
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        Document document = parse(html);
        assertThat(all(document.getDocumentElement(), "h2")).extracting(e -> e.getTextContent().strip())
                .containsExactly("Summary", "Leaderboard", "Per-fold scores", "Score against prediction time",
                        "Diagnostics", "Generative vs discriminative", "Rule trace", "Excluded and failed candidates",
                        "Data profile", "Capability matrix", "Provenance");

        assertThat(section(document, "summary").getTextContent()).contains("Recommended:",
                "95 % confidence interval", "Why:");
        assertThat(bodyRows(section(document, "leaderboard"))).as("leaderboard rows").isGreaterThanOrEqualTo(5);
        assertThat(section(document, "leaderboard").getTextContent()).contains("smile.lda", "weka.j48", "best");
        assertThat(all(section(document, "folds"), "circle")).as("fold dots").hasSizeGreaterThanOrEqualTo(5 * 5);
        assertThat(all(section(document, "pareto"), "circle")).as("Pareto points").hasSizeGreaterThanOrEqualTo(5);

        Element diagnostics = section(document, "diagnostics");
        assertThat(all(diagnostics, "table")).as("confusion matrices").hasSizeGreaterThanOrEqualTo(5);
        assertThat(diagnostics.getTextContent()).contains("rows on the diagonal", "good", "bad");
        assertThat(all(diagnostics, "svg")).as("ROC charts").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(svg -> assertThat(svg.getAttribute("aria-label")).contains("AUC"));

        Element claims = section(document, "claims");
        assertThat(all(claims, "h3")).as("checked claims").isNotEmpty();
        assertThat(claims.getTextContent()).containsAnyOf("Held on this data.", "Did not hold on this data.");
        assertThat(all(claims, "svg")).as("claim charts").isNotEmpty();

        assertThat(section(document, "rules").getTextContent()).contains("explain_decisions", "yes");
        assertThat(bodyRows(section(document, "problems"))).as("excluded candidates").isPositive();
        assertThat(section(document, "profile").getTextContent()).contains("checking_status", "1000");
        assertThat(bodyRows(section(document, "capabilities"))).as("registered plugins").isGreaterThan(10);
        assertThat(section(document, "capabilities").getTextContent()).contains("GENERATIVE", "yes", "no");
        assertThat(section(document, "provenance").getTextContent()).contains("Seed", "42", "5 folds");

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);

        // result.json is the source of truth: rendering it again gives the same page.
        Path again = dir.resolve("again.html");
        Cli.Run report = Cli.run("report", out.resolve("result.json").toString(), "--out", again.toString());
        assertThat(report.code()).as("report exit code; stderr: %s", report.err()).isZero();
        assertThat(Files.readString(again, StandardCharsets.UTF_8)).isEqualTo(html);
    }
}
