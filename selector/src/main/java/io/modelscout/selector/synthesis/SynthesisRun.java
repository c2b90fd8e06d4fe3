package io.modelscout.selector.synthesis;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Generator;
import io.modelscout.selector.data.Columns;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DatasetReader;
import io.modelscout.selector.data.Profiler;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Preprocessor;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.rules.CandidatePlan;
import io.modelscout.selector.rules.Rule;
import io.modelscout.selector.spec.DataChecks;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.SynthesisOptions;
import io.modelscout.selector.spec.SynthesisOptions.Priority;
import io.modelscout.selector.spec.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole selection for the goal generate: load and check the data, plan the synthesizers with the rulebook, fit
 * each on the training part of every fold and measure its rows against the held-out real part (fidelity, utility,
 * privacy), flag the ones that memorise, recommend one by the task's priority, then fit it on all rows and write the
 * synthetic rows.
 *
 * <p>Every seed derives from the task seed, the plugin id and the fold, never from scheduling, so results and the
 * written file are the same at any thread count. Each fit and sample runs on its own daemon thread under a time limit;
 * a synthesizer that throws, returns invalid rows or NaN scores is marked failed with its reason and the run goes on.
 */
public final class SynthesisRun {
    /** Each fold's held-out part needs at least this many rows for the measures to mean something. */
    public static final int MIN_TEST_ROWS = 20;
    /** Privacy distances are computed for at most this many synthetic and held-out rows per fold. */
    static final int DISTANCE_ROWS = 2000;
    /** The detection classifier sees at most this many real rows (drawn at random) and as many synthetic ones. */
    static final int DETECTION_ROWS = 2000;
    /** Written rows shown in the report. */
    static final int SAMPLE_ROWS = 10;
    /** Scores closer than this to the best count as tied; the rules' preferences then decide. */
    static final double TIE = 0.005;

    private static final List<Metric> METRICS = List.of(Metric.FIDELITY, Metric.COLUMN_SHAPES, Metric.PAIR_TRENDS,
            Metric.DETECTION_AUC, Metric.TSTR_RATIO, Metric.TSTR_SCORE, Metric.TRTR_SCORE, Metric.DCR_RATIO,
            Metric.COPY_RATE);

    private SynthesisRun() {
    }

    /**
     * Runs the selection.
     *
     * @param context the task, plugins, rulebook, seed and threads
     * @return the result
     * @throws SpecException when the task or its data is wrong
     * @throws InterruptedException when interrupted while evaluating
     */
    public static SelectionResult run(RunContext context) throws SpecException, InterruptedException {
        TaskSpec spec = context.spec();
        String source = spec.source().toString();
        var options = spec.options() instanceof SynthesisOptions o ? o : SynthesisOptions.defaults();
        SynthesisDefaults defaults = SynthesisDefaults.bundled();

        long rowsToWrite;
        Table table = DatasetReader.read(spec.data().path(), spec.data().format());
        DataChecks.check(spec, table);
        if (!spec.data().ignore().isEmpty()) {
            table = Columns.drop(table, spec.data().ignore());
        }
        var errors = new ArrayList<SpecError>();
        if (context.rows().isPresent()) {
            long rows = context.rows().orElseThrow();
            if (rows < 1 || rows > SynthesisOptions.MAX_ROWS) {
                errors.add(new SpecError(source, "--rows", "must be between 1 and " + SynthesisOptions.MAX_ROWS
                        + " (the most rows one run writes), got " + rows, 0, 0));
            }
            rowsToWrite = rows;
        } else {
            rowsToWrite = options.rows().orElse((long) table.rowCount());
        }
        Optional<String> target = options.target().or(() -> spec.data().target());
        String targetField = options.target().isPresent() ? "synthesis.target" : "data.target";
        if (target.isPresent() && table.find(target.orElseThrow()).isEmpty()) {
            errors.add(new SpecError(source, targetField, "no column '" + target.orElseThrow() + "'; columns: "
                    + String.join(", ", table.columnNames()), 0, 0));
        }
        if (options.priority() == Priority.UTILITY && target.isEmpty()) {
            errors.add(new SpecError(source, "synthesis.priority", "utility needs a column to predict: set "
                    + "synthesis.target or data.target", 0, 0));
        }
        Optional<String> focus = Optional.empty();
        if (options.condition().isPresent()) {
            var condition = options.condition().orElseThrow();
            var column = table.find(condition.column());
            if (column.isEmpty()) {
                errors.add(new SpecError(source, "synthesis.condition", "no column '" + condition.column()
                        + "'; columns: " + String.join(", ", table.columnNames()), 0, 0));
            } else if (!(column.orElseThrow() instanceof CategoricalColumn categorical)) {
                errors.add(new SpecError(source, "synthesis.condition." + condition.column(), "'" + condition.column()
                        + "' is numeric; a condition needs a nominal column", 0, 0));
            } else if (!categorical.levels().contains(condition.level())) {
                errors.add(new SpecError(source, "synthesis.condition." + condition.column(), "'" + condition.column()
                        + "' has no level '" + condition.level() + "'; levels: "
                        + String.join(", ", categorical.levels()), 0, 0));
            } else if (categorical.counts()[categorical.levels().indexOf(condition.level())] == 0) {
                errors.add(new SpecError(source, "synthesis.condition." + condition.column(), "level '"
                        + condition.level() + "' of '" + condition.column() + "' never occurs in the data: there is "
                        + "nothing to learn its rows from", 0, 0));
            } else if (target.isPresent() && target.orElseThrow().equals(condition.column())) {
                focus = Optional.of(condition.level());
            }
        }
        int folds = options.folds();
        if (table.rowCount() < folds * MIN_TEST_ROWS) {
            errors.add(new SpecError(source, "synthesis.folds", "the data has " + table.rowCount() + " rows; "
                    + folds + " folds need at least " + folds * MIN_TEST_ROWS + " (" + MIN_TEST_ROWS
                    + " held-out rows per fold)", 0, 0));
        }
        Map<String, ModelPlugin> byId = new HashMap<>();
        context.plugins().forEach(p -> byId.put(p.id(), p));
        var known = new TreeSet<>(byId.keySet());
        for (var entry : Map.of("candidates.include", spec.candidates().include(),
                "candidates.exclude", spec.candidates().exclude()).entrySet()) {
            for (String id : entry.getValue()) {
                if (!known.contains(id)) {
                    errors.add(new SpecError(source, entry.getKey(), "unknown model '" + id + "'; known: "
                            + String.join(", ", known), 0, 0));
                }
            }
        }
        ModelPlugin detectionJudge = judge(options, defaults, byId, "classify", Goal.CLASSIFY, source, errors);
        Optional<ModelPlugin> utilityJudge = Optional.empty();
        if (target.isPresent() && table.find(target.orElseThrow()).isPresent()) {
            boolean categorical = table.column(target.orElseThrow()) instanceof CategoricalColumn;
            utilityJudge = Optional.ofNullable(categorical ? detectionJudge
                    : judge(options, defaults, byId, "regress", Goal.REGRESS, source, errors));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(SpecError::field));
            throw new SpecException(errors);
        }
        context.progress().accept("Loaded " + table.rowCount() + " rows x " + table.columnCount() + " columns from "
                + spec.data().path().getFileName());

