package io.modelscout.selector.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
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
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.rules.CandidatePlan;
import io.modelscout.selector.spec.DataChecks;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.UnsupervisedChecks;
import io.modelscout.selector.spec.UnsupervisedOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The whole selection for the goals cluster, detect-anomalies and estimate-density. */
public final class UnsupervisedRun {
    /** The rule that points a task with known groups to classification. */
    static final String KNOWN_GROUPS_RULE = "known-groups-point-to-classify";
    /** The user fact stating the groups are known. */
    static final String GROUPS_KNOWN = "groups_known";

    private UnsupervisedRun() {
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
        var options = (UnsupervisedOptions) spec.options();
        Table raw = DatasetReader.read(spec.data().path(), spec.data().format());
        DataChecks.check(spec, raw);
        UnsupervisedChecks.check(spec, raw);
        Table table = spec.data().ignore().isEmpty() ? raw : Columns.drop(raw, spec.data().ignore());
        Optional<Column> reference = options.reference().map(table::column);
        // The reference leaves the table here: no plugin, preprocessing step or profile sees it.
        Table features = reference.isPresent() ? table.without(reference.get().name()) : table;
        if (features.columnCount() == 0) {
            throw UnsupervisedChecks.error(spec, "data.ignore", "no column is left to model once ignored columns "
                    + "and the reference are set aside");
        }
        if (features.rowCount() < spec.evaluation().folds() * 2) {
            throw UnsupervisedChecks.error(spec, "evaluation.folds", spec.evaluation().folds() + " folds need at least "
                    + 2 * spec.evaluation().folds() + " rows, the data has " + features.rowCount());
        }
        context.progress().accept("Loaded " + features.rowCount() + " rows x " + features.columnCount()
                + " columns from " + spec.data().path().getFileName()
                + reference.map(r -> " (reference '" + r.name() + "' set aside, used only to validate)").orElse(""));
        DataProfile profile = Profiler.profile(features, Optional.empty());
        checkIds(context);
        boolean groupsFromReference = spec.goal() == Goal.CLUSTER && reference.isPresent()
                && !spec.facts().containsKey(GROUPS_KNOWN);
        CandidatePlan plan = context.rulebook().plan(planned(spec), profile, context.plugins());
        var facts = new ArrayList<SelectionResult.FactValue>();
        for (SelectionResult.FactValue fact : plan.facts()) {
            facts.add(groupsFromReference && fact.name().equals(GROUPS_KNOWN)
                    ? new SelectionResult.FactValue(GROUPS_KNOWN, true, "task", "the task names a reference column '"
                    + options.reference().orElseThrow() + "' of known groups")
                    : fact);
        }
        List<CandidatePlan.Entry> entries = adjust(spec, plan, features);

        var run = new Evaluation(context, options, features, reference, entries);
        Evaluation.Outcome outcome = switch (spec.goal()) {
            case CLUSTER -> run.cluster();
            case DETECT_ANOMALIES -> run.anomalies();
            case ESTIMATE_DENSITY -> run.density();
            default -> throw new IllegalStateException("goal " + spec.goal().id() + " is not unsupervised");
        };
        var recommendation = outcome.recommendation();
        if (plan.rules().stream().anyMatch(r -> r.id().equals(KNOWN_GROUPS_RULE) && r.fired())
                && recommendation.isPresent()) {
            var r = recommendation.get();
            var reasons = new ArrayList<>(r.reasons());
            reasons.add("The groups are known" + options.reference().map(x -> " (column '" + x + "')").orElse("")
                    + ": to assign new rows to them, use goal classify with that column as data.target; clustering "
                    + "here only shows whether the groups stand out in the data on their own.");
            recommendation = Optional.of(new SelectionResult.Recommendation(r.candidate(), r.metric(), r.score(),
                    reasons, r.tiedWith(), r.tieBreak()));
        }
        var task = new SelectionResult.TaskSummary(spec.name(), spec.goal().id(), context.dataFileAsWritten(),
                Optional.empty(), outcome.metric().id(), outcome.metric().higherIsBetter(),
                outcome.metrics().stream().map(Metric::id).toList());
        return new SelectionResult(task, profile, facts, plan.rules(), outcome.results(), recommendation,
                context.provenance(), context.pluginInfos(), List.of(), Optional.<GoalDetails>of(outcome.details()));
    }

    /**
     * The task as the rules see it: a cluster task with a reference column has known groups.
     *
     * @param spec the task
     * @return the task with the fact {@code groups_known} set when a reference names the groups and the task does not
     *     state the fact itself; the task itself otherwise
     */
    public static TaskSpec planned(TaskSpec spec) {
        if (spec.goal() != Goal.CLUSTER || !(spec.options() instanceof UnsupervisedOptions options)
                || options.reference().isEmpty() || spec.facts().containsKey(GROUPS_KNOWN)) {
            return spec;
        }
        var facts = new LinkedHashMap<>(spec.facts());
        facts.put(GROUPS_KNOWN, true);
        return new TaskSpec(spec.name(), spec.goal(), spec.data(), facts, spec.evaluation(), spec.candidates(),
                spec.source(), spec.options());
    }

