package io.modelscout.selector.sequence;

import io.modelscout.api.Capability;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.SequenceModel;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.Profiler;
import io.modelscout.selector.eval.Diagnoser;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.rules.CandidatePlan;
import io.modelscout.selector.spec.GoalOptions;
import io.modelscout.selector.spec.SequenceOptions;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole selection for the goal model-sequences: read the sequences, plan candidates with the rulebook,
 * evaluate them on folds of whole sequences (or a fixed test file), recommend one, and gather what only sequences
 * show: the transition matrix of a hidden Markov model and continuations of held-out sequences. For the classify task
 * on sequences of one length, the ordinary classifiers also run on the positions as independent columns, on the same
 * folds: the order-free rivals the sequence models must beat.
 */
public final class SequenceRun {
    /** What a rival's reason starts with. */
    public static final String RIVAL_REASON = "order-free rival: treats positions as independent features";

    private SequenceRun() {
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
        var options = (SequenceOptions) spec.options();
        SequenceTask task = options.task();
        long seed = context.seed();
        SequenceReader.Read read = SequenceReader.read(spec);
        SequenceData train = read.train();
        context.progress().accept("Read " + describe(train) + " from " + train.file().getFileName()
                + read.test().map(t -> "; fixed test file " + t.file().getFileName() + ": " + describe(t)).orElse(""));
        check(spec, options, train, read.test());

        List<SequenceFolds.Part> parts = read.test().isPresent()
                ? SequenceFolds.fixed(train, read.test().orElseThrow())
                : SequenceFolds.crossValidation(train, task, spec.evaluation().folds(), spec.evaluation().repeats(),
                        seed);
        Metric metric = Metric.fromId(spec.evaluation().metric());
        var metrics = new ArrayList<Metric>();
        metrics.add(metric);
        Metric.forSequenceTask(task).stream().filter(m -> m != metric).forEach(metrics::add);

        Optional<Table> wide = task == SequenceTask.CLASSIFY ? wideTable(train, read.test()) : Optional.empty();
        // For classify the profile is of one row per sequence with its class, so that the rules see the labels.
        DataProfile profile = wide.isPresent() && read.test().isEmpty()
                ? Profiler.profile(wide.orElseThrow(), Optional.of(wide.orElseThrow().columnNames().getLast()))
                : profile(train, task);
        checkIds(spec, context.plugins());
        CandidatePlan plan = plan(context.rulebook(), spec, profile, context.plugins());
        var candidates = new ArrayList<SequenceEvaluator.Candidate>();
        for (CandidatePlan.Entry entry : plan.included()) {
            ModelPlugin plugin = entry.plugin();
            candidates.add(new SequenceEvaluator.Candidate(plugin, plugin.parameters().defaults()));
        }
        context.progress().accept("Evaluating " + candidates.size() + " sequence candidates on "
                + (read.test().isPresent() ? "the fixed test file" : parts.size() + " folds of whole sequences ("
                + spec.evaluation().folds() + " x " + spec.evaluation().repeats() + ")") + " with "
                + context.threads() + " threads");
        var evaluator = new SequenceEvaluator(task, parts, metrics, seed, context.threads(),
                Duration.ofSeconds(spec.evaluation().timeLimitSeconds()));
        var outcomes = new LinkedHashMap<String, SequenceEvaluator.Outcome>();
        for (SequenceEvaluator.Outcome outcome : evaluator.evaluate(candidates)) {
            outcomes.put(outcome.candidate().plugin().id(), outcome);
        }
        List<String> levels = levels(train, task);

        var results = new LinkedHashMap<String, CandidateResult>();
        var preference = new HashMap<String, Integer>();
        var preferenceReasons = new HashMap<String, List<String>>();
        for (CandidatePlan.Entry entry : plan.entries()) {
            ModelPlugin plugin = entry.plugin();
            preference.put(plugin.id(), entry.preference());
            preferenceReasons.put(plugin.id(), entry.reasons().stream()
                    .filter(r -> r.startsWith("preferred") || r.startsWith("avoided")).toList());
            String planReason = String.join("; ", entry.reasons());
            SequenceEvaluator.Outcome outcome = outcomes.get(plugin.id());
            if (outcome == null) {
                results.put(plugin.id(), excluded(plugin, planReason));
                continue;
            }
            var scores = new LinkedHashMap<String, Score>();
            outcome.scores().forEach((m, values) -> scores.put(m.id(), RunContext.score(values)));
            Optional<CandidateResult.Diagnostics> diagnostics = Optional.empty();
            if (outcome.status() == Status.EVALUATED && outcome.confusion().length == levels.size()
                    && task != SequenceTask.NEXT) {
                diagnostics = Optional.of(confusion(levels, outcome.confusion()));
            }
            results.put(plugin.id(), new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(),
                    capabilities(plugin), outcome.status(),
                    outcome.status() == Status.EVALUATED ? planReason : outcome.reason(), List.of(),
                    plugin.parameters().defaults().values(), scores,
                    new Timing(outcome.fitSeconds(), outcome.predictMicrosPerPosition()), List.of(), diagnostics));
        }