        DataProfile profile = Profiler.profile(table, Optional.empty());
        CandidatePlan plan = context.rulebook().plan(spec, profile, context.plugins());
        var excludedHere = new HashMap<String, String>();
        var candidates = new ArrayList<CandidatePlan.Entry>();
        for (CandidatePlan.Entry entry : plan.included()) {
            if (!entry.plugin().capabilities().contains(Capability.SAMPLES_NEW_DATA)) {
                excludedHere.put(entry.plugin().id(), "does not declare SAMPLES_NEW_DATA: only a model that can draw "
                        + "new rows can generate synthetic data");
            } else {
                candidates.add(entry);
            }
        }
        // Simpler synthesizers first (rules' preferences), then by id: the order of the table and of tie-breaks.
        candidates.sort(Comparator.comparing((CandidatePlan.Entry e) -> -e.preference())
                .thenComparing(e -> e.plugin().id()));
        Set<String> budgeted = budgeted(context, plan, defaults);
        Duration budget = Duration.ofSeconds(options.timeBudgetSeconds().orElse(defaults.budgetSeconds()));
        Duration timeLimit = Duration.ofSeconds(spec.evaluation().timeLimitSeconds());

        Column strata = target.map(table::column).filter(c -> c instanceof CategoricalColumn)
                .orElse(NumericColumn.of("row", new double[table.rowCount()]));
        List<Split> splits = Folds.make(strata, folds, 1, context.seed());
        context.progress().accept("Evaluating " + candidates.size() + " synthesizers on " + folds + " folds with "
                + context.threads() + " threads; judged by " + detectionJudge.id()
                + utilityJudge.map(j -> " (utility on '" + target.orElseThrow() + "': " + j.id() + ")").orElse(""));

        var setting = new Setting(table, splits, target, focus, detectionJudge, utilityJudge, context.seed(),
                new ConcurrentHashMap<>());
        var outcomes = evaluate(setting, candidates, budgeted, budget, timeLimit, context.threads());

