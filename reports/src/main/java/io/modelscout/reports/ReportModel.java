package io.modelscout.reports;

import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.result.SelectionResult.Provenance;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.result.SelectionResult.TaskSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The view model of {@code report.mustache}: every number already formatted, every SVG coordinate already computed,
 * so that the template only places text. Strings stay raw here; the template escapes them.
 */
final class ReportModel {
    /** Shown in a cell that has no value, e.g. the fit time of an excluded candidate. */
    static final String DASH = "\u2013";

    /** Leaderboard columns before the metrics: rank, candidate, family, status, tie group. */
    static final int FIXED_COLUMNS = 5;
    static final int STRIP_WIDTH = 440;
    static final int STRIP_HEIGHT = 32;
    static final int AXIS_HEIGHT = 24;
    static final int MARGIN = 12;
    static final int BAR_WIDTH = 120;
    static final int BAR_HEIGHT = 12;
    /** Vertical offsets of successive dots around the middle line, so that equal fold scores stay visible. */
    private static final double[] JITTER = {0, -8, 8, -4, 4, -12, 12};

    private ReportModel() {
    }

    record Report(String title, String scriptHash, TaskView task, SummaryView summary, LeaderboardView leaderboard,
                  FoldsView folds, ParetoView pareto, DiagnosticsView diagnostics, ClaimsView claims,
                  ProfileView profile, RulesView rules, ProblemsView problems, CapabilitiesView capabilities,
                  ProvenanceView provenance, GoalSections goals) {
    }

    record TaskView(String name, String goal, String dataFile, String target, String metric, String direction,
                    String metrics) {
    }

    record SummaryView(boolean recommended, String candidateName, String candidateId, String family, String metric,
                       String direction, String score, String interval, List<String> reasons, boolean hasReasons,
                       List<String> firedRules, boolean hasFiredRules, String ties, String tieBreak,
                       boolean hasTieBreak, String message, String counts, List<String> goalLines,
                       boolean hasGoalLines) {
    }

    /** The leaderboard; the column numbers tell the sorting script which cell of a row to read. */
    record LeaderboardView(List<MetricHeader> metrics, List<Row> rows, String fitColumn, String predictColumn) {
    }

    record MetricHeader(String id, String arrow, String direction, boolean task, String column) {
    }

    /** One leaderboard row; {@code rowClass} is {@code winner}, {@code ranked} or {@code dim} (not evaluated). */
    record Row(String rank, String name, String id, String family, String status, boolean winner, String rowClass,
               List<Cell> cells, String fit, String predict, String reason, String tie, String rankSort,
               String fitSort, String predictSort) {
    }

    /** A score cell; {@code sort} is the raw mean the sortable table orders by, empty when there is none. */
    record Cell(String text, boolean task, String sort) {
    }

    record FoldsView(String metric, String direction, boolean any, String width, String height, List<Plot> plots,
                     Axis axis) {
    }

    record Plot(String name, String id, String alt, String score, boolean hasMean, String meanX, String meanY1,
                String meanY2, String baseY, String baseX1, String baseX2, List<Dot> dots) {
    }

    record Dot(String x, String y, String label) {
    }

    record Axis(String alt, String width, String height, String lineY, String x1, String x2, List<Tick> ticks) {
    }

    record Tick(String x, String y1, String y2, String textY, String label) {
    }

    record ProfileView(String name, String rows, String columns, String features, String categorical,
                       String missingCells, String missingRate, String rowsWithMissing, List<ColumnRow> columnRows,
                       boolean hasTarget, TargetView target) {
    }

    record ColumnRow(String index, String name, String kind, String role, boolean target, String missing,
                     String levels, String distinct, String mean, String sd, String min, String max) {
    }

    record TargetView(String name, String kind, boolean categorical, String presentClasses, String minorityShare,
                      String imbalanceRatio, String barWidth, String barHeight, List<ClassRow> classes) {
    }

    record ClassRow(String label, String count, String share, String width, String alt) {
    }

