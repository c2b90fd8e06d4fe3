package io.modelscout.reports;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.modelscout.selector.result.SelectionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Renders a {@link SelectionResult} as one self-contained HTML5 page: summary, leaderboard, per-fold strip plots,
 * Pareto chart, diagnostics, the primer's claims, rule trace, excluded and failed candidates, data profile,
 * capability matrix, provenance.
 *
 * <p>The page has inline CSS and inline SVG only, and one short inline script that sorts the leaderboard; no external
 * style sheet, script, font or image. Its Content-Security-Policy forbids loading anything and allows only that script,
 * by its SHA-256 hash, so opening it makes no network request. The markup lives in
 * the Mustache templates {@code io/modelscout/reports/*.mustache}; every value from the result goes through Mustache's
 * HTML escaping. The markup is also well-formed XML (void elements self-closed, no named entities), so an XML parser
 * can check it.
 */
public final class HtmlReport {
    private static final String TEMPLATES = "/io/modelscout/reports/";
    private static final Mustache TEMPLATE = compile();
    /** The one inline script (table sorting), allowed by its hash in the page's Content-Security-Policy. */
    static final String SCRIPT = resource("sort.mustache");
    static final String SCRIPT_HASH = "sha256-" + Base64.getEncoder().encodeToString(sha256(SCRIPT));

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
        TEMPLATE.execute(out, ReportModel.of(result, SCRIPT_HASH));
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