        // Flags, results
        var flagged = new ArrayList<SynthesisDetails.Flag>();
        var results = new ArrayList<CandidateResult>();
        Map<String, CandidatePlan.Entry> entries = new LinkedHashMap<>();
        plan.entries().forEach(e -> entries.put(e.plugin().id(), e));
        var evaluated = new LinkedHashMap<String, Map<Metric, Score>>();
        for (CandidatePlan.Entry entry : candidates) {
            ModelPlugin plugin = entry.plugin();
            Outcome outcome = outcomes.get(plugin.id());
            String planReason = String.join("; ", entry.reasons());
            String limitNote = budgeted.contains(plugin.id()) ? "; time budget " + budget.toSeconds() + " s per fit"
                    : "";
            if (outcome.status() != Status.EVALUATED) {
                results.add(result(plugin, outcome.status(), outcome.reason(), Map.of(), Timing.NONE, setting));
                continue;
            }
            var scores = new LinkedHashMap<String, Score>();
            var byMetric = new EnumMap<Metric, Score>(Metric.class);
            outcome.scores().forEach((m, values) -> {
                Score score = RunContext.score(values);
                if (target.isPresent() || !m.id().startsWith("tstr") && m != Metric.TRTR_SCORE) {
                    scores.put(m.id(), score);
                    byMetric.put(m, score);
                }
            });
            String reason = planReason + limitNote;
            double copy = byMetric.get(Metric.COPY_RATE).mean();
            double dcr = byMetric.get(Metric.DCR_RATIO).mean();
            if (copy > defaults.maxCopyRate() || dcr < defaults.minDcrRatio()) {
                String why = String.format(Locale.ROOT, "copy_rate %.4f (flagged above %s), dcr_ratio %.3f (flagged "
                        + "below %s)", copy, plain(defaults.maxCopyRate()), dcr, plain(defaults.minDcrRatio()));
                flagged.add(new SynthesisDetails.Flag(plugin.id(), why));
                reason += "; flagged for memorising its training rows: " + why;
            } else {
                evaluated.put(plugin.id(), byMetric);
            }
            results.add(result(plugin, Status.EVALUATED, reason, scores,
                    new Timing(outcome.fitSeconds(), outcome.sampleMicrosPerRow()), setting));
        }
        for (CandidatePlan.Entry entry : plan.entries()) {
            if (candidates.contains(entry)) {
                continue;
            }
            ModelPlugin plugin = entry.plugin();
            String reason = excludedHere.getOrDefault(plugin.id(), String.join("; ", entry.reasons()));
            results.add(result(plugin, Status.EXCLUDED, reason, Map.of(), Timing.NONE, setting));
        }

        Optional<String> baseline = candidates.stream().map(CandidatePlan.Entry::plugin)
                .filter(p -> p.capabilities().contains(Capability.BASELINE))
                .filter(p -> outcomes.get(p.id()).status() == Status.EVALUATED).map(ModelPlugin::id).sorted()
                .findFirst();
        var allScores = new LinkedHashMap<String, Map<Metric, Score>>();
        for (CandidateResult r : results) {
            if (r.status() == Status.EVALUATED) {
                var m = new EnumMap<Metric, Score>(Metric.class);
                r.scores().forEach((id, s) -> m.put(Metric.fromId(id), s));
                allScores.put(r.id(), m);
            }
        }
        Map<String, Integer> preference = new HashMap<>();
        candidates.forEach(e -> preference.put(e.plugin().id(), e.preference()));
        var recommendation = recommend(options.priority(), target.isPresent(), evaluated, allScores, baseline,
                preference, byId, flagged);

        // The recommended synthesizer on all rows, then the file.
        var notes = new ArrayList<String>();
        String file = "";
        String path = "";
        long written = 0;
        Table synthetic = null;
        if (recommendation.isPresent()) {
            String id = recommendation.orElseThrow().candidate();
            ModelPlugin plugin = byId.get(id);
            context.progress().accept("Fitting " + id + " on all " + table.rowCount() + " rows for "
                    + rowsToWrite + " synthetic rows");
            try {
                synthetic = finalRows(plugin, table, options, rowsToWrite, context.seed(),
                        budgeted.contains(id) ? budget : timeLimit);
                if (context.outputDir().isPresent()) {
                    Path dir = context.outputDir().orElseThrow();
                    Files.createDirectories(dir);
                    file = spec.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-synthetic." + options.format().id();
                    Path out = dir.resolve(file);
                    Schema schema = Schema.of(table);
                    int[] decimals = schema.columns().stream().mapToInt(Schema.ColumnSchema::decimals).toArray();
                    SyntheticWriter.write(synthetic, decimals, options.format(), out);
                    path = out.toString();
                    written = synthetic.rowCount();
                } else {
                    notes.add("No output folder: the synthetic rows were not written.");
                }
            } catch (IOException e) {
                notes.add("The synthetic rows could not be written: " + e.getMessage());
                file = "";
                path = "";
            } catch (Exception e) {
                notes.add("Fitting " + id + " on all rows failed, so no rows were written: " + describe(e));
                synthetic = null;
            }
        } else {
            notes.add("No synthesizer was evaluated without a flag, so no rows were written.");
        }