    record RulesView(List<FactRow> facts, boolean hasFacts, List<RuleRow> rules, boolean hasRules,
                     String firedSummary) {
    }

    record FactRow(String name, boolean value, String valueText, String source, String detail) {
    }

    record RuleRow(String id, boolean fired, String firedText, String when, String effect, String reason) {
    }

    record ProblemsView(boolean any, List<Row> rows) {
    }

    record ProvenanceView(String version, String seed, String folds, String threads, String startedAt,
                          String duration, List<Entry> versions, boolean hasVersions, List<Setup> candidates) {
    }

    record Entry(String key, String value) {
    }

    record Setup(String name, String id, String family, String status, String capabilities,
                 List<String> preprocessing, boolean hasPreprocessing, List<Entry> parameters,
                 boolean hasParameters, List<String> tuned, boolean hasTuned) {
    }

    record ParetoView(boolean any, Charts.Chart chart, List<FrontRow> front, String metric, String direction) {
    }

    record FrontRow(String number, String name, String id, String score, String predict) {
    }

    record DiagnosticsView(boolean any, String note, List<CandidateDiagnostics> candidates, boolean hasOmitted,
                           String omitted, String none) {
    }

    record CandidateDiagnostics(String name, String id, boolean hasConfusion, List<String> classes,
                                List<ConfusionRow> confusion, String accuracy, boolean hasRoc, Charts.Chart roc,
                                List<Legend> legend, boolean hasRegression, Charts.Chart scatter,
                                Charts.Chart residuals, String regression) {
    }

    record ConfusionRow(String label, List<ConfusionCell> cells) {
    }

    record ConfusionCell(String count, String shade) {
    }

    record Legend(String cls, String text) {
    }

    record ClaimsView(boolean any, List<ClaimView> claims) {
    }

    record ClaimView(String id, String statement, String verdict, String verdictClass, String finding,
                     boolean hasChart, Charts.Chart chart, List<Legend> legend) {
    }

    record CapabilitiesView(boolean any, List<String> capabilities, List<PluginRow> plugins) {
    }

    record PluginRow(String name, String id, String family, String goals, boolean candidate, List<CapabilityCell> cells) {
    }

    record CapabilityCell(String text, boolean yes) {
    }

    /**
     * Builds the view of a result.
     *
     * @param result the result
     * @return the view
     */
    static Report of(SelectionResult result, String scriptHash) {
        TaskSummary task = result.task();
        List<CandidateResult> ranked = ranked(result.candidates(), task.metric(), task.higherIsBetter());
        String winner = result.recommendation().map(Recommendation::candidate).orElse("");
        Set<String> tied = new HashSet<>(result.recommendation().map(Recommendation::tiedWith).orElse(List.of()));
        return new Report(task.name(), scriptHash, task(task), summary(result, ranked),
                leaderboard(task, ranked, winner, tied), folds(task, ranked, result.provenance()), Sections.pareto(task,
                ranked), Sections.diagnostics(task, ranked), Sections.claims(result.claims(), task.metric()),
                profile(result.profile()), rules(result), problems(ranked, task),
                Sections.capabilities(result.plugins(), ranked), provenance(result.provenance(), ranked),
                GoalSections.of(result));
    }

    /**
     * The candidates in leaderboard order: evaluated ones best first on the task metric (a missing score last, ties by
     * id), then failed, timed-out and excluded ones, each group by id.
     *
     * @param candidates the candidates
     * @param metric the task metric
     * @param higherIsBetter whether larger values of the metric are better
     * @return a new list
     */
    static List<CandidateResult> ranked(List<CandidateResult> candidates, String metric, boolean higherIsBetter) {
        Comparator<CandidateResult> byScore = Comparator.comparingDouble(c -> {
            double mean = mean(c, metric);
            if (Double.isNaN(mean)) {
                return Double.POSITIVE_INFINITY;
            }
            return higherIsBetter ? -mean : mean;
        });
        Comparator<CandidateResult> order = Comparator.<CandidateResult, Status>comparing(CandidateResult::status)
                .thenComparing((a, b) -> a.status() == Status.EVALUATED ? byScore.compare(a, b) : 0)
                .thenComparing(CandidateResult::id);
        return candidates.stream().sorted(order).toList();
    }

