package io.modelscout.selector.result;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.selector.rules.Rulebook;
import io.modelscout.selector.spec.TaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything a goal's run needs from the selector: the task, the plugins, the rulebook, the seed, the threads and
 * where progress goes; plus the pieces every run assembles the same way (scores, provenance, the plugin list).
 *
 * @param spec the task
 * @param plugins every registered plugin
 * @param rulebook the bundled rules with the user's
 * @param seed the seed every random choice flows from (the task's, or the command line's)
 * @param threads how many fits run at once
 * @param progress receives one line per step
 * @param started when the run started
 * @param outputDir where the goal writes the data it produces (synthetic rows, a completed table); empty to write
 *     nothing
 * @param rows the command line's count of rows to generate, replacing the task's (goal generate); unchecked here
 */
public record RunContext(TaskSpec spec, Set<ModelPlugin> plugins, Rulebook rulebook, long seed, int threads,
                         Consumer<String> progress, Instant started, java.util.Optional<Path> outputDir,
                         java.util.Optional<Long> rows) {
    /** Checks and copies. */
    public RunContext {
        requireNonNull(spec, "spec is null");
        plugins = Set.copyOf(plugins);
        requireNonNull(rulebook, "rulebook is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        requireNonNull(progress, "progress is null");
        requireNonNull(started, "started is null");
        requireNonNull(outputDir, "outputDir is null");
        requireNonNull(rows, "rows is null");
    }

    /**
     * The mean, standard deviation and values of per-fold scores.
     *
     * @param values one value per fold
     * @return the score
     */
    public static CandidateResult.Score score(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0.0;
        var folds = new ArrayList<Double>(values.length);
        for (double v : values) {
            folds.add(v);
        }
        return new CandidateResult.Score(mean, sd, folds);
    }

    /**
     * Every registered plugin, sorted by id, for the capability matrix.
     *
     * @return the plugin list
     */
    public List<SelectionResult.PluginInfo> pluginInfos() {
        return plugins.stream().sorted(Comparator.comparing(ModelPlugin::id))
                .map(p -> new SelectionResult.PluginInfo(p.id(), p.displayName(), p.family().id(),
                        p.goals().stream().map(Goal::id).sorted().toList(),
                        p.capabilities().stream().map(Enum::name).sorted().toList()))
                .toList();
    }

    /**
     * The provenance of a run that ends now.
     *
     * @return versions, seed, folds, threads and time taken
     */
    public SelectionResult.Provenance provenance() {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        var versions = new LinkedHashMap<String, String>();
        versions.put("java", System.getProperty("java.version"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return new SelectionResult.Provenance(version(), seed, spec.evaluation().folds(), spec.evaluation().repeats(),
                threads, started.toString(), seconds, versions);
    }

    /**
     * The data file relative to the task file's folder, as a user wrote it: results hold no machine's absolute
     * paths.
     *
     * @return the path as text
     */
    public String dataFileAsWritten() {
        Path folder = spec.source().toAbsolutePath().getParent();
        Path data = spec.data().path().toAbsolutePath();
        try {
            return folder == null ? data.toString() : folder.relativize(data).toString();
        } catch (IllegalArgumentException e) {
            return data.toString();
        }
    }

    /**
     * The ModelScout version, from the jar manifest when packaged.
     *
     * @return the version, or {@code dev} when run from classes
     */
    public static String version() {
        String version = RunContext.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
