package io.modelscout.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, as a person would: it must load with no console error and no network
 * request, its sorting script must run under the page's Content-Security-Policy, and a screenshot is kept in
 * {@code target/browser/} for a person to look at. A control page with a deliberate error and request proves the
 * checks can fail.
 */
final class BrowserTest {
    private static final Path OUT = Path.of("target", "browser");

    @TempDir
    Path profile;

    private static Path chromium() {
        return Chromium.find().orElseGet(() -> fail(Chromium.INSTALL));
    }

    @Test
    @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // a guard against a hang, not a measurement
    void theReportLoadsWithNoConsoleErrorAndNoNetworkRequest() throws Exception {
        Files.createDirectories(OUT);
        Path page = OUT.resolve("report.html").toAbsolutePath();
        HtmlReport.write(Fixtures.hostile(), page);
        String url = page.toUri().toString();

        try (var browser = Chromium.start(chromium(), profile)) {
            browser.open(url);

            assertThat(browser.errors()).as("console errors, exceptions and error log entries").isEmpty();
            assertThat(browser.requests()).as("requests other than the page itself").allMatch(url::equals);
            assertThat(browser.requests()).as("the page itself was seen loading").contains(url);
            assertThat(browser.evaluate("document.querySelectorAll('main > section').length").asInt())
                    .isEqualTo(11);
            assertThat(browser.evaluate("document.title").asString()).isEqualTo("ModelScout report: "
                    + Fixtures.SCRIPT);
            assertThat(browser.evaluate("document.querySelectorAll('script').length").asInt()).isOne();

            // The sorting script ran: sorting by candidate name puts C4.5 first; again reverses the order.
            String firstRow = "document.querySelector('#leaderboard tbody tr code').textContent";
            assertThat(browser.evaluate(firstRow).asString()).isEqualTo("smile.random-forest");
            browser.evaluate("document.querySelector('#leaderboard button[data-col=\"1\"]').click()");
            assertThat(browser.evaluate(firstRow).asString()).isEqualTo("weka.j48");
            browser.evaluate("document.querySelector('#leaderboard button[data-col=\"1\"]').click()");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#leaderboard tbody tr code'))"
                    + ".map(c => c.textContent)")).extracting(n -> n.asString()).containsExactly(
                    "smile.random-forest", "smile.logistic-regression", "smile.hmm", "weka.j48");
            browser.evaluate("document.querySelector('#leaderboard button[data-col=\"5\"]').click()");
            assertThat(browser.evaluate("document.querySelector('#leaderboard th[aria-sort]').textContent")
                    .asString()).startsWith("accuracy");
            assertThat(browser.errors()).as("errors after sorting").isEmpty();

            browser.evaluate("document.querySelector('#leaderboard button[data-col=\"0\"]').click()");
            byte[] png = browser.screenshot();
            Files.write(OUT.resolve("report.png"), png);
            assertThat(png).hasSizeGreaterThan(10_000);
            assertThat(java.util.Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // a guard against a hang, not a measurement
    void theClusterAnomalyAndDensitySectionsLoadAndDraw() throws Exception {
        Files.createDirectories(OUT);
        // One page per goal, each with hostile strings in its details; a browser each, since a page loads once.
        var pages = List.of(
                new GoalPage("clusters", UnsupervisedFixtures.hostileClusters(), 12,
                        "#clusters svg circle.pt.s1", "rgb(217, 115, 13)"),
                new GoalPage("anomalies", UnsupervisedFixtures.hostileAnomalies(), 12,
                        "#anomalies svg path.bar.marked", "rgb(192, 38, 45)"),
                new GoalPage("density", UnsupervisedFixtures.hostileDensity(), 13,
                        "#density svg path.band", "rgb(234, 242, 253)"));
        for (GoalPage goal : pages) {
            Path page = OUT.resolve("report-" + goal.id() + ".html").toAbsolutePath();
            HtmlReport.write(goal.result(), page);
            String url = page.toUri().toString();
            try (var browser = Chromium.start(chromium(), Files.createDirectories(profile.resolve(goal.id())))) {
                browser.open(url);

                assertThat(browser.errors()).as(goal.id() + ": console errors").isEmpty();
                assertThat(browser.requests()).as(goal.id() + ": requests").allMatch(url::equals);
                assertThat(browser.evaluate("document.querySelectorAll('main > section').length").asInt())
                        .as(goal.id()).isEqualTo(goal.sections());
                assertThat(browser.evaluate("document.querySelectorAll('script').length").asInt()).isOne();
                assertThat(browser.evaluate("document.querySelector('#" + goal.id() + "').textContent"
                        + ".includes('" + Fixtures.SCRIPT.replace("/", "\\/") + "')").asBoolean()).as(goal.id())
                        .isTrue();
                // Every chart of the section is laid out with a size, and the section's own styles apply.
                assertThat(browser.evaluate("Array.from(document.querySelectorAll('#" + goal.id() + " svg'))"
                        + ".every(s => s.getBoundingClientRect().width > 100 && s.getBoundingClientRect().height > 40)")
                        .asBoolean()).as(goal.id() + ": charts laid out").isTrue();
                assertThat(browser.evaluate("getComputedStyle(document.querySelector('" + goal.selector()
                        + "')).fill").asString()).as(goal.id() + ": " + goal.selector()).isEqualTo(goal.fill());
                byte[] png = browser.screenshot();
                Files.write(OUT.resolve("report-" + goal.id() + ".png"), png);
                assertThat(png).hasSizeGreaterThan(10_000);
            }
        }
    }

    private record GoalPage(String id, io.modelscout.selector.result.SelectionResult result, int sections,
                            String selector, String fill) {
    }

    @Test
    @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // a guard against a hang, not a measurement
    void theChecksCatchAConsoleErrorARequestAndABlockedScript() throws Exception {
        Files.createDirectories(OUT);
        Path page = OUT.resolve("control.html").toAbsolutePath();
        // No policy here, so the image request goes out; the second script is refused by the first page's kind of
        // policy in the nested frame.
        Files.writeString(page, """
                <!DOCTYPE html><html><head><title>control</title></head><body>
                <script>console.error("deliberate");</script>
                <img src="http://127.0.0.1:9/missing.png" alt=""/>
                <iframe srcdoc="&lt;meta http-equiv='Content-Security-Policy' content=&quot;default-src 'none'&quot;&gt;&lt;script&gt;console.log(1)&lt;/script&gt;"></iframe>
                </body></html>
                """);
        String url = page.toUri().toString();

        try (var browser = Chromium.start(chromium(), profile)) {
            browser.open(url);

            List<String> errors = browser.errors();
            assertThat(errors).anyMatch(e -> e.startsWith("console.error") && e.contains("deliberate"));
            assertThat(errors).as("the refused inline script is reported")
                    .anyMatch(e -> e.contains("Content Security Policy"));
            assertThat(browser.requests()).contains("http://127.0.0.1:9/missing.png");
        }
    }
}
