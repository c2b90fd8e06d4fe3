package io.modelscout.selector;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.claims.ClaimChecker;
import io.modelscout.selector.data.Columns;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DatasetReader;
import io.modelscout.selector.data.Profiler;
import io.modelscout.selector.eval.Diagnoser;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.ParameterSearch;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.sequence.SequenceRun;
import io.modelscout.selector.synthesis.SynthesisRun;
import io.modelscout.selector.unsupervised.UnsupervisedRun;
import io.modelscout.selector.rules.CandidatePlan;
import io.modelscout.selector.rules.Rule;
import io.modelscout.selector.rules.Rulebook;
import io.modelscout.selector.spec.DataChecks;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.tune.Budget;
import io.modelscout.selector.tune.Tuner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The whole selection in one pass: load and check the data, profile it, plan candidates with the rulebook,
 * cross-validate them, recommend one. It receives the plugins Guice assembled and never names one.
 */
public final class Selector {
    private final Set<ModelPlugin> plugins;
    private final Rulebook rulebook;

    /**
     * A selector over the given plugins.
     *
     * @param plugins every registered plugin
     * @param extraRules the user's rules, added to the bundled rulebook; may be empty
     */
    public Selector(Set<ModelPlugin> plugins, List<Rule> extraRules) {
        this.plugins = Set.copyOf(plugins);
        this.rulebook = Rulebook.bundledWith(extraRules);
    }

    /**
     * Run options that do not belong to the task.
     *
     * @param threads how many fits run at once
     * @param seed replaces the task's seed when present
     * @param progress receives one line per step; may ignore them
     * @param outputDir where a goal writes the data it produces (synthetic rows, a completed table); empty to write
     *     nothing but the result
     * @param rows replaces the task's count of rows to generate when present (goal generate)
     */
    public record Options(int threads, Optional<Long> seed, Consumer<String> progress, Optional<java.nio.file.Path> outputDir,
                          Optional<Long> rows) {
        /** Checks the values. */
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            requireNonNull(seed, "seed is null");
            requireNonNull(progress, "progress is null");
            requireNonNull(outputDir, "outputDir is null");
            requireNonNull(rows, "rows is null");
        }

