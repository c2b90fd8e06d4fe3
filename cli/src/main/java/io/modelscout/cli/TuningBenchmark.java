package io.modelscout.cli;

import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.Column;
import io.modelscout.selector.Selector;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.TaskSpec.Tuning;
import io.modelscout.selector.tune.Budget;
import io.modelscout.selector.tune.Tuner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The tuning mode of {@code modelscout benchmark}: each candidate cross-validated with its defaults, then tuned
 * (nested, inside each outer training part) on the same folds, one Markdown row per candidate with both scores and
 * both wall times. The budget is shared out over the candidates measured, as a task's would be.
 */
final class TuningBenchmark {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smh]?)", Pattern.CASE_INSENSITIVE);

    private TuningBenchmark() {
    }

    /** The tuning method named on the command line, or an error message. */
    static Optional<Tuning> method(String text, List<String> errors) {
        for (Tuning tuning : Tuning.values()) {
            if (tuning != Tuning.NONE && tuning.id().equals(text)) {
                return Optional.of(tuning);
            }
        }
        errors.add("--tuning: expected random or halving, got '" + text + "'");
        return Optional.empty();
    }

    /** A duration such as {@code 90}, {@code 30s}, {@code 2m} or {@code 1h}, or an error message. */
    static Optional<Duration> budget(String text, List<String> errors) {
        var matcher = DURATION.matcher(text.strip());
        if (matcher.matches()) {
            long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                default -> 1;
            };
            long seconds = Long.parseLong(matcher.group(1)) * unit;
            if (seconds >= 1 && seconds <= 24 * 3600) {
                return Optional.of(Duration.ofSeconds(seconds));
            }
        }
        errors.add("--budget: expected a duration between 1s and 24h such as 30s, 5m or 1h, got '" + text + "'");
        return Optional.empty();
    }

    /**
     * Runs default against tuned for each plugin and prints the table.
     *
     * @return the exit code
     */
    static int run(TaskSpec spec, Selector.LoadedData data, List<ModelPlugin> plugins, Tuning method, Duration budget,
                   int trials, int threads) throws InterruptedException {
        Column target = data.target().orElseThrow();
        long seed = spec.evaluation().seed();
        List<Split> splits = Folds.make(target, spec.evaluation().folds(), spec.evaluation().repeats(), seed);
        Metric metric = Metric.fromId(spec.evaluation().metric());
        var tuned = plugins.stream().filter(p -> !p.parameters().parameters().isEmpty()).toList();
        if (tuned.isEmpty()) {
            System.err.println("modelscout: no candidate with hyper-parameters to tune");
            return Main.USER_ERROR;
        }
        Duration allowance = Budget.allowance(budget, tuned.size(), splits.size());
        var tuner = new Tuner(method, trials, allowance, spec.goal(), metric, seed);
        System.out.printf(Locale.ROOT, "Task %s: %d rows x %d features, %d outer folds (%d x %d), seed %d, %d threads%n",
                spec.name(), data.features().rowCount(), data.features().columnCount(), splits.size(),
                spec.evaluation().folds(), spec.evaluation().repeats(), seed, threads);
        System.out.printf(Locale.ROOT, "Tuning: %s; budget %d s shared by %d candidates x %d folds = %s s each%n%n",
                tuner.describe(), budget.toSeconds(), tuned.size(), splits.size(), allowance.toMillis() / 1000.0);
        System.out.println("| data set | candidate | " + metric.id() + ", default | " + metric.id() + ", tuned | change "
                + "| default wall (s) | tuned wall (s) | most chosen | budget cut |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---|---:|");
        var evaluator = new Evaluator(spec.goal(), data.features(), target, splits, List.of(metric), seed, threads,
                Duration.ofSeconds(spec.evaluation().timeLimitSeconds()));
        for (ModelPlugin plugin : tuned) {
            Recipe recipe = Recipe.of(plugin, data.features());
            long start = System.nanoTime();
            Evaluator.Outcome plain = evaluator.evaluate(List.of(new Evaluator.Candidate(plugin,
                    plugin.parameters().defaults(), recipe))).getFirst();
            double plainWall = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Evaluator.Outcome searched = evaluator.evaluate(List.of(new Evaluator.Candidate(plugin,
                    plugin.parameters().defaults(), recipe, Optional.of(tuner)))).getFirst();
            double searchedWall = (System.nanoTime() - start) / 1e9;
            String before = summary(plain, metric);
            String after = summary(searched, metric);
            String change = plain.status() == Status.EVALUATED && searched.status() == Status.EVALUATED
                    ? change(mean(searched.scores().get(metric)) - mean(plain.scores().get(metric)))
                    : "";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f | %.1f | %s | %d of %d |%n", spec.name(),
                    plugin.id(), before, after, change, plainWall, searchedWall, mostChosen(searched.chosen()),
                    searched.notes().size(), splits.size());
        }
        return 0;
    }

    private static String summary(Evaluator.Outcome outcome, Metric metric) {
        if (outcome.status() != Status.EVALUATED) {
            return outcome.status().id();
        }
        double[] values = outcome.scores().get(metric);
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0;
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
    }

    /** A difference to four places; one that rounds to zero is written without a sign. */
    private static String change(double difference) {
        String text = String.format(Locale.ROOT, "%+.4f", difference);
        return text.substring(1).equals("0.0000") ? "0.0000" : text;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The value each parameter took most often over the folds (ties: the smaller), in declaration order. */
    private static String mostChosen(List<ParameterValues> chosen) {
        if (chosen.isEmpty()) {
            return "";
        }
        var counts = new LinkedHashMap<String, Map<String, Integer>>();
        for (ParameterValues values : chosen) {
            values.values().forEach((name, value) -> counts.computeIfAbsent(name, _ -> new TreeMap<>())
                    .merge(format(value), 1, Integer::sum));
        }
        var parts = new ArrayList<String>();
        counts.forEach((name, byValue) -> {
            String best = byValue.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
            parts.add(name + "=" + best + (byValue.size() > 1 ? " (" + byValue.get(best) + "/" + chosen.size() + ")" : ""));
        });
        return String.join(", ", parts);
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : String.valueOf(value);
    }
}