    private static double mean(CandidateResult candidate, String metric) {
        Score score = candidate.scores().get(metric);
        return score == null ? Double.NaN : score.mean();
    }

    private static TaskView task(TaskSummary task) {
        return new TaskView(task.name(), task.goal(), task.dataFile(), task.target().orElse("none"), task.metric(),
                direction(task.higherIsBetter()), String.join(", ", task.metrics()));
    }

    private static SummaryView summary(SelectionResult result, List<CandidateResult> ranked) {
        var counts = new EnumMap<Status, Integer>(Status.class);
        ranked.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        var parts = new ArrayList<String>();
        for (Status status : Status.values()) {
            if (counts.containsKey(status)) {
                parts.add(counts.get(status) + " " + status.id());
            }
        }
        String countText = ranked.size() + (ranked.size() == 1 ? " candidate" : " candidates")
                + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        TaskSummary task = result.task();
        Optional<Recommendation> recommendation = result.recommendation();
        if (recommendation.isEmpty()) {
            int evaluated = counts.getOrDefault(Status.EVALUATED, 0);
            String message = evaluated == 0
                    ? "No candidate was evaluated, so there is no recommendation. The section \u201cExcluded and"
                            + " failed candidates\u201d says what happened to each one."
                    : "No recommendation was made although " + evaluated + " candidate" + (evaluated == 1 ? " was"
                            : "s were") + " evaluated; the leaderboard shows their scores.";
            return new SummaryView(false, "", "", "", task.metric(), direction(task.higherIsBetter()), "", "",
                    List.of(), false, List.of(), false, "", "", false, message, countText, List.of(), false);
        }
        Recommendation r = recommendation.get();
        Optional<CandidateResult> chosen = ranked.stream().filter(c -> c.id().equals(r.candidate())).findFirst();
        Score score = chosen.map(c -> c.scores().get(r.metric())).orElse(null);
        String scoreText = score == null ? Numbers.score(r.score()) : Numbers.meanSd(r.score(), score.sd());
        boolean higher = r.metric().equals(task.metric()) ? task.higherIsBetter()
                : higherIsBetter(r.metric()).orElse(task.higherIsBetter());
        List<String> fired = result.rules().stream().filter(SelectionResult.RuleOutcome::fired)
                .map(rule -> rule.id() + ": " + rule.effect() + (rule.reason().isEmpty() ? "" : " (" + rule.reason()
                        + ")")).toList();
        var names = new java.util.HashMap<String, String>();
        ranked.forEach(c -> names.put(c.id(), c.name()));
        List<String> others = r.tiedWith().stream().filter(id -> !id.equals(r.candidate()))
                .map(id -> names.getOrDefault(id, id) + " (" + id + ")").toList();
        String ties = others.isEmpty() ? "No other candidate was statistically tied with it."
                : "Statistically tied with it: " + String.join(", ", others) + ".";
        List<String> goalLines = UnsupervisedSection.summaryLines(result);
        return new SummaryView(true, chosen.map(CandidateResult::name).orElse(r.candidate()), r.candidate(),
                chosen.map(CandidateResult::family).orElse(""), r.metric(), direction(higher), scoreText,
                score == null ? "" : Sections.interval(score), r.reasons(), !r.reasons().isEmpty(), fired,
                !fired.isEmpty(), ties, r.tieBreak(), !r.tieBreak().isEmpty(), "", countText, goalLines,
                !goalLines.isEmpty());
    }