        /**
         * Options that write nothing but the result.
         *
         * @param threads how many fits run at once
         * @param seed replaces the task's seed when present
         * @param progress receives one line per step
         */
        public Options(int threads, Optional<Long> seed, Consumer<String> progress) {
            this(threads, seed, progress, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The data of a task, loaded, checked and ready: rows with a missing target are left out.
     *
     * @param table all columns kept, as a view of the rows with a target
     * @param features the feature columns
     * @param target the target column, when the goal has one
     * @param profile the profile of {@code table}
     * @param droppedRows rows left out for a missing target
     */
    public record LoadedData(Table table, Table features, Optional<Column> target, DataProfile profile, int droppedRows) {
    }

    /**
     * Loads, checks and profiles the task's data.
     *
     * @param spec the task
     * @return the data
     * @throws SpecException when the data file or its fit to the task is wrong
     */
    public LoadedData load(TaskSpec spec) throws SpecException {
        if (spec.goal() == Goal.MODEL_SEQUENCES) {
            return SequenceRun.load(spec);
        }
        Table table = DatasetReader.read(spec.data().path(), spec.data().format());
        DataChecks.check(spec, table);
        if (!spec.data().ignore().isEmpty()) {
            table = Columns.drop(table, spec.data().ignore());
        }
        Optional<String> targetName = spec.data().target();
        if (targetName.isPresent() && spec.goal().supervised()) {
            String name = targetName.get();
            Column target = table.column(name);
            Column converted = target;
            if (spec.goal() == Goal.CLASSIFY && target instanceof NumericColumn numeric) {
                converted = Columns.toNominal(numeric);
            }
            if (spec.goal() == Goal.CLASSIFY && !spec.data().ordered().isEmpty()) {
                try {
                    converted = Columns.toOrdinal((CategoricalColumn) converted, spec.data().ordered());
                } catch (IllegalArgumentException e) {
                    throw SpecException.of(spec.source().toString(), "data.ordered", e.getMessage());
                }
            }
            if (converted != target) {
                var columns = new ArrayList<Column>(table.columns());
                columns.set(table.columnNames().indexOf(name), converted);
                table = table.withColumns(columns);
            }
            int missing = converted.missingCount();
            if (missing > 0) {
                int[] keep = new int[table.rowCount() - missing];
                int k = 0;
                for (int i = 0; i < table.rowCount(); i++) {
                    if (!converted.isMissing(i)) {
                        keep[k++] = i;
                    }
                }
                table = table.select(keep);
            }
            if (table.rowCount() < spec.evaluation().folds()) {
                throw SpecException.of(spec.source().toString(), "evaluation.folds", spec.evaluation().folds()
                        + " folds need at least " + spec.evaluation().folds() + " rows with a target, the data has "
                        + table.rowCount());
            }
            DataProfile profile = Profiler.profile(table, targetName);
            return new LoadedData(table, table.without(name), Optional.of(table.column(name)), profile, missing);
        }
        if (spec.options() instanceof io.modelscout.selector.spec.UnsupervisedOptions unsupervised
                && unsupervised.reference().isPresent() && table.find(unsupervised.reference().get()).isPresent()) {
            // The reference of known groups or anomalies is set aside, as the run does: it is never a feature.
            Table features = table.without(unsupervised.reference().get());
            return new LoadedData(table, features, Optional.empty(), Profiler.profile(features, Optional.empty()), 0);
        }
        return new LoadedData(table, table, Optional.empty(), Profiler.profile(table, Optional.empty()), 0);
    }

    /**
     * Plans candidates without evaluating them.
     *
     * @param spec the task
     * @param data the loaded data
     * @return the plan
     * @throws SpecException when the task names unknown plugins
     */
    public CandidatePlan plan(TaskSpec spec, LoadedData data) throws SpecException {
        checkIds(spec);
        if (spec.goal() == Goal.MODEL_SEQUENCES) {
            return SequenceRun.plan(rulebook, spec, data.profile(), plugins);
        }
        return rulebook.plan(UnsupervisedRun.planned(spec), data.profile(), plugins);
    }

    private void checkIds(TaskSpec spec) throws SpecException {
        var known = new TreeSet<String>();
        plugins.forEach(p -> known.add(p.id()));
        var errors = new ArrayList<SpecError>();
        for (var entry : Map.of("candidates.include", spec.candidates().include(),
                "candidates.exclude", spec.candidates().exclude()).entrySet()) {
            for (String id : entry.getValue()) {
                if (!known.contains(id)) {
                    errors.add(new SpecError(spec.source().toString(), entry.getKey(), "unknown model '" + id
                            + "'; known: " + String.join(", ", known), 0, 0));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(SpecError::field));
            throw new SpecException(errors);
        }
    }

    /**
     * Runs the whole selection.
     *
     * @param spec the task
     * @param options threads, seed override, progress
     * @return the result
     * @throws SpecException when the task or its data is wrong
     * @throws InterruptedException when interrupted while evaluating
     */
    public SelectionResult run(TaskSpec spec, Options options) throws SpecException, InterruptedException {
        Instant started = Instant.now();
        long seed = options.seed().orElse(spec.evaluation().seed());
        var context = new RunContext(spec, plugins, rulebook, seed, options.threads(), options.progress(), started,
                options.outputDir(), options.rows());
        return switch (spec.goal()) {
            case CLASSIFY, REGRESS -> supervised(spec, options, context);
            case CLUSTER, DETECT_ANOMALIES, ESTIMATE_DENSITY -> UnsupervisedRun.run(context);
            case MODEL_SEQUENCES -> SequenceRun.run(context);
            case GENERATE -> SynthesisRun.run(context);
        };
    }

    private SelectionResult supervised(TaskSpec spec, Options options, RunContext context)
            throws SpecException, InterruptedException {
        long seed = context.seed();
        LoadedData data = load(spec);
        options.progress().accept("Loaded " + data.table().rowCount() + " rows x " + data.table().columnCount()
                + " columns from " + spec.data().path().getFileName()
                + (data.droppedRows() > 0 ? " (" + data.droppedRows() + " rows without a target left out)" : ""));
        CandidatePlan plan = plan(spec, data);
        Column target = data.target().orElseThrow(() -> SpecException.of(spec.source().toString(), "data.target",
                "goal " + spec.goal().id() + " needs a target column; name it in data.target"));
        int classes = target instanceof CategoricalColumn c ? c.levels().size() : 0;
        Metric metric = Metric.fromId(spec.evaluation().metric());
        var metrics = new ArrayList<Metric>();
        metrics.add(metric);
        Metric.forGoal(spec.goal(), classes, target instanceof io.modelscout.api.data.OrdinalColumn).stream()
                .filter(m -> m != metric).forEach(metrics::add);

        List<Split> splits = Folds.make(target, spec.evaluation().folds(), spec.evaluation().repeats(), seed);
        var candidates = new ArrayList<Evaluator.Candidate>();
        Optional<Tuner> tuner = tuner(spec, plan, splits.size(), metric, seed);
        for (CandidatePlan.Entry entry : plan.included()) {
            ModelPlugin plugin = entry.plugin();
            Optional<ParameterSearch> search = plugin.parameters().parameters().isEmpty()
                    ? Optional.empty() : tuner.map(t -> t);
            candidates.add(new Evaluator.Candidate(plugin, plugin.parameters().defaults(),
                    Recipe.of(plugin, data.features()), search));
        }
        tuner.ifPresent(t -> options.progress().accept("Tuning: " + t.describe() + "; budget "
                + spec.evaluation().budgetSeconds() + " s, " + t.allowance().toMillis() / 1000.0
                + " s per candidate and fold"));
        options.progress().accept("Evaluating " + candidates.size() + " candidates on " + splits.size() + " folds ("
                + spec.evaluation().folds() + " x " + spec.evaluation().repeats() + ") with " + options.threads()
                + " threads");
        var evaluator = new Evaluator(spec.goal(), data.features(), target, splits, metrics, seed, options.threads(),
                Duration.ofSeconds(spec.evaluation().timeLimitSeconds()));
        var outcomes = new HashMap<String, Evaluator.Outcome>();
        for (Evaluator.Outcome outcome : evaluator.evaluate(candidates)) {
            outcomes.put(outcome.candidate().plugin().id(), outcome);
        }

        var results = new ArrayList<CandidateResult>();
        var preference = new HashMap<String, Integer>();
        var preferenceReasons = new HashMap<String, List<String>>();
        for (CandidatePlan.Entry entry : plan.entries()) {
            ModelPlugin plugin = entry.plugin();
            preference.put(plugin.id(), entry.preference());
            preferenceReasons.put(plugin.id(), entry.reasons().stream()
                    .filter(r -> r.startsWith("preferred") || r.startsWith("avoided")).toList());
            var capabilities = plugin.capabilities().stream().map(Enum::name).sorted().toList();
            String planReason = String.join("; ", entry.reasons());
            Evaluator.Outcome outcome = outcomes.get(plugin.id());
            if (outcome == null) {
                results.add(new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(), capabilities,
                        Status.EXCLUDED, planReason, List.of(), plugin.parameters().defaults().values(), Map.of(), Timing.NONE));
                continue;
            }
            var scores = new LinkedHashMap<String, Score>();
            outcome.scores().forEach((m, values) -> scores.put(m.id(), score(values)));
            String reason = outcome.status() == Status.EVALUATED ? planReason + tuningNote(outcome) : outcome.reason();
            // parameters stay the defaults; with tuning, the values actually fitted are the per-split choices.
            var tuning = new ArrayList<CandidateResult.FoldParameters>();
            for (int s = 0; s < outcome.chosen().size(); s++) {
                tuning.add(new CandidateResult.FoldParameters(splits.get(s).repeat(), splits.get(s).fold(),
                        outcome.chosen().get(s).values()));
            }
            results.add(new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(), capabilities,
                    outcome.status(), reason, outcome.candidate().recipe().describe(data.features()),
                    outcome.candidate().parameters().values(), scores,
                    new Timing(outcome.fitSeconds(), outcome.predictMicrosPerRow()), tuning, Optional.empty()));
        }
        results.replaceAll(r -> Diagnoser.attach(r, outcomes.get(r.id()), target));
        var recommendation = Recommender.recommend(results, metric, preference, preferenceReasons,
                splits.stream().mapToDouble(sp -> sp.test().length).sum()
                        / splits.stream().mapToDouble(sp -> sp.train().length).sum());
        List<SelectionResult.Claim> claims = List.of();
        if (spec.evaluation().claims()) {
            options.progress().accept("Checking the primer's claims on the data (learning curve, prediction time, "
                    + "masked values)");
            var byId = new HashMap<String, Evaluator.Candidate>();
            candidates.forEach(c -> byId.put(c.plugin().id(), c));
            claims = new ClaimChecker(spec.goal(), data.features(), target, splits, metric, seed, options.threads(),
                    Duration.ofSeconds(spec.evaluation().timeLimitSeconds())).check(results, byId);
        }
        var task = new SelectionResult.TaskSummary(spec.name(), spec.goal().id(), context.dataFileAsWritten(),
                spec.data().target(), metric.id(), metric.higherIsBetter(), metrics.stream().map(Metric::id).toList());
        var provenance = context.provenance();
        var pluginInfos = context.pluginInfos();
        return new SelectionResult(task, data.profile(), plan.facts(), plan.rules(), results, recommendation, provenance,
                pluginInfos, claims);
    }

    /** One search per tuned candidate and outer split, each with an equal share of the task's budget. */
    private static Optional<Tuner> tuner(TaskSpec spec, CandidatePlan plan, int splits, Metric metric, long seed) {
        TaskSpec.EvaluationSpec evaluation = spec.evaluation();
        long tuned = plan.included().stream().filter(e -> !e.plugin().parameters().parameters().isEmpty()).count();
        if (evaluation.tuning() == TaskSpec.Tuning.NONE || tuned == 0) {
            return Optional.empty();
        }
        Duration allowance = Budget.allowance(Duration.ofSeconds(evaluation.budgetSeconds()), (int) tuned, splits);
        return Optional.of(new Tuner(evaluation.tuning(), evaluation.trials(), allowance, spec.goal(), metric, seed));
    }

    private static String tuningNote(Evaluator.Outcome outcome) {
        if (!outcome.candidate().search().isPresent()) {
            return "";
        }
        String how = outcome.candidate().search().get() instanceof Tuner t ? t.describe() : "tuned";
        return "; tuned inside each outer training fold: " + how
                + (outcome.notes().isEmpty() ? "" : "; " + String.join("; ", outcome.notes()));
    }

    private static Score score(double[] values) {
        return RunContext.score(values);
    }

    /**
     * The ModelScout version, from the jar manifest when packaged.
     *
     * @return the version, or {@code dev} when run from classes
     */
    public static String version() {
        return RunContext.version();
    }
}