        var details = details(options, target, baseline, flagged, detectionJudge, utilityJudge, table, synthetic,
                file, path, written, outcomes, candidates, notes);
        var metrics = new ArrayList<String>();
        Metric headline = headline(options.priority());
        metrics.add(headline.id());
        METRICS.stream().filter(m -> m != headline).filter(m -> target.isPresent()
                || m != Metric.TSTR_RATIO && m != Metric.TSTR_SCORE && m != Metric.TRTR_SCORE)
                .forEach(m -> metrics.add(m.id()));
        var task = new SelectionResult.TaskSummary(spec.name(), spec.goal().id(), context.dataFileAsWritten(), target,
                headline.id(), headline.higherIsBetter(), metrics);
        var base = context.provenance();
        var provenance = new SelectionResult.Provenance(base.modelscoutVersion(), base.seed(), folds, 1,
                base.threads(), base.startedAt(), base.seconds(), base.versions());
        return new SelectionResult(task, profile, plan.facts(), plan.rules(), results, recommendation, provenance,
                context.pluginInfos(), List.of(), Optional.of(details));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static ModelPlugin judge(SynthesisOptions options, SynthesisDefaults defaults,
                                     Map<String, ModelPlugin> byId, String role, Goal goal, String source,
                                     List<SpecError> errors) {
        if (options.judge().containsKey(role)) {
            String id = options.judge().get(role);
            ModelPlugin plugin = byId.get(id);
            if (plugin == null || !plugin.goals().contains(goal)) {
                var fitting = new TreeSet<String>();
                byId.values().stream().filter(p -> p.goals().contains(goal)).forEach(p -> fitting.add(p.id()));
                errors.add(new SpecError(source, "synthesis.judge." + role, (plugin == null ? "unknown model '"
                        : "'") + id + (plugin == null ? "'" : "' does not serve goal " + goal.id()) + "; models for "
                        + goal.id() + ": " + String.join(", ", fitting), 0, 0));
                return null;
            }
            return plugin;
        }
        List<String> ids = role.equals("classify") ? defaults.classifyJudges() : defaults.regressJudges();
        for (String id : ids) {
            ModelPlugin plugin = byId.get(id);
            if (plugin != null && plugin.goals().contains(goal)) {
                return plugin;
            }
        }
        errors.add(new SpecError(source, "synthesis.judge." + role, "none of the default judges ("
                + String.join(", ", ids) + ") is registered: name a plugin for goal " + goal.id(), 0, 0));
        return null;
    }

    /** The plugins that get the neural time budget: those the budget rule selects, when it fired. */
    private static Set<String> budgeted(RunContext context, CandidatePlan plan, SynthesisDefaults defaults) {
        boolean fired = plan.rules().stream().anyMatch(r -> r.id().equals(defaults.budgetRule()) && r.fired());
        if (!fired) {
            return Set.of();
        }
        Rule rule = context.rulebook().rules().stream().filter(r -> r.id().equals(defaults.budgetRule()))
                .findFirst().orElseThrow();
        var out = new TreeSet<String>();
        context.plugins().stream().filter(p -> rule.select().matches(p)).forEach(p -> out.add(p.id()));
        return out;
    }

