package io.modelscout.cli;

import io.modelscout.api.ModelPlugin;
import io.modelscout.cli.plugins.LoadedPlugin;
import io.modelscout.selector.Selector;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.result.SelectionResult.Claim;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
import io.modelscout.selector.rules.DerivedFacts;
import io.modelscout.selector.rules.Rule;
import io.modelscout.selector.rules.RuleFile;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelscout recommendations TASK.yaml...}: runs the selection on several tasks and writes one Markdown page
 * with, per task, the recommendation, the tie group, how the tie was broken, the reasons, the rules that fired and the
 * claims checked on the data. The page holds no times or dates except the measured prediction times of the claims, so
 * re-running it changes only those.
 */
@Command(name = "recommendations", mixinStandardHelpOptions = true,
        description = "Runs recommend on each task and writes a Markdown page of the recommendations and their reasons.")
final class RecommendationsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TASK.yaml", description = "The task files, in the order of the page.")
    List<Path> tasks;

    @Option(names = "--out", paramLabel = "FILE", description = "The Markdown file to write (default: ${DEFAULT-VALUE}).",
            defaultValue = "docs/recommendations.md")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Fits run at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rules, added to the bundled rulebook.")
    Path rules;

    @Mixin
    PluginsOption pluginsOption = new PluginsOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            System.err.println("modelscout: --threads: must be at least 1, got " + n);
            return Main.USER_ERROR;
        }
        var page = new StringBuilder();
        try {
            List<ModelPlugin> plugins = pluginsOption.load().stream().map(LoadedPlugin::plugin).toList();
            List<Rule> extra = rules == null ? List.of() : RuleFile.read(rules, DerivedFacts.knownNames());
            var selector = new Selector(new HashSet<>(plugins), extra);
            var specs = new ArrayList<TaskSpec>();
            for (Path task : tasks) {
                specs.add(TaskSpecReader.read(task));
            }
            header(page);
            for (int i = 0; i < specs.size(); i++) {
                TaskSpec spec = specs.get(i);
                System.out.println("[" + (i + 1) + "/" + specs.size() + "] " + spec.name());
                SelectionResult result = selector.run(spec, new Selector.Options(n, Optional.empty(), _ -> {
                }));
                section(page, tasks.get(i), result);
                result.recommendation().ifPresent(r -> System.out.println("  recommended: " + r.candidate()));
            }
        } catch (SpecException e) {
            Errors.print(e);
            return Main.USER_ERROR;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, page.toString());
        System.out.println("Wrote " + out);
        return 0;
    }

    private void header(StringBuilder page) {
        page.append("# Recommendations on shared data sets\n\n");
        page.append("Produced by this command, from the repository root:\n\n```\n./modelscout recommendations");
        for (Path task : tasks) {
            page.append(" \\\n    ").append(task.toString().replace('\\', '/'));
        }
        page.append(" \\\n    --out ").append(out.toString().replace('\\', '/')).append("\n```\n\n");
        page.append("""
                For each task: the recommendation; the *tie group*, every candidate the corrected resampled t-test \
                (Nadeau and Bengio, alpha 0.05, on the same folds) cannot tell from the best mean; how the tie was \
                broken (only candidates also within 0.005 of the best mean, 0.5 % for losses, and not worse than the \
                constant baseline may win it, on the rules' preferences, then declared simplicity, then id: never on \
                measured time); the reasons; the rules that fired; and the primer's claims checked on that data. \
                Scores are the same on every run and at any thread count; only the measured prediction times vary.

                """);
    }

    private static void section(StringBuilder page, Path task, SelectionResult result) {
        var t = result.task();
        var p = result.profile();
        page.append("## ").append(t.name()).append("\n\n");
        page.append(String.format(Locale.ROOT, "Task `%s`: %s `%s` from `%s`; %d rows, %d features; %s, %d folds x %d "
                        + "repeats, seed %d.%n%n", task.toString().replace('\\', '/'), t.goal(), t.target().orElse("-"),
                t.dataFile().replace('\\', '/'), p.rows(), p.featureCount(), t.metric(), result.provenance().folds(),
                result.provenance().repeats(), result.provenance().seed()));
        var recommendation = result.recommendation();
        if (recommendation.isEmpty()) {
            page.append("No candidate could be evaluated.\n\n");
            return;
        }
        var r = recommendation.get();
        page.append(String.format(Locale.ROOT, "**Recommended: `%s`** (%s %.4f)%n%n", r.candidate(), r.metric(), r.score()));
        page.append("Tie group: ").append(r.tiedWith().isEmpty() ? "none (the best is significantly ahead of every "
                + "other candidate)" : String.join(", ", r.tiedWith().stream().map(id -> "`" + id + "`").toList()))
                .append("\n\n");
        page.append("Tie-break: ").append(r.tieBreak().isEmpty() ? "not needed" : r.tieBreak()).append("\n\n");
        page.append("Reasons:\n\n");
        r.reasons().stream().filter(reason -> !reason.equals(r.tieBreak()))
                .forEach(reason -> page.append("- ").append(reason).append('\n'));
        page.append('\n');

        Metric metric = Metric.fromId(t.metric());
        List<CandidateResult> ranked = Recommender.rank(result.candidates(), metric, Map.of());
        page.append("| rank | candidate | family | ").append(t.metric()).append(" mean | sd | tied |\n");
        page.append("|---:|---|---|---:|---:|:---:|\n");
        int rank = 1;
        for (CandidateResult c : ranked) {
            var s = c.scores().get(metric.id());
            page.append(String.format(Locale.ROOT, "| %d | `%s` | %s | %.4f | %.4f | %s |%n", rank++, c.id(), c.family(),
                    s.mean(), s.sd(), r.tiedWith().contains(c.id()) ? "yes" : ""));
        }
        page.append('\n');

        page.append("Rules that fired:\n\n");
        for (RuleOutcome rule : result.rules()) {
            if (rule.fired()) {
                page.append("- `").append(rule.id()).append("` (").append(rule.effect()).append("): ")
                        .append(rule.reason()).append('\n');
            }
        }
        page.append('\n');
        if (!result.claims().isEmpty()) {
            page.append("Claims checked on this data:\n\n");
            for (Claim claim : result.claims()) {
                page.append("- `").append(claim.id()).append("`: **")
                        .append(claim.held().map(h -> h ? "held" : "did not hold").orElse("not checked")).append("**. ")
                        .append(claim.finding()).append('\n');
            }
            page.append('\n');
        }
    }
}