        var rivals = new ArrayList<String>();
        if (wide.isPresent()) {
            rivals.addAll(rivals(context, spec, wide.orElseThrow(), parts, train, metrics, seed, results, preference,
                    preferenceReasons, outcomes.keySet()));
        }

        List<CandidateResult> all = new ArrayList<>(results.values());
        all.sort(java.util.Comparator.comparing(CandidateResult::id));
        double ratio = read.test().isPresent() ? Double.NaN : testTrainRatio(parts);
        var recommendation = Recommender.recommend(all, metric, preference, preferenceReasons, ratio);

        String where = read.test().isPresent() ? "fitted on the training file" : "fitted on the training part of fold 1";
        Optional<SequenceDetails.Transitions> transitions = transitions(all, outcomes, recommendation, metric,
                preference, where);
        List<SequenceDetails.Continuation> continuations = List.of();
        if (task == SequenceTask.NEXT && recommendation.isPresent()) {
            SequenceEvaluator.Outcome winner = outcomes.get(recommendation.orElseThrow().candidate());
            if (winner != null && winner.firstModel().isPresent()) {
                continuations = continuations(winner.candidate().plugin().id(), winner.firstModel().orElseThrow(),
                        parts.getFirst().test(), options, seed, context);
            }
        }
        Optional<String> testFile = options.test().map(p -> asWritten(spec, p));
        String evaluation = read.test().isPresent()
                ? "fitted on " + train.file().getFileName() + " (" + train.count() + " sequences), scored once on the "
                        + "fixed test file " + read.test().orElseThrow().file().getFileName() + " ("
                        + read.test().orElseThrow().count() + " sequences)"
                : spec.evaluation().folds() + "-fold cross-validation" + (spec.evaluation().repeats() > 1 ? ", "
                        + spec.evaluation().repeats() + " repeats," : "") + " over whole sequences (no sequence on "
                        + "both sides of a fold)" + (task == SequenceTask.CLASSIFY ? ", stratified by class" : "");
        var details = new SequenceDetails(task.id(), options.shape().id(), describe(train)
                + read.test().map(t -> "; test file: " + describe(t)).orElse(""), evaluation, testFile, levels, rivals,
                transitions, continuations);

