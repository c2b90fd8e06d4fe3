package io.modelscout.cli;

import io.modelscout.reports.HtmlReport;
import io.modelscout.reports.JsonReport;
import io.modelscout.selector.Selector;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelscout recommend TASK.yaml}: evaluates the candidates and recommends one. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Evaluates the candidate models of a task by cross-validation, prints a leaderboard and the "
                + "recommendation, and writes report.html and result.json.")
final class RecommendCommand implements Callable<Integer> {
    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where report.html and result.json go "
            + "(default: modelscout-out/<task name>).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Replaces the task's evaluation.seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Fits run at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--quiet", description = "Print only the recommendation line.")
    boolean quiet;

    @Option(names = "--rows", paramLabel = "N", description = "Goal generate: how many synthetic rows to write "
            + "(replaces the task's synthesis.rows).")
    Long rows;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream console = System.out;
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            System.err.println("modelscout: --threads: must be at least 1, got " + n);
            return Main.USER_ERROR;
        }
        SelectionResult result;
        TaskSpec spec;
        Path dir;
        try {
            spec = taskOptions.readTask();
            dir = out != null ? out : Path.of("modelscout-out", safe(spec.name()));
            Selector selector = taskOptions.selector();
            result = selector.run(spec, new Selector.Options(n, Optional.ofNullable(seed),
                    line -> {
                        if (!quiet) {
                            console.println(line);
                        }
                    }, Optional.of(dir), Optional.ofNullable(rows)));
        } catch (SpecException e) {
            Errors.print(e);
            return Main.USER_ERROR;
        }
        Files.createDirectories(dir);
        JsonReport.write(result, dir.resolve("result.json"));
        HtmlReport.write(result, dir.resolve("report.html"));
        if (!quiet) {
            Leaderboard.print(result, console);
        }
        result.recommendation().ifPresentOrElse(r -> {
            console.printf(Locale.ROOT, "Recommended: %s (%s %.4f)%n", r.candidate(), r.metric(), r.score());
            if (!quiet) {
                r.reasons().forEach(reason -> console.println("  " + reason));
                if (!r.tiedWith().isEmpty()) {
                    console.println("Tie group (statistically tied with the best): " + String.join(", ", r.tiedWith()));
                }
            }
        }, () -> console.println("No candidate could be evaluated: see the reasons above."));
        result.details().ifPresent(d -> d.consoleLines().forEach(console::println));
        if (!quiet && !result.claims().isEmpty()) {
            console.println("Claims checked on this data:");
            result.claims().forEach(c -> console.printf(Locale.ROOT, "  %-38s %-11s %s%n", c.id(),
                    c.held().map(h -> h ? "held" : "did not hold").orElse("not checked"), c.finding()));
        }
        console.println("Report: " + dir.resolve("report.html") + "  Result: " + dir.resolve("result.json"));
        return 0;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The console leaderboard. */
    static final class Leaderboard {
        private Leaderboard() {
        }

        static void print(SelectionResult result, PrintStream out) {
            Metric metric = Metric.fromId(result.task().metric());
            var preference = new HashMap<String, Integer>();
            var ranked = Recommender.rank(result.candidates(), metric, preference);
            String second = result.task().metrics().size() > 1 ? result.task().metrics().get(1) : null;
            out.println();
            out.printf(Locale.ROOT, "Leaderboard: %s, %d folds x %d repeats, seed %d%n", metric.id(),
                    result.provenance().folds(), result.provenance().repeats(), result.provenance().seed());
            out.printf(Locale.ROOT, "%4s  %-28s %-15s %-18s %-18s %9s %12s%n", "rank", "candidate", "family",
                    metric.id(), second == null ? "" : second, "fit s", "predict us/row");
            int rank = 1;
            for (CandidateResult c : ranked) {
                var s = c.scores().get(metric.id());
                var t = second == null ? null : c.scores().get(second);
                out.printf(Locale.ROOT, "%4d  %-28s %-15s %-18s %-18s %9.3f %12.2f%n", rank++, c.id(), c.family(),
                        String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.sd()),
                        t == null ? "" : String.format(Locale.ROOT, "%.4f ± %.4f", t.mean(), t.sd()),
                        c.timing().fitSeconds(), c.timing().predictMicrosPerRow());
            }
            for (CandidateResult c : result.candidates()) {
                if (c.status() == CandidateResult.Status.FAILED || c.status() == CandidateResult.Status.TIMED_OUT) {
                    out.printf(Locale.ROOT, "   -  %-28s %-15s %s: %s%n", c.id(), c.family(), c.status().id(), c.reason());
                }
            }
            long excluded = result.candidates().stream().filter(c -> c.status() == CandidateResult.Status.EXCLUDED).count();
            if (excluded > 0) {
                out.println("   (" + excluded + " plugins excluded; see the report's rule trace)");
            }
            out.println();
        }
    }
}
