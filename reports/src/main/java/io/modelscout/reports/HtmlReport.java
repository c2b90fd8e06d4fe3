package io.modelscout.reports;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.modelscout.selector.result.SelectionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a {@link SelectionResult} as one self-contained HTML5 page: summary, leaderboard, per-fold strip plots,
 * data profile, facts and rules, excluded and failed candidates, provenance.
 *
 * <p>The page has inline CSS and inline SVG only: no script, no external style sheet, font or image, and a
 * Content-Security-Policy that forbids loading anything, so opening it makes no network request. The markup lives in
 * the Mustache templates {@code io/modelscout/reports/*.mustache}; every value from the result goes through Mustache's
 * HTML escaping. The markup is also well-formed XML (void elements self-closed, no named entities), so an XML parser
 * can check it.
 */
public final class HtmlReport {
    private static final String TEMPLATES = "/io/modelscout/reports/";
    private static final Mustache TEMPLATE = compile();

    private HtmlReport() {
    }

    /**
     * Writes the report as UTF-8, creating the parent folder if needed.
     *
     * @param result the result
     * @param file where to write, e.g. {@code out/report.html}
     * @throws IOException when the file cannot be written
     */
    public static void write(SelectionResult result, Path file) throws IOException {
        requireNonNull(file, "file is null");
        String html = render(result);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /**
     * The report as a string; the same result always gives the same text.
     *
     * @param result the result
     * @return an HTML5 document
     */
    public static String render(SelectionResult result) {
        requireNonNull(result, "result is null");
        var out = new StringWriter();
        TEMPLATE.execute(out, ReportModel.of(result));
        return out.toString();
    }

    /**
     * Compiles the templates once, reading them through this class's own loader so that the report renders the same
     * whichever class loader the caller runs in (the command line loads plugins in loaders of their own).
     */
    private static Mustache compile() {
        var factory = new DefaultMustacheFactory(name -> {
            InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATES + name);
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        });
        return factory.compile("report.mustache");
    }
}