    private static CandidateResult result(ModelPlugin plugin, Status status, String reason, Map<String, Score> scores,
                                          Timing timing, Setting setting) {
        var capabilities = plugin.capabilities().stream().map(Enum::name).sorted().toList();
        var steps = new ArrayList<String>();
        if (status != Status.EXCLUDED && !plugin.capabilities().contains(Capability.HANDLES_MISSING_DATA)
                && setting.table().missingCount() > 0) {
            steps.add("impute missing cells with the training part's mean (numeric) or mode (categorical), then blank "
                    + "each column's share of missing cells in the synthetic rows");
        }
        return new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(), capabilities, status,
                reason, steps, plugin.parameters().defaults().values(), scores, timing);
    }

    // ---- evaluation ----

    /** What every fold evaluation shares. */
    private record Setting(Table table, List<Split> splits, Optional<String> target, Optional<String> focus,
                           ModelPlugin detection, Optional<ModelPlugin> utility, long seed,
                           Map<Integer, Double> trtr) {
    }

    /** One synthesizer's outcome over all folds. */
    private record Outcome(Status status, String reason, Map<Metric, double[]> scores, double fitSeconds,
                           double sampleMicrosPerRow, List<Fidelity.Comparison> firstFold,
                           Map<String, double[]> curves) {
    }

    private sealed interface FoldResult {
        record Done(double[] scores, long fitNanos, long sampleNanos, int rows, List<Fidelity.Comparison> comparisons,
                    Map<String, double[]> curves) implements FoldResult {
        }

        record Failed(Status status, String reason) implements FoldResult {
        }

        record Skipped() implements FoldResult {
        }
    }

    private static Map<String, Outcome> evaluate(Setting setting, List<CandidatePlan.Entry> candidates,
                                                 Set<String> budgeted, Duration budget, Duration timeLimit,
                                                 int threads) throws InterruptedException {
        int folds = setting.splits().size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            var thread = new Thread(r, "modelscout-synthesis");
            thread.setDaemon(true);
            return thread;
        });
        var holdout = new ConcurrentHashMap<Integer, double[]>();
        var futures = new ArrayList<List<Future<FoldResult>>>();
        try {
            for (CandidatePlan.Entry entry : candidates) {
                ModelPlugin plugin = entry.plugin();
                var gaveUp = new AtomicBoolean();
                Duration limit = budgeted.contains(plugin.id()) ? budget : timeLimit;
                var perFold = new ArrayList<Future<FoldResult>>();
                for (int f = 0; f < folds; f++) {
                    int fold = f;
                    perFold.add(pool.submit(() -> {
                        if (gaveUp.get()) {
                            return new FoldResult.Skipped();
                        }
                        FoldResult result;
                        try {
                            result = fold(setting, plugin, fold, limit, holdout);
                        } catch (Throwable e) {
                            result = new FoldResult.Failed(Status.FAILED, where(fold) + describe(e));
                        }
                        if (result instanceof FoldResult.Failed) {
                            gaveUp.set(true);
                        }
                        return result;
                    }));
                }
                futures.add(perFold);
            }
            var outcomes = new HashMap<String, Outcome>();
            for (int c = 0; c < candidates.size(); c++) {
                var perFold = new ArrayList<FoldResult>();
                for (Future<FoldResult> future : futures.get(c)) {
                    try {
                        perFold.add(future.get());
                    } catch (ExecutionException e) {
                        perFold.add(new FoldResult.Failed(Status.FAILED, describe(e)));
                    }
                }
                outcomes.put(candidates.get(c).plugin().id(), summarise(perFold));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome summarise(List<FoldResult> perFold) {
        for (FoldResult result : perFold) {
            if (result instanceof FoldResult.Failed failed) {
                return new Outcome(failed.status(), failed.reason(), Map.of(), 0, 0, List.of(), Map.of());
            }
        }
        var scores = new EnumMap<Metric, double[]>(Metric.class);
        for (int m = 0; m < METRICS.size(); m++) {
            double[] values = new double[perFold.size()];
            for (int f = 0; f < perFold.size(); f++) {
                values[f] = ((FoldResult.Done) perFold.get(f)).scores()[m];
            }
            scores.put(METRICS.get(m), values);
        }
        long fit = 0;
        long sample = 0;
        long rows = 0;
        for (FoldResult result : perFold) {
            var done = (FoldResult.Done) result;
            fit += done.fitNanos();
            sample += done.sampleNanos();
            rows += done.rows();
        }
        var first = (FoldResult.Done) perFold.getFirst();
        return new Outcome(Status.EVALUATED, "", scores, fit / 1e9 / perFold.size(),
                rows == 0 ? 0 : sample / 1e3 / rows, first.comparisons(), first.curves());
    }

    private static String where(int fold) {
        return "fold " + (fold + 1) + ": ";
    }

    /** A fitted generator and its rows, from a worker thread. */
    private record Drawn(Generator generator, Table rows, long fitNanos, long sampleNanos) {
    }

    private static FoldResult fold(Setting setting, ModelPlugin plugin, int fold, Duration limit,
                                   Map<Integer, double[]> holdout) throws Exception {
        Split split = setting.splits().get(fold);
        Table train = setting.table().select(split.train());
        Table test = setting.table().select(split.test());
        Schema schema = Schema.of(train);
        long seed = Seeds.mix(setting.seed(), plugin.id(), fold);
        boolean handlesMissing = plugin.capabilities().contains(Capability.HANDLES_MISSING_DATA);
        Table fitTable = prepare(schema.fitTable(train), handlesMissing);
        Timed timed = timed(() -> draw(plugin, fitTable, train.rowCount(), seed, Optional.empty()), limit);
        if (timed.failure() != null) {
            return new FoldResult.Failed(timed.failure().status(), where(fold) + timed.failure().reason());
        }
        Drawn d = timed.drawn();
        Table synthetic;
        try {
            synthetic = schema.restore(d.rows(), handlesMissing, Seeds.mix(seed, "missing", fold));
        } catch (IllegalStateException e) {
            return new FoldResult.Failed(Status.FAILED, where(fold) + e.getMessage());
        }
        double shapes = Fidelity.columnShapes(test, synthetic);
        double trends = Fidelity.pairTrends(test, synthetic);
        Table detectionReal = test.rowCount() <= DETECTION_ROWS ? test
                : test.select(subsample(test.rowCount(), DETECTION_ROWS, Seeds.mix(setting.seed(), "detection", fold)));
        double auc = Judge.detectionAuc(setting.detection(), detectionReal, synthetic,
                Seeds.mix(seed, "detection", fold));
        double tstrRatio = Double.NaN;
        double tstr = Double.NaN;
        double trtr = Double.NaN;
        if (setting.target().isPresent()) {
            long utilitySeed = Seeds.mix(setting.seed(), "utility", fold);
            // the real-on-real reference is the same for every synthesizer: fitted once per fold
            double reference = setting.trtr().computeIfAbsent(fold, _ -> {
                try {
                    return Judge.score(setting.utility().orElseThrow(), train, test, setting.target().orElseThrow(),
                            setting.focus(), utilitySeed);
                } catch (Exception e) {
                    throw new IllegalStateException("the utility model failed on the real rows: " + describe(e), e);
                }
            });
            var utility = Judge.utility(setting.utility().orElseThrow(), reference, synthetic, test,
                    setting.target().orElseThrow(), setting.focus(), utilitySeed);
            tstr = utility.tstr();
            trtr = utility.trtr();
            tstrRatio = utility.ratio();
        }
        var privacy = new Privacy(train);
        double[] real = holdout.computeIfAbsent(fold, _ -> privacy.closest(test.select(Judge.range(Math.min(
                DISTANCE_ROWS, test.rowCount())))));
        double[] synth = privacy.closest(synthetic.select(Judge.range(Math.min(DISTANCE_ROWS,
                synthetic.rowCount()))));
        double copy = Privacy.copyRate(synth);
        double dcr = Privacy.dcrRatio(synth, real);
        double detectionScore = Math.max(0, Math.min(1, 2 * (1 - auc)));
        double fidelity = (shapes + trends + detectionScore) / 3;
        double[] scores = {fidelity, shapes, trends, auc, tstrRatio, tstr, trtr, dcr, copy};
        for (int m = 0; m < scores.length; m++) {
            boolean utilityMetric = m >= 4 && m <= 6;
            if (Double.isNaN(scores[m]) && !(utilityMetric && setting.target().isEmpty())) {
                return new FoldResult.Failed(Status.FAILED, where(fold) + METRICS.get(m).id() + " is NaN");
            }
        }
        var curves = new LinkedHashMap<String, double[]>();
        if (fold == 0) {
            d.generator().trainingCurves().forEach((name, values) -> curves.put(name, values.clone()));
        }
        return new FoldResult.Done(scores, d.fitNanos(), d.sampleNanos(), synthetic.rowCount(),
                fold == 0 ? Fidelity.compare(test, synthetic) : List.of(), curves);
    }

    /** {@code k} of {@code n} row indices drawn without replacement, ascending. */
    static int[] subsample(int n, int k, long seed) {
        int[] order = Judge.range(n);
        var random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = Arrays.copyOf(order, k);
        Arrays.sort(out);
        return out;
    }

    /** Imputes the fit table when the plugin does not take missing cells. */
    private static Table prepare(Table fitTable, boolean handlesMissing) {
        if (handlesMissing || fitTable.missingCount() == 0) {
            return fitTable;
        }
        return Preprocessor.prepare(new Recipe(true, false, false, false), fitTable, fitTable.select(new int[0]))
                .train();
    }

    private static Drawn draw(ModelPlugin plugin, Table fitTable, long rows, long seed,
                              Optional<SynthesisOptions.Condition> condition) throws Exception {
        long t0 = System.nanoTime();
        FittedModel model = plugin.fit(new FitRequest(Goal.GENERATE, fitTable, Optional.empty(),
                plugin.parameters().defaults(), seed));
        long t1 = System.nanoTime();
        if (!(model instanceof Generator generator)) {
            throw new IllegalStateException("fit returned " + (model == null ? "null" : model.getClass()
                    .getSimpleName()) + ", not a generator");
        }
        long sampleSeed = Seeds.mix(seed, "sample", 0);
        Table rows0 = condition.isPresent()
                ? generator.sampleWhere((int) rows, sampleSeed, condition.orElseThrow().column(),
                        condition.orElseThrow().level())
                : generator.sample((int) rows, sampleSeed);
        long t2 = System.nanoTime();
        if (rows0 == null || rows0.rowCount() != rows) {
            throw new IllegalStateException("sample returned " + (rows0 == null ? "null" : rows0.rowCount() + " rows")
                    + " for " + rows + " rows asked");
        }
        return new Drawn(generator, rows0, t1 - t0, t2 - t1);
    }

    /** A task that may throw. */
    private interface Work<T> {
        T call() throws Exception;
    }

    /** The rows drawn, or why there are none. */
    private record Timed(Drawn drawn, FoldResult.Failed failure) {
    }

    /** Runs work on its own daemon thread under a time limit. */
    private static Timed timed(Work<Drawn> work, Duration limit) throws InterruptedException {
        var task = new FutureTask<>(work::call);
        var worker = new Thread(task, "modelscout-synthesis-fit");
        worker.setDaemon(true);
        worker.start();
        try {
            return new Timed(task.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            worker.interrupt();
            return new Timed(null, new FoldResult.Failed(Status.TIMED_OUT, "fit and sample took longer than "
                    + limit.toSeconds() + " s"));
        } catch (ExecutionException e) {
            return new Timed(null, new FoldResult.Failed(Status.FAILED, describe(e.getCause())));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof ExecutionException || root instanceof java.util.concurrent.CompletionException
                || root instanceof java.lang.reflect.InvocationTargetException
                || root instanceof ExceptionInInitializerError) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static Table finalRows(ModelPlugin plugin, Table table, SynthesisOptions options, long rows, long seed,
                                   Duration limit) throws Exception {
        Schema schema = Schema.of(table);
        boolean handlesMissing = plugin.capabilities().contains(Capability.HANDLES_MISSING_DATA);
        Table fitTable = prepare(schema.fitTable(table), handlesMissing);
        Optional<SynthesisOptions.Condition> condition = options.condition()
                .filter(c -> !schema.degenerate().contains(c.column()));
        long fitSeed = Seeds.mix(seed, plugin.id(), -1);
        Timed timed = timed(() -> draw(plugin, fitTable, rows, fitSeed, condition), limit);
        if (timed.failure() != null) {
            throw new IllegalStateException(timed.failure().reason());
        }
        return schema.restore(timed.drawn().rows(), handlesMissing, Seeds.mix(fitSeed, "missing", 0));
    }

    // ---- recommendation ----

    private static Metric headline(Priority priority) {
        return switch (priority) {
            case FIDELITY -> Metric.FIDELITY;
            case UTILITY -> Metric.TSTR_RATIO;
            case PRIVACY -> Metric.DCR_RATIO;
        };
    }

    private static Optional<SelectionResult.Recommendation> recommend(Priority priority, boolean utility,
            Map<String, Map<Metric, Score>> unflagged, Map<String, Map<Metric, Score>> all, Optional<String> baseline,
            Map<String, Integer> preference, Map<String, ModelPlugin> byId, List<SynthesisDetails.Flag> flagged) {
        if (unflagged.isEmpty()) {
            return Optional.empty();
        }
        Metric headline = headline(priority);
        var reasons = new ArrayList<String>();
        var pool = new ArrayList<String>();
        Map<Metric, Score> base = baseline.map(all::get).orElse(null);
        for (var entry : unflagged.entrySet()) {
            if (baseline.isPresent() && entry.getKey().equals(baseline.orElseThrow())) {
                continue;
            }
            if (base == null || beats(entry.getValue(), base, utility)) {
                pool.add(entry.getKey());
            }
        }
        String chosen;
        if (pool.isEmpty()) {
            if (baseline.isPresent() && unflagged.containsKey(baseline.orElseThrow())) {
                chosen = baseline.orElseThrow();
                reasons.add("No synthesizer beats the independent-marginals baseline " + chosen + " on pair trends"
                        + (utility ? " and TSTR" : "") + ", so the baseline itself is recommended: its rows keep each "
                        + "column's distribution but none of the relations between columns.");
            } else {
                return Optional.empty();
            }
        } else {
            pool.sort(Comparator.comparing((String id) -> -value(all.get(id), headline)).thenComparing(id -> id));
            double best = value(all.get(pool.getFirst()), headline);
            var tied = pool.stream().filter(id -> best - value(all.get(id), headline) <= TIE).sorted(
                    Comparator.comparing((String id) -> -preference.getOrDefault(id, 0))
                            .thenComparing(id -> -value(all.get(id), headline)).thenComparing(id -> id)).toList();
            chosen = tied.getFirst();
            double score = value(all.get(chosen), headline);
            reasons.add(String.format(Locale.ROOT, "%s has the best %s priority: %s %.4f (sd %.4f) among %d "
                            + "synthesizers that beat the independent-marginals baseline%s.", byId.get(chosen)
                            .displayName(), priority.id(), headline.id(), score, all.get(chosen).get(headline).sd(),
                    pool.size(), base == null ? " (no baseline was evaluated)" : ""));
            if (tied.size() > 1 && !tied.getFirst().equals(pool.getFirst())) {
                reasons.add("It is within " + TIE + " of " + pool.getFirst() + " and the rules prefer it (simpler "
                        + "generators first when rows are few).");
            }
            if (base != null) {
                reasons.add(String.format(Locale.ROOT, "It beats the baseline %s on pair trends (%.4f against %.4f)%s.",
                        baseline.orElseThrow(), value(all.get(chosen), Metric.PAIR_TRENDS),
                        value(base, Metric.PAIR_TRENDS), utility ? String.format(Locale.ROOT,
                                " and on TSTR (tstr_ratio %.4f against %.4f)", value(all.get(chosen), Metric.TSTR_RATIO),
                                value(base, Metric.TSTR_RATIO)) : ""));
            }
        }
        reasons.add(tradeOff(chosen, priority, utility, unflagged, all));
        if (!flagged.isEmpty()) {
            reasons.add("Never recommended, flagged for memorising: " + String.join(", ",
                    flagged.stream().map(SynthesisDetails.Flag::candidate).toList()) + ".");
        }
        return Optional.of(new SelectionResult.Recommendation(chosen, headline.id(), value(all.get(chosen), headline),
                reasons));
    }

    private static boolean beats(Map<Metric, Score> candidate, Map<Metric, Score> base, boolean utility) {
        return value(candidate, Metric.PAIR_TRENDS) > value(base, Metric.PAIR_TRENDS)
                && (!utility || value(candidate, Metric.TSTR_RATIO) > value(base, Metric.TSTR_RATIO));
    }

    private static double value(Map<Metric, Score> scores, Metric metric) {
        Score score = scores.get(metric);
        return score == null ? Double.NaN : score.mean();
    }

    /** Where the other two priorities would have led. */
    private static String tradeOff(String chosen, Priority priority, boolean utility,
                                   Map<String, Map<Metric, Score>> unflagged, Map<String, Map<Metric, Score>> all) {
        var parts = new ArrayList<String>();
        for (Priority other : Priority.values()) {
            if (other == priority || other == Priority.UTILITY && !utility) {
                continue;
            }
            Metric m = headline(other);
            String best = unflagged.keySet().stream().sorted(Comparator.comparing((String id) ->
                    -value(all.get(id), m)).thenComparing(id -> id)).findFirst().orElseThrow();
            if (best.equals(chosen)) {
                parts.add(String.format(Locale.ROOT, "it is also the best on %s (%s %.4f)", other.id(), m.id(),
                        value(all.get(chosen), m)));
            } else {
                parts.add(String.format(Locale.ROOT, "a %s priority would point to %s (%s %.4f against %.4f%s)",
                        other.id(), best, m.id(), value(all.get(best), m), value(all.get(chosen), m),
                        other == Priority.PRIVACY ? ": its rows lie farther from the training rows"
                                : other == Priority.UTILITY ? ": a model learns the target better from its rows"
                                : ": its rows look more like the real ones"));
            }
        }
        return "Trade-off: " + (parts.isEmpty() ? "none measured" : String.join("; ", parts)) + ".";
    }

    // ---- details ----

    private static SynthesisDetails details(SynthesisOptions options, Optional<String> target,
                                            Optional<String> baseline, List<SynthesisDetails.Flag> flagged,
                                            ModelPlugin detection, Optional<ModelPlugin> utility, Table table,
                                            Table synthetic, String file, String path, long written,
                                            Map<String, Outcome> outcomes, List<CandidatePlan.Entry> candidates,
                                            List<String> notes) {
        var judges = new ArrayList<SynthesisDetails.Judged>();
        judges.add(new SynthesisDetails.Judged("detection", detection.id()));
        utility.ifPresent(u -> judges.add(new SynthesisDetails.Judged("utility", u.id())));
        var columns = table.columnNames();
        List<List<Double>> real = List.of();
        List<List<Double>> synth = List.of();
        List<Fidelity.Comparison> comparisons = List.of();
        var sample = new ArrayList<List<String>>();
        if (synthetic != null) {
            Table reference = table;
            if (options.condition().isPresent()) {
                var c = options.condition().orElseThrow();
                var column = (CategoricalColumn) table.column(c.column());
                int code = column.levels().indexOf(c.level());
                reference = table.select(java.util.stream.IntStream.range(0, table.rowCount())
                        .filter(i -> column.code(i) == code).toArray());
            }
            real = rows(Fidelity.associations(reference, reference));
            synth = rows(Fidelity.associations(synthetic, reference));
            comparisons = Fidelity.compare(reference, synthetic);
            int[] decimals = Schema.of(table).columns().stream().mapToInt(Schema.ColumnSchema::decimals).toArray();
            for (int i = 0; i < Math.min(SAMPLE_ROWS, synthetic.rowCount()); i++) {
                var row = new ArrayList<String>();
                for (int j = 0; j < synthetic.columnCount(); j++) {
                    row.add(switch (synthetic.column(j)) {
                        case NumericColumn c -> Double.isNaN(c.value(i)) ? "?" : SyntheticWriter.fixed(c.value(i),
                                decimals[j]);
                        case CategoricalColumn c -> c.isMissing(i) ? "?" : c.label(i);
                    });
                }
                sample.add(row);
            }
        }
        var others = new ArrayList<SynthesisDetails.CandidateComparisons>();
        var curves = new ArrayList<SynthesisDetails.Curve>();
        for (CandidatePlan.Entry entry : candidates) {
            Outcome outcome = outcomes.get(entry.plugin().id());
            if (outcome.status() != Status.EVALUATED) {
                continue;
            }
            others.add(new SynthesisDetails.CandidateComparisons(entry.plugin().id(), outcome.firstFold()));
            outcome.curves().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> curves.add(
                    new SynthesisDetails.Curve(entry.plugin().id(), e.getKey(),
                            Arrays.stream(e.getValue()).boxed().toList())));
        }
        return new SynthesisDetails(options.priority().id(), target,
                options.condition().map(c -> c.column() + " = " + c.level()), baseline.orElse(""), flagged, judges,
                file, path, written, options.format().id(), columns, real, synth, comparisons, others, curves, sample,
                notes);
    }

    private static List<List<Double>> rows(double[][] matrix) {
        var out = new ArrayList<List<Double>>();
        for (double[] row : matrix) {
            out.add(Arrays.stream(row).boxed().toList());
        }
        return out;
    }
}
