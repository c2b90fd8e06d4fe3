package io.modelscout.cli;

import io.modelscout.reports.HtmlReport;
import io.modelscout.reports.JsonReport;
import io.modelscout.selector.result.SelectionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelscout report result.json --out report.html}: renders the report again from a result. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders report.html again from a result.json.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "result.json", description = "A result written by 'recommend'.")
    Path result;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file to write (default: report.html beside the result).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(result)) {
            System.err.println("modelscout: result.json: file not found: " + result.toAbsolutePath());
            return Main.USER_ERROR;
        }
        SelectionResult read;
        try {
            read = JsonReport.read(result);
        } catch (IOException | RuntimeException e) {
            System.err.println("modelscout: " + result + ": not a ModelScout result: " + e.getMessage());
            return Main.USER_ERROR;
        }
        Path target = out != null ? out : result.toAbsolutePath().resolveSibling("report.html");
        HtmlReport.write(read, target);
        System.out.println("Report: " + target);
        return 0;
    }
}