    private static LeaderboardView leaderboard(TaskSummary task, List<CandidateResult> ranked, String winner,
                                               Set<String> tied) {
        List<String> metrics = metrics(task, ranked);
        var headers = new ArrayList<MetricHeader>();
        for (String metric : metrics) {
            Optional<Boolean> higher = metric.equals(task.metric()) ? Optional.of(task.higherIsBetter())
                    : higherIsBetter(metric);
            headers.add(new MetricHeader(metric, higher.map(h -> h ? "\u2191" : "\u2193").orElse(""),
                    higher.map(ReportModel::direction).orElse(""), metric.equals(task.metric()),
                    String.valueOf(FIXED_COLUMNS + headers.size())));
        }
        var rows = new ArrayList<Row>();
        int rank = 0;
        for (CandidateResult candidate : ranked) {
            boolean evaluated = candidate.status() == Status.EVALUATED;
            String tie = candidate.id().equals(winner) ? (tied.size() > 1 || tied.stream().anyMatch(
                    id -> !id.equals(winner)) ? "best (tied)" : "best")
                    : tied.contains(candidate.id()) ? "tied with best" : evaluated ? "below" : DASH;
            rows.add(row(candidate, evaluated ? String.valueOf(++rank) : DASH, metrics, task.metric(),
                    candidate.id().equals(winner), tie));
        }
        return new LeaderboardView(headers, rows, String.valueOf(FIXED_COLUMNS + headers.size()),
                String.valueOf(FIXED_COLUMNS + headers.size() + 1));
    }

    private static Row row(CandidateResult candidate, String rank, List<String> metrics, String taskMetric,
                           boolean winner, String tie) {
        boolean evaluated = candidate.status() == Status.EVALUATED;
        var cells = new ArrayList<Cell>();
        for (String metric : metrics) {
            Score score = candidate.scores().get(metric);
            cells.add(new Cell(score == null ? DASH : Numbers.meanSd(score.mean(), score.sd()),
                    metric.equals(taskMetric), score == null ? "" : sortKey(score.mean())));
        }
        return new Row(rank, candidate.name(), candidate.id(), candidate.family(), candidate.status().id(), winner,
                winner ? "winner" : evaluated ? "ranked" : "dim", cells, evaluated ? Numbers.seconds(candidate.timing().fitSeconds()) : DASH,
                evaluated ? Numbers.micros(candidate.timing().predictMicrosPerRow()) : DASH, candidate.reason(), tie,
                evaluated ? rank : "", evaluated ? sortKey(candidate.timing().fitSeconds()) : "",
                evaluated ? sortKey(candidate.timing().predictMicrosPerRow()) : "");
    }

    /** A number as the sortable table reads it; empty (sorted last) when not finite. */
    private static String sortKey(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.9g", value) : "";
    }

    /** The task's metrics, then any other metric a candidate was scored on, so that no score goes unshown. */
    private static List<String> metrics(TaskSummary task, List<CandidateResult> candidates) {
        var metrics = new ArrayList<String>();
        metrics.add(task.metric());
        task.metrics().stream().filter(m -> !metrics.contains(m)).forEach(metrics::add);
        var others = new TreeMap<String, Boolean>();
        candidates.forEach(c -> c.scores().keySet().forEach(m -> others.put(m, true)));
        others.keySet().stream().filter(m -> !metrics.contains(m)).forEach(metrics::add);
        return metrics;
    }