    /**
     * The plan with, for density, the plugins that cannot model the table's nominal columns set aside with their
     * reason.
     */
    private static List<CandidatePlan.Entry> adjust(TaskSpec spec, CandidatePlan plan, Table features)
            throws SpecException {
        List<String> nominal = features.columns().stream().filter(c -> c instanceof CategoricalColumn)
                .map(Column::name).toList();
        var entries = new ArrayList<CandidatePlan.Entry>();
        boolean anyIncluded = false;
        for (CandidatePlan.Entry entry : plan.entries()) {
            ModelPlugin plugin = entry.plugin();
            if (entry.included() && spec.goal() == Goal.ESTIMATE_DENSITY && !nominal.isEmpty()
                    && !plugin.capabilities().contains(Capability.NOMINAL_FEATURES)) {
                var reasons = new ArrayList<>(entry.reasons());
                reasons.add("set aside: it models numeric columns only, and the nominal column"
                        + (nominal.size() > 1 ? "s " : " ") + String.join(", ", nominal) + " would be left out of its "
                        + "density, so its likelihood would not compare with the others'");
                entries.add(new CandidatePlan.Entry(plugin, false, reasons, entry.preference()));
                continue;
            }
            anyIncluded |= entry.included();
            entries.add(entry);
        }
        if (!anyIncluded && spec.goal() == Goal.ESTIMATE_DENSITY && !nominal.isEmpty()
                && plan.entries().stream().anyMatch(CandidatePlan.Entry::included)) {
            throw UnsupervisedChecks.error(spec, "data.path", "the nominal column" + (nominal.size() > 1 ? "s " : " ")
                    + String.join(", ", nominal) + " of " + spec.data().path().getFileName() + " cannot be modelled: "
                    + "every candidate for goal estimate-density here models numeric columns only ("
                    + String.join(", ", plan.included().stream().map(e -> e.plugin().id()).toList())
                    + "); list the column" + (nominal.size() > 1 ? "s" : "") + " in data.ignore, or add a plugin "
                    + "that takes nominal columns");
        }
        return entries;
    }

    private static void checkIds(RunContext context) throws SpecException {
        TaskSpec spec = context.spec();
        var known = new TreeSet<String>();
        context.plugins().forEach(p -> known.add(p.id()));
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

    /** The splits of the run: stratified by the reference of anomalies, so each fold holds some. */
    static List<Split> splits(TaskSpec spec, int rows, Optional<boolean[]> anomalies, long seed) {
        Column strata;
        if (anomalies.isPresent()) {
            boolean[] a = anomalies.get();
            int[] codes = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                codes[i] = a[i] ? 1 : 0;
            }
            strata = NominalColumn.of("anomaly", List.of("no", "yes"), codes);
        } else {
            strata = NumericColumn.of("row", new double[rows]);
        }
        return Folds.make(strata, spec.evaluation().folds(), spec.evaluation().repeats(), seed);
    }

    /** The fitted model of a plugin on a training table, checked to be of the goal's type. */
    static FittedModel fit(ModelPlugin plugin, Goal goal, Table train, long seed) throws Exception {
        FittedModel model = plugin.fit(new FitRequest(goal, train, Optional.empty(), plugin.parameters().defaults(),
                seed));
        if (model == null) {
            throw new IllegalStateException("fit returned null");
        }
        return model;
    }

    /** The candidate result of a plugin that was not evaluated. */
    static CandidateResult excluded(CandidatePlan.Entry entry) {
        ModelPlugin plugin = entry.plugin();
        return new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(), capabilities(plugin),
                Status.EXCLUDED, String.join("; ", entry.reasons()), List.of(), plugin.parameters().defaults().values(),
                Map.of(), CandidateResult.Timing.NONE);
    }

    static List<String> capabilities(ModelPlugin plugin) {
        return plugin.capabilities().stream().map(Enum::name).sorted().toList();
    }

    /** The recipe of a candidate: encode, scale and impute only what its declared capabilities need. */
    static Recipe recipe(ModelPlugin plugin, Table features) {
        return Recipe.of(plugin, features);
    }

    /** The fold's rows prepared by a recipe fitted on its training rows: the training part, then all rows. */
    static Preprocessor.Prepared prepareAll(Recipe recipe, Table features, int[] train) {
        return Preprocessor.prepare(recipe, features.select(train), features);
    }

    static Duration limit(TaskSpec spec) {
        return Duration.ofSeconds(spec.evaluation().timeLimitSeconds());
    }

    static long seedOf(long seed, String purpose, int index) {
        return Seeds.mix(seed, purpose, index);
    }

    static Map<String, Integer> preferences(List<CandidatePlan.Entry> entries) {
        var map = new HashMap<String, Integer>();
        entries.forEach(e -> map.put(e.plugin().id(), e.preference()));
        return map;
    }

    static Map<String, List<String>> preferenceReasons(List<CandidatePlan.Entry> entries) {
        var map = new HashMap<String, List<String>>();
        entries.forEach(e -> map.put(e.plugin().id(), e.reasons().stream()
                .filter(r -> r.startsWith("preferred") || r.startsWith("avoided")).toList()));
        return map;
    }
}
