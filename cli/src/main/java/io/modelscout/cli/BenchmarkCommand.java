package io.modelscout.cli;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Column;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import io.modelscout.selector.Selector;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Preprocessor;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modelscout benchmark TASK.yaml}: how much time the framework adds to the plugins' own fit and predict on
 * identical folds, and how busy the cores are during evaluation. Prints a Markdown table for docs/benchmarks.md.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures the framework's overhead over the plugins' own fit and predict time on the task's folds.")
final class BenchmarkCommand implements Callable<Integer> {
    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--candidates", split = ",", paramLabel = "ID", description = "Plugins to measure (default: all planned).")
    List<String> candidates;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured rounds after one warm-up round (default 3).")
    int rounds = 3;

    @Option(names = "--tuning", paramLabel = "METHOD", description = "Instead of overhead: default against tuned "
            + "(random or halving), nested in the task's folds; one Markdown row per candidate.")
    String tuning;

    @Option(names = "--budget", paramLabel = "DURATION", description = "With --tuning: the wall-clock cap of all "
            + "searches, e.g. 2m (default 5m).")
    String budget = "5m";

    @Option(names = "--trials", paramLabel = "N", description = "With --tuning: configurations per candidate and fold "
            + "(default 20 for random, 27 for halving).")
    Integer trials;

    @Option(names = "--threads", paramLabel = "N", description = "With --tuning: fits run at once (default: the number "
            + "of cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        TaskSpec spec;
        Selector selector;
        Selector.LoadedData data;
        List<ModelPlugin> chosen = new ArrayList<>();
        try {
            spec = taskOptions.readTask();
            selector = taskOptions.selector();
            data = selector.load(spec);
            for (var entry : selector.plan(spec, data).included()) {
                if (candidates == null || candidates.contains(entry.plugin().id())) {
                    chosen.add(entry.plugin());
                }
            }
        } catch (SpecException e) {
            Errors.print(e);
            return Main.USER_ERROR;
        }
        if (tuning != null) {
            return tuningMode(spec, selector, data);
        }
        Column target = data.target().orElseThrow();
        long seed = spec.evaluation().seed();
        List<Split> splits = Folds.make(target, spec.evaluation().folds(), spec.evaluation().repeats(), seed);
        List<Metric> metrics = List.of(Metric.fromId(spec.evaluation().metric()));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Task %s: %d rows x %d features, %d splits, %d cores, %d rounds (median)%n%n",
                spec.name(), data.features().rowCount(), data.features().columnCount(), splits.size(), cores, rounds);
        System.out.println("| candidate | plugin alone (s) | framework, 1 thread (s) | of which inside the plugin (s) | "
                + "added by the framework | framework, " + cores + " threads (s) | speed-up | CPU busy |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (ModelPlugin plugin : chosen) {
            var candidate = new Evaluator.Candidate(plugin, plugin.parameters().defaults(), Recipe.of(plugin, data.features()));
            double[] direct = new double[rounds];
            double[] one = new double[rounds];
            double[] many = new double[rounds];
            double[] busy = new double[rounds];
            double[] inside = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                double d = direct(spec.goal(), data, target, splits, candidate, seed);
                double[] f = framework(spec, data, target, splits, metrics, candidate, seed, 1);
                double o = f[0];
                double[] m = framework(spec, data, target, splits, metrics, candidate, seed, cores);
                if (round >= 0) {
                    direct[round] = d;
                    one[round] = o;
                    many[round] = m[0];
                    busy[round] = m[1];
                    inside[round] = f[2];
                }
            }
            double d = median(direct);
            double o = median(one);
            double m = median(many);
            double in = median(inside);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %+.1f %% | %.3f | %.2f x | %.0f %% |%n",
                    plugin.id(), d, o, in, 100 * (o / in - 1), m, o / m, 100 * median(busy));
        }
        return 0;
    }

    private int tuningMode(TaskSpec spec, Selector selector, Selector.LoadedData data) throws Exception {
        var errors = new ArrayList<String>();
        var method = TuningBenchmark.method(tuning, errors);
        var cap = TuningBenchmark.budget(budget, errors);
        int n = method.map(m -> trials == null ? m.defaultTrials() : trials).orElse(1);
        if (n < 1 || n > 1000) {
            errors.add("--trials: must be between 1 and 1000, got " + n);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            errors.add("--threads: must be at least 1, got " + t);
        }
        // Named candidates are measured even when the rules leave them out.
        var plugins = new ArrayList<ModelPlugin>();
        for (var entry : selector.plan(spec, data).entries()) {
            if (candidates == null ? entry.included() : candidates.contains(entry.plugin().id())) {
                plugins.add(entry.plugin());
            }
        }
        if (candidates != null) {
            var known = plugins.stream().map(ModelPlugin::id).toList();
            candidates.stream().filter(id -> !known.contains(id))
                    .forEach(id -> errors.add("--candidates: unknown model '" + id + "'"));
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> System.err.println("modelscout: " + e));
            return Main.USER_ERROR;
        }
        return TuningBenchmark.run(spec, data, plugins, method.orElseThrow(), cap.orElseThrow(), n, t);
    }

    /** The plugin alone: preprocessing done beforehand, then fit and predict on each split, one after another. */
    private static double direct(Goal goal, Selector.LoadedData data, Column target, List<Split> splits,
                                 Evaluator.Candidate candidate, long seed) throws Exception {
        var prepared = new ArrayList<Preprocessor.Prepared>();
        for (Split split : splits) {
            prepared.add(Preprocessor.prepare(candidate.recipe(), data.features().select(split.train()),
                    data.features().select(split.test())));
        }
        long total = 0;
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            long start = System.nanoTime();
            FittedModel model = candidate.plugin().fit(new FitRequest(goal, prepared.get(s).train(),
                    Optional.of(target.select(split.train())), candidate.parameters(),
                    Seeds.mix(seed, candidate.plugin().id(), s)));
            if (model instanceof Classifier classifier) {
                classifier.predict(prepared.get(s).test());
            } else if (model instanceof Regressor regressor) {
                regressor.predict(prepared.get(s).test());
            }
            total += System.nanoTime() - start;
        }
        return total / 1e9;
    }

    /**
     * The whole evaluation of one candidate: wall seconds, the share of all cores kept busy, and the seconds spent
     * inside the plugin's fit and predict as the evaluator timed them (the rest is what the framework added).
     */
    private static double[] framework(TaskSpec spec, Selector.LoadedData data, Column target, List<Split> splits,
                                      List<Metric> metrics, Evaluator.Candidate candidate, long seed, int threads)
            throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Evaluator.Outcome outcome = new Evaluator(spec.goal(), data.features(), target, splits, metrics, seed, threads,
                Duration.ofHours(1)).evaluate(List.of(candidate)).getFirst();
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        long testRows = splits.stream().mapToLong(s -> s.test().length).sum();
        double inside = outcome.fitSeconds() * splits.size() + outcome.predictMicrosPerRow() * testRows / 1e6;
        return new double[] {wall / 1e9, cpu / (double) wall / Runtime.getRuntime().availableProcessors(), inside};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