    private static FoldsView folds(TaskSummary task, List<CandidateResult> ranked, Provenance provenance) {
        String metric = task.metric();
        List<CandidateResult> evaluated = ranked.stream()
                .filter(c -> c.status() == Status.EVALUATED && c.scores().containsKey(metric)).toList();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CandidateResult candidate : evaluated) {
            Score score = candidate.scores().get(metric);
            for (double v : score.folds()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (Double.isFinite(score.mean())) {
                lo = Math.min(lo, score.mean());
                hi = Math.max(hi, score.mean());
            }
        }
        boolean any = lo <= hi;
        if (!any) {
            lo = 0;
            hi = 1;
        }
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(hi) * 0.05, 0.01);
        var scale = new Scale(lo - pad, hi + pad);
        double mid = STRIP_HEIGHT / 2.0;
        var plots = new ArrayList<Plot>();
        for (CandidateResult candidate : evaluated) {
            Score score = candidate.scores().get(metric);
            var dots = new ArrayList<Dot>();
            int finite = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < score.folds().size(); i++) {
                double v = score.folds().get(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                finite++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                dots.add(new Dot(Numbers.coordinate(scale.x(v)), Numbers.coordinate(mid + JITTER[i % JITTER.length]),
                        foldLabel(i, score.folds().size(), provenance) + ": " + Numbers.score(v)));
            }
            String alt = metric + " per fold for " + candidate.name() + " (" + candidate.id() + "): "
                    + (finite == 0 ? "no finite fold score"
                    : finite + (finite == 1 ? " fold" : " folds") + " from " + Numbers.score(min) + " to "
                            + Numbers.score(max))
                    + ", mean " + Numbers.meanSd(score.mean(), score.sd())
                    + (finite < score.folds().size() ? "; " + (score.folds().size() - finite) + " not a number" : "");
            boolean hasMean = Double.isFinite(score.mean());
            plots.add(new Plot(candidate.name(), candidate.id(), alt, Numbers.meanSd(score.mean(), score.sd()),
                    hasMean, Numbers.coordinate(hasMean ? scale.x(score.mean()) : 0), "3",
                    String.valueOf(STRIP_HEIGHT - 3), Numbers.coordinate(mid), String.valueOf(MARGIN),
                    String.valueOf(STRIP_WIDTH - MARGIN), dots));
        }
        var ticks = new ArrayList<Tick>();
        double step = niceStep((scale.hi - scale.lo) / 4);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        for (double t = Math.ceil(scale.lo / step) * step; t <= scale.hi + step * 1e-9; t += step) {
            double value = Math.abs(t) < step * 1e-9 ? 0 : t;
            ticks.add(new Tick(Numbers.coordinate(scale.x(value)), "1", "6", "18",
                    String.format(Locale.ROOT, "%." + decimals + "f", value)));
        }
        String axisAlt = "Axis of " + metric + " from " + Numbers.score(scale.lo) + " to " + Numbers.score(scale.hi)
                + ", " + direction(task.higherIsBetter());
        var axis = new Axis(axisAlt, String.valueOf(STRIP_WIDTH), String.valueOf(AXIS_HEIGHT), "1",
                String.valueOf(MARGIN), String.valueOf(STRIP_WIDTH - MARGIN), ticks);
        return new FoldsView(metric, direction(task.higherIsBetter()), !plots.isEmpty(), String.valueOf(STRIP_WIDTH),
                String.valueOf(STRIP_HEIGHT), plots, axis);
    }

    private static String foldLabel(int index, int count, Provenance provenance) {
        int folds = provenance.folds();
        if (provenance.repeats() > 1 && folds > 0 && count == folds * provenance.repeats()) {
            return "repeat " + (index / folds + 1) + ", fold " + (index % folds + 1);
        }
        return "fold " + (index + 1);
    }

    /** A step of 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** Maps a score to an x coordinate of a strip. */
    private record Scale(double lo, double hi) {
        double x(double value) {
            return MARGIN + (value - lo) / (hi - lo) * (STRIP_WIDTH - 2 * MARGIN);
        }
    }

    private static ProfileView profile(DataProfile profile) {
        var columns = new ArrayList<ColumnRow>();
        int index = 0;
        for (ColumnProfile c : profile.columns()) {
            boolean numeric = c.kind().equals("numeric");
            columns.add(new ColumnRow(String.valueOf(++index), c.name(), c.kind(), c.target() ? "target" : "feature",
                    c.target(), String.valueOf(c.missing()), numeric ? DASH : String.valueOf(c.levels()),
                    String.valueOf(c.distinct()), numeric ? Numbers.plain(c.mean()) : DASH,
                    numeric ? Numbers.plain(c.sd()) : DASH, numeric ? Numbers.plain(c.min()) : DASH,
                    numeric ? Numbers.plain(c.max()) : DASH));
        }
        TargetView target = profile.target().map(ReportModel::target).orElse(null);
        return new ProfileView(profile.name(), String.valueOf(profile.rows()), String.valueOf(profile.columns().size()),
                String.valueOf(profile.featureCount()), String.valueOf(profile.categoricalFeatureCount()),
                String.valueOf(profile.missingCells()), Numbers.percent(profile.missingRate()),
                String.valueOf(profile.rowsWithMissing()), columns, target != null, target);
    }

    private static TargetView target(TargetProfile target) {
        long total = target.classes().stream().mapToLong(ClassCount::count).sum();
        var classes = new ArrayList<ClassRow>();
        for (ClassCount count : target.classes()) {
            double share = total == 0 ? 0 : count.count() / (double) total;
            classes.add(new ClassRow(count.label(), String.valueOf(count.count()), Numbers.percent(share),
                    Numbers.coordinate(share * BAR_WIDTH),
                    count.label() + ": " + count.count() + " of " + total + " rows (" + Numbers.percent(share) + ")"));
        }
        boolean categorical = !target.kind().equals("numeric") && !classes.isEmpty();
        return new TargetView(target.name(), target.kind(), categorical, String.valueOf(target.presentClasses()),
                Numbers.percent(target.minorityShare()), Numbers.plain(target.imbalanceRatio()),
                String.valueOf(BAR_WIDTH), String.valueOf(BAR_HEIGHT), classes);
    }

    private static RulesView rules(SelectionResult result) {
        var facts = result.facts().stream().map(f -> new FactRow(f.name(), f.value(), String.valueOf(f.value()),
                f.source(), f.detail())).toList();
        var rules = result.rules().stream().map(r -> new RuleRow(r.id(), r.fired(), r.fired() ? "yes" : "no",
                r.when(), r.effect(), r.reason())).toList();
        long fired = result.rules().stream().filter(SelectionResult.RuleOutcome::fired).count();
        return new RulesView(facts, !facts.isEmpty(), rules, !rules.isEmpty(),
                fired + " of " + rules.size() + (rules.size() == 1 ? " rule" : " rules") + " fired");
    }

    private static ProblemsView problems(List<CandidateResult> ranked, TaskSummary task) {
        List<Row> rows = ranked.stream().filter(c -> c.status() != Status.EVALUATED)
                .map(c -> row(c, DASH, List.of(), task.metric(), false, DASH)).toList();
        return new ProblemsView(!rows.isEmpty(), rows);
    }

    private static ProvenanceView provenance(Provenance p, List<CandidateResult> ranked) {
        var versions = new TreeMap<>(p.versions()).entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue())).toList();
        var setups = new ArrayList<Setup>();
        for (CandidateResult c : ranked) {
            var parameters = new TreeMap<>(c.parameters()).entrySet().stream()
                    .map(e -> new Entry(e.getKey(), String.valueOf(e.getValue()))).toList();
            List<String> tuned = c.tuning().stream().map(t -> "repeat " + (t.repeat() + 1) + ", fold " + (t.fold() + 1)
                    + ": " + new TreeMap<>(t.parameters()).entrySet().stream().map(e -> e.getKey() + " = "
                    + e.getValue()).collect(java.util.stream.Collectors.joining(", "))).toList();
            setups.add(new Setup(c.name(), c.id(), c.family(), c.status().id(), String.join(", ", c.capabilities()),
                    c.preprocessing(), !c.preprocessing().isEmpty(), parameters, !parameters.isEmpty(), tuned,
                    !tuned.isEmpty()));
        }
        return new ProvenanceView(p.modelscoutVersion(), String.valueOf(p.seed()),
                p.folds() + " folds \u00d7 " + p.repeats() + (p.repeats() == 1 ? " repeat" : " repeats"),
                String.valueOf(p.threads()), p.startedAt(), Numbers.seconds(p.seconds()) + " s", versions,
                !versions.isEmpty(), setups);
    }

    static Optional<Boolean> higherIsBetter(String metric) {
        try {
            return Optional.of(Metric.fromId(metric).higherIsBetter());
        } catch (IllegalArgumentException _) {
            return Optional.empty();
        }
    }

    static String direction(boolean higherIsBetter) {
        return higherIsBetter ? "higher is better" : "lower is better";
    }
}