        Optional<String> target = switch (task) {
            case LABEL -> Optional.of(train.sequences().labels().orElseThrow().name());
            case CLASSIFY -> Optional.of(train.sequences().classes().orElseThrow().name());
            case NEXT -> Optional.empty();
        };
        var summary = new SelectionResult.TaskSummary(spec.name(), spec.goal().id(), context.dataFileAsWritten(),
                target, metric.id(), metric.higherIsBetter(), metrics.stream().map(Metric::id).toList());
        SelectionResult.Provenance provenance = context.provenance();
        if (read.test().isPresent()) {
            provenance = new SelectionResult.Provenance(provenance.modelscoutVersion(), provenance.seed(), 1, 1,
                    provenance.threads(), provenance.startedAt(), provenance.seconds(), provenance.versions());
        }
        var facts = new ArrayList<>(plan.facts());
        return new SelectionResult(summary, profile, facts, plan.rules(), all, recommendation, provenance,
                context.pluginInfos(), List.of(), Optional.of(details));
    }

    /**
     * The rulebook's plan for a sequence task, with each plugin kept to the tasks its capabilities declare:
     * {@code LABELS_POSITIONS} for label, {@code CLASSIFIES_SEQUENCES} for classify, {@code PREDICTS_NEXT} for
     * next, and {@code SEQUENTIAL} for label and next. Capabilities are declared, never found out by trying.
     *
     * @param rulebook the rules
     * @param spec the task, of goal model-sequences
     * @param profile the profile of the positions
     * @param plugins every registered plugin
     * @return the plan
     */
    public static CandidatePlan plan(io.modelscout.selector.rules.Rulebook rulebook, TaskSpec spec,
                                     DataProfile profile, java.util.Set<ModelPlugin> plugins) {
        CandidatePlan plan = rulebook.plan(spec, profile, plugins);
        SequenceTask task = ((SequenceOptions) spec.options()).task();
        Capability needed = switch (task) {
            case LABEL -> Capability.LABELS_POSITIONS;
            case CLASSIFY -> Capability.CLASSIFIES_SEQUENCES;
            case NEXT -> Capability.PREDICTS_NEXT;
        };
        var entries = new ArrayList<CandidatePlan.Entry>();
        for (CandidatePlan.Entry entry : plan.entries()) {
            ModelPlugin plugin = entry.plugin();
            String gate = null;
            if (!plugin.goals().contains(Goal.MODEL_SEQUENCES)) {
                gate = null;
            } else if (!plugin.capabilities().contains(needed)) {
                gate = "does not declare " + needed.name() + ", which task " + task.id() + " needs";
            } else if (task != SequenceTask.CLASSIFY && !plugin.capabilities().contains(Capability.SEQUENTIAL)) {
                gate = "does not declare SEQUENTIAL: a model without an order of positions never gets task "
                        + task.id();
            }
            if (gate == null) {
                entries.add(entry);
            } else {
                var reasons = new ArrayList<>(entry.reasons());
                reasons.add(gate);
                entries.add(new CandidatePlan.Entry(plugin, false, reasons, entry.preference()));
            }
        }
        return new CandidatePlan(plan.facts(), plan.rules(), entries);
    }

    // ---- checks ----

    private static void check(TaskSpec spec, SequenceOptions options, SequenceData train,
                              Optional<SequenceData> test) throws SpecException {
        String file = spec.source().toString();
        var errors = new ArrayList<SpecError>();
        Sequences sequences = train.sequences();
        if (options.task() == SequenceTask.NEXT) {
            Table positions = sequences.positions();
            if (positions.columnCount() != 1 || !(positions.column(0) instanceof CategoricalColumn)) {
                errors.add(new SpecError(file, "sequences.task", "next predicts the next symbol, which needs exactly "
                        + "one nominal feature column; the positions have " + positions.columnCount()
                        + " columns (" + String.join(", ", positions.columnNames().stream().limit(8).toList())
                        + ")" + (positions.columnCount() == 1 ? ", numeric" : ""), 0, 0));
            }
        }
        if (options.task() == SequenceTask.CLASSIFY) {
            CategoricalColumn classes = sequences.classes().orElseThrow();
            long present = java.util.Arrays.stream(classes.counts()).filter(c -> c > 0).count();
            if (present < 2) {
                errors.add(new SpecError(file, "sequences.class", "'" + classes.name() + "' has " + present
                        + " class among the sequences; classification needs at least two", 0, 0));
            }
        }
        if (options.task() == SequenceTask.LABEL) {
            CategoricalColumn labels = sequences.labels().orElseThrow();
            long present = java.util.Arrays.stream(labels.counts()).filter(c -> c > 0).count();
            if (present < 2) {
                errors.add(new SpecError(file, "sequences.label", "the positions carry " + present
                        + " label; labelling needs at least two", 0, 0));
            }
        }
        if (test.isEmpty() && train.count() < spec.evaluation().folds()) {
            errors.add(new SpecError(file, "evaluation.folds", spec.evaluation().folds() + " folds need at least "
                    + spec.evaluation().folds() + " sequences, the data has " + train.count(), 0, 0));
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    private static void checkIds(TaskSpec spec, java.util.Set<ModelPlugin> plugins) throws SpecException {
        var known = new TreeSet<String>();
        plugins.forEach(p -> known.add(p.id()));
        var errors = new ArrayList<SpecError>();
        for (var entry : List.of(Map.entry("candidates.include", spec.candidates().include()),
                Map.entry("candidates.exclude", spec.candidates().exclude()))) {
            for (String id : entry.getValue()) {
                if (!known.contains(id)) {
                    errors.add(new SpecError(spec.source().toString(), entry.getKey(), "unknown model '" + id
                            + "'; known: " + String.join(", ", known), 0, 0));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    // ---- the order-free rivals ----

    /**
     * The sequences as one row each, positions as columns {@code p1..pL}, then the class: only when every sequence
     * has the same length and one feature column. With a fixed test file its rows follow the training rows.
     */
    static Optional<Table> wideTable(SequenceData train, Optional<SequenceData> test) {
        var all = new ArrayList<SequenceData>();
        all.add(train);
        test.ifPresent(all::add);
        int[] range = train.lengthRange();
        for (SequenceData d : all) {
            int[] r = d.lengthRange();
            if (r[0] != range[0] || r[1] != range[0] || d.sequences().positions().columnCount() != 1) {
                return Optional.empty();
            }
        }
        int length = range[0];
        int rows = all.stream().mapToInt(SequenceData::count).sum();
        Column feature = train.sequences().positions().column(0);
        var columns = new ArrayList<Column>();
        for (int j = 0; j < length; j++) {
            if (feature instanceof CategoricalColumn symbols) {
                int[] codes = new int[rows];
                int r = 0;
                for (SequenceData d : all) {
                    var column = (CategoricalColumn) d.sequences().positions().column(0);
                    for (int s = 0; s < d.count(); s++) {
                        codes[r++] = column.code(d.sequences().start(s) + j);
                    }
                }
                columns.add(NominalColumn.of("p" + (j + 1), symbols.levels(), codes));
            } else {
                double[] values = new double[rows];
                int r = 0;
                for (SequenceData d : all) {
                    var column = (NumericColumn) d.sequences().positions().column(0);
                    for (int s = 0; s < d.count(); s++) {
                        values[r++] = column.value(d.sequences().start(s) + j);
                    }
                }
                columns.add(NumericColumn.of("p" + (j + 1), values));
            }
        }
        CategoricalColumn classes = train.sequences().classes().orElseThrow();
        int[] codes = new int[rows];
        int r = 0;
        for (SequenceData d : all) {
            CategoricalColumn c = d.sequences().classes().orElseThrow();
            for (int s = 0; s < d.count(); s++) {
                codes[r++] = c.code(s);
            }
        }
        columns.add(NominalColumn.of(classes.name(), classes.levels(), codes));
        return Optional.of(new Table(train.sequences().positions().name(), columns));
    }

    private static List<String> rivals(RunContext context, TaskSpec spec, Table wide, List<SequenceFolds.Part> parts,
                                       SequenceData train, List<Metric> metrics, long seed,
                                       Map<String, CandidateResult> results, Map<String, Integer> preference,
                                       Map<String, List<String>> preferenceReasons, java.util.Set<String> sequenceIds)
            throws InterruptedException {
        String className = wide.columnNames().getLast();
        Table features = wide.without(className);
        Column target = wide.column(className);
        var facts = new HashMap<>(spec.facts());
        facts.put("sequential", true);
        var rivalSpec = new TaskSpec(spec.name(), Goal.CLASSIFY, new TaskSpec.DataSpec(spec.data().path(),
                spec.data().format(), Optional.of(className), List.of(), List.of()), facts, spec.evaluation(),
                spec.candidates(), spec.source(), GoalOptions.NONE);
        CandidatePlan plan = context.rulebook().plan(rivalSpec, Profiler.profile(wide, Optional.of(className)),
                context.plugins());
        List<Split> splits = new ArrayList<>();
        for (SequenceFolds.Part part : parts) {
            if (part.split().isPresent()) {
                splits.add(part.split().orElseThrow());
            } else {
                int n = part.train().count();
                int m = part.test().count();
                int[] trainRows = new int[n];
                int[] testRows = new int[m];
                java.util.Arrays.setAll(trainRows, i -> i);
                java.util.Arrays.setAll(testRows, i -> n + i);
                splits.add(new Split(0, 0, trainRows, testRows));
            }
        }
        var candidates = new ArrayList<Evaluator.Candidate>();
        for (CandidatePlan.Entry entry : plan.included()) {
            if (!sequenceIds.contains(entry.plugin().id())) {
                candidates.add(new Evaluator.Candidate(entry.plugin(), entry.plugin().parameters().defaults(),
                        Recipe.of(entry.plugin(), features)));
            }
        }
        context.progress().accept("Evaluating " + candidates.size() + " order-free classifiers on the positions as "
                + features.columnCount() + " independent columns, on the same " + splits.size() + " split"
                + (splits.size() == 1 ? "" : "s"));
        var evaluator = new Evaluator(Goal.CLASSIFY, features, target, splits, metrics, seed, context.threads(),
                Duration.ofSeconds(spec.evaluation().timeLimitSeconds()));
        var outcomes = new HashMap<String, Evaluator.Outcome>();
        for (Evaluator.Outcome outcome : evaluator.evaluate(candidates)) {
            outcomes.put(outcome.candidate().plugin().id(), outcome);
        }
        var ids = new ArrayList<String>();
        for (CandidatePlan.Entry entry : plan.entries()) {
            ModelPlugin plugin = entry.plugin();
            if (sequenceIds.contains(plugin.id()) || !plugin.goals().contains(Goal.CLASSIFY)) {
                continue;
            }
            String planReason = RIVAL_REASON + "; " + String.join("; ", entry.reasons());
            Evaluator.Outcome outcome = outcomes.get(plugin.id());
            if (outcome == null) {
                results.put(plugin.id(), excluded(plugin, planReason));
                continue;
            }
            ids.add(plugin.id());
            preference.put(plugin.id(), entry.preference());
            preferenceReasons.put(plugin.id(), entry.reasons().stream()
                    .filter(r -> r.startsWith("preferred") || r.startsWith("avoided")).toList());
            var scores = new LinkedHashMap<String, Score>();
            outcome.scores().forEach((m, values) -> scores.put(m.id(), RunContext.score(values)));
            var result = new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(),
                    capabilities(plugin), outcome.status(),
                    outcome.status() == Status.EVALUATED ? planReason : outcome.reason(),
                    outcome.candidate().recipe().describe(features), outcome.candidate().parameters().values(), scores,
                    new Timing(outcome.fitSeconds(), outcome.predictMicrosPerRow()));
            results.put(plugin.id(), Diagnoser.attach(result, outcome, target));
        }
        return ids;
    }

    // ---- what only sequences show ----

    private static Optional<SequenceDetails.Transitions> transitions(List<CandidateResult> all,
                                                                      Map<String, SequenceEvaluator.Outcome> outcomes,
                                                                      Optional<SelectionResult.Recommendation> recommendation,
                                                                      Metric metric, Map<String, Integer> preference,
                                                                      String where) {
        var order = new ArrayList<String>();
        recommendation.ifPresent(r -> order.add(r.candidate()));
        Recommender.rank(all, metric, preference).forEach(c -> order.add(c.id()));
        for (String id : order) {
            SequenceEvaluator.Outcome outcome = outcomes.get(id);
            if (outcome != null && outcome.transitions().isPresent()) {
                var matrix = new ArrayList<List<Double>>();
                for (double[] row : outcome.transitions().orElseThrow()) {
                    var values = new ArrayList<Double>(row.length);
                    for (double v : row) {
                        values.add(v);
                    }
                    matrix.add(values);
                }
                boolean winner = recommendation.isPresent() && recommendation.orElseThrow().candidate().equals(id);
                return Optional.of(new SequenceDetails.Transitions(id, (winner ? "the recommended model, "
                        : "the best-ranked candidate with hidden states, ") + where, matrix));
            }
        }
        return Optional.empty();
    }

    private static List<SequenceDetails.Continuation> continuations(String id, SequenceModel model, SequenceData test,
                                                                    SequenceOptions options, long seed,
                                                                    RunContext context) {
        var out = new ArrayList<SequenceDetails.Continuation>();
        Sequences sequences = test.sequences();
        for (int s = 0; s < sequences.count() && out.size() < options.continuations(); s++) {
            int length = sequences.length(s);
            if (length < 2) {
                continue;
            }
            int prefixLength = Math.min(options.prefixLength(), length - 1);
            Table whole = sequences.sequence(s);
            int[] prefixRows = new int[prefixLength];
            java.util.Arrays.setAll(prefixRows, i -> i);
            Table prefix = whole.select(prefixRows);
            // Seeded by the sequence's name, so each held-out sequence has its own draws whatever its place.
            long drawSeed = Seeds.mix(seed, "continuation " + test.ids().get(s), 0);
            var symbols = (CategoricalColumn) whole.column(0);
            try {
                Table generated = model.continueSequence(prefix, options.continuationLength(), drawSeed);
                if (generated == null || generated.rowCount() != options.continuationLength()
                        || !(generated.column(0) instanceof CategoricalColumn drawn)) {
                    context.progress().accept("No continuations: " + id + " returned "
                            + (generated == null ? "nothing" : generated.rowCount() + " rows") + " for "
                            + options.continuationLength() + " positions");
                    return List.of();
                }
                var prefixText = new ArrayList<String>();
                for (int i = 0; i < prefixLength; i++) {
                    prefixText.add(symbols.label(i));
                }
                var generatedText = new ArrayList<String>();
                for (int i = 0; i < drawn.size(); i++) {
                    generatedText.add(drawn.isMissing(i) ? "?" : drawn.label(i));
                }
                var actual = new ArrayList<String>();
                for (int i = prefixLength; i < length && actual.size() < options.continuationLength(); i++) {
                    actual.add(symbols.label(i));
                }
                out.add(new SequenceDetails.Continuation(id, test.ids().get(s), drawSeed, prefixText, generatedText,
                        actual));
            } catch (RuntimeException e) {
                context.progress().accept("No continuations: " + id + " failed to continue a sequence: " + e);
                return List.of();
            }
        }
        return out;
    }

    // ---- helpers ----

    /**
     * Reads and profiles a sequence task's data for commands that plan without evaluating ({@code explain}).
     *
     * @param spec the task, of goal model-sequences
     * @return the positions (with the position labels for task label), their profile
     * @throws SpecException when the task or its data is wrong
     */
    public static io.modelscout.selector.Selector.LoadedData load(TaskSpec spec) throws SpecException {
        var options = (SequenceOptions) spec.options();
        SequenceData train = SequenceReader.read(spec).train();
        Table positions = train.sequences().positions();
        Table table = profiled(train, options.task());
        return new io.modelscout.selector.Selector.LoadedData(table, positions, Optional.empty(),
                profile(train, options.task()), 0);
    }

    private static Table profiled(SequenceData train, SequenceTask task) {
        Table positions = train.sequences().positions();
        if (task != SequenceTask.LABEL) {
            return positions;
        }
        CategoricalColumn labels = train.sequences().labels().orElseThrow();
        String name = labels.name();
        var columns = new ArrayList<Column>(positions.columns());
        columns.add(positions.find(name).isPresent()
                ? NominalColumn.of(name + "_label", labels.levels(), labels.toCodes()) : labels);
        return new Table(positions.name(), columns);
    }

    private static DataProfile profile(SequenceData train, SequenceTask task) {
        Table table = profiled(train, task);
        return Profiler.profile(table, task == SequenceTask.LABEL
                ? Optional.of(table.columnNames().getLast()) : Optional.empty());
    }

    private static List<String> levels(SequenceData train, SequenceTask task) {
        Sequences s = train.sequences();
        return switch (task) {
            case LABEL -> s.labels().orElseThrow().levels();
            case CLASSIFY -> s.classes().orElseThrow().levels();
            case NEXT -> ((CategoricalColumn) s.positions().column(0)).levels();
        };
    }

    private static CandidateResult.Diagnostics confusion(List<String> levels, long[][] counts) {
        var rows = new ArrayList<List<Integer>>();
        for (long[] row : counts) {
            var cells = new ArrayList<Integer>();
            for (long v : row) {
                cells.add((int) Math.min(Integer.MAX_VALUE, v));
            }
            rows.add(cells);
        }
        return new CandidateResult.Diagnostics(levels, rows, List.of(), List.of(), List.of());
    }

    private static CandidateResult excluded(ModelPlugin plugin, String reason) {
        return new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(), capabilities(plugin),
                Status.EXCLUDED, reason, List.of(), plugin.parameters().defaults().values(), Map.of(), Timing.NONE);
    }

    private static List<String> capabilities(ModelPlugin plugin) {
        return plugin.capabilities().stream().map(Enum::name).sorted().toList();
    }

    private static double testTrainRatio(List<SequenceFolds.Part> parts) {
        double test = 0;
        double train = 0;
        for (SequenceFolds.Part part : parts) {
            test += part.test().count();
            train += part.train().count();
        }
        return test / train;
    }

    private static String describe(SequenceData data) {
        int[] range = data.lengthRange();
        Sequences s = data.sequences();
        Table positions = s.positions();
        String features;
        if (positions.columnCount() == 1) {
            Column c = positions.column(0);
            features = c instanceof CategoricalColumn cat ? "symbols '" + c.name() + "' (" + cat.levels().size()
                    + " levels)" : "numeric values '" + c.name() + "'";
        } else {
            features = positions.columnCount() + " feature columns";
        }
        String truth = s.labels().map(l -> ", " + l.levels().size() + " position labels")
                .orElse(s.classes().map(c -> ", " + c.levels().size() + " classes").orElse(""));
        return String.format(Locale.ROOT, "%d sequences, %d positions (length %s), %s%s", data.count(),
                positions.rowCount(), range[0] == range[1] ? String.valueOf(range[0]) : range[0] + " to " + range[1],
                features, truth);
    }

    private static String asWritten(TaskSpec spec, Path file) {
        Path folder = spec.source().toAbsolutePath().getParent();
        try {
            return folder == null ? file.toString() : folder.relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
