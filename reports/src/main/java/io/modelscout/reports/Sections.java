package io.modelscout.reports;

import io.modelscout.reports.ReportModel.CandidateDiagnostics;
import io.modelscout.reports.ReportModel.CapabilitiesView;
import io.modelscout.reports.ReportModel.CapabilityCell;
import io.modelscout.reports.ReportModel.ClaimView;
import io.modelscout.reports.ReportModel.ClaimsView;
import io.modelscout.reports.ReportModel.ConfusionCell;
import io.modelscout.reports.ReportModel.ConfusionRow;
import io.modelscout.reports.ReportModel.DiagnosticsView;
import io.modelscout.reports.ReportModel.FrontRow;
import io.modelscout.reports.ReportModel.Legend;
import io.modelscout.reports.ReportModel.ParetoView;
import io.modelscout.reports.ReportModel.PluginRow;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Curve;
import io.modelscout.selector.result.CandidateResult.Diagnostics;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.SelectionResult.Claim;
import io.modelscout.selector.result.SelectionResult.PluginInfo;
import io.modelscout.selector.result.SelectionResult.Series;
import io.modelscout.selector.result.SelectionResult.TaskSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The views of the report's newer sections: confidence interval, Pareto chart, diagnostics, the primer's claims and
 * the capability matrix. Strings stay raw; the template escapes them.
 */
final class Sections {
    /** Candidates whose diagnostics are drawn; the rest are in {@code result.json}, to keep the page small. */
    static final int DIAGNOSED = 8;
    /** Points per ROC curve in the page. */
    static final int ROC_POINTS = 100;
    /** Points per regression scatter in the page. */
    static final int SCATTER_POINTS = 400;
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
            2.056, 2.052, 2.048, 2.045, 2.042};

    private Sections() {
    }

    /**
     * The 0.975 quantile of Student's t: a table up to 30 degrees of freedom, then the Cornish-Fisher expansion,
     * which is within 0.001 of it from there on.
     */
    static double t975(int df) {
        if (df < 1) {
            return Double.NaN;
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = 1.959963985;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
    }

    /**
     * A 95 % interval of the mean over folds, in a sentence.
     *
     * @param score the score
     * @return e.g. {@code 95 % interval 0.9380 to 0.9680 (t(0.975, 9) = 2.262 × sd / √10 folds; ...)}
     */
    static String interval(Score score) {
        double[] finite = score.folds().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n < 2) {
            return "No interval: fewer than two finite fold scores.";
        }
        double mean = 0;
        for (double v : finite) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : finite) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = t975(n - 1);
        double half = t * sd / Math.sqrt(n);
        return "95 % confidence interval " + Numbers.score(mean - half) + " to " + Numbers.score(mean + half)
                + " (mean ± t(0.975, " + (n - 1) + ") = " + String.format(java.util.Locale.ROOT, "%.3f", t)
                + " × sd / √" + n + " over " + n + " fold scores; folds share training rows, so read it as a guide)";
    }

    private static boolean better(double a, double b, boolean higher) {
        return higher ? a > b : a < b;
    }

    static ParetoView pareto(TaskSummary task, List<CandidateResult> ranked) {
        String metric = task.metric();
        boolean higher = task.higherIsBetter();
        var points = ranked.stream().filter(c -> c.status() == Status.EVALUATED && c.scores().containsKey(metric)
                && Double.isFinite(c.scores().get(metric).mean())).toList();
        // With no prediction time measured there is nothing to trade the score against.
        if (points.isEmpty() || points.stream().noneMatch(c -> c.timing().predictMicrosPerRow() > 0)) {
            return new ParetoView(false, null, List.of(), metric, ReportModel.direction(higher));
        }
        var byTime = new ArrayList<>(points);
        byTime.sort(Comparator.comparingDouble((CandidateResult c) -> time(c))
                .thenComparing((a, b) -> Double.compare(higher ? mean(b, metric) : mean(a, metric),
                        higher ? mean(a, metric) : mean(b, metric))).thenComparing(CandidateResult::id));
        var front = new ArrayList<CandidateResult>();
        for (CandidateResult c : byTime) {
            if (front.isEmpty() || better(mean(c, metric), mean(front.getLast(), metric), higher)) {
                front.add(c);
            }
        }
        var xs = points.stream().map(Sections::time).toList();
        var ys = points.stream().map(c -> mean(c, metric)).toList();
        double[] xr = Charts.range(List.of(xs));
        double[] yr = Charts.range(List.of(ys));
        double ypad = Math.max((yr[1] - yr[0]) * 0.08, 1e-3);
        var frame = new Charts.Frame(560, 300, xr[0] / 2, xr[1] * 2, yr[0] - ypad, yr[1] + ypad, true)
                .axes("prediction time, µs per row (log scale)", metric);
        frame.polyline("front", front.stream().map(Sections::time).toList(),
                front.stream().map(c -> mean(c, metric)).toList());
        var rows = new ArrayList<FrontRow>();
        for (CandidateResult c : points) {
            boolean onFront = front.contains(c);
            frame.mark(onFront ? "pt on" : "pt", time(c), mean(c, metric), c.name() + " (" + c.id() + "): "
                    + metric + " " + Numbers.score(mean(c, metric)) + ", " + Numbers.micros(
                    c.timing().predictMicrosPerRow()) + " µs per row" + (onFront ? ", on the front" : ""));
        }
        // Front points carry a number, named in the table below: names beside close points would overlap.
        for (CandidateResult c : front) {
            String number = String.valueOf(rows.size() + 1);
            frame.text("lbl", time(c), mean(c, metric), "middle", number, -9);
            rows.add(new FrontRow(number, c.name(), c.id(), Numbers.score(mean(c, metric)),
                    Numbers.micros(c.timing().predictMicrosPerRow())));
        }
        String alt = "Pareto chart of " + metric + " against prediction time for " + points.size() + " candidates. "
                + "On the front (no other candidate is both faster and better): " + String.join(", ",
                front.stream().map(c -> c.name() + " " + Numbers.score(mean(c, metric)) + " at "
                        + Numbers.micros(c.timing().predictMicrosPerRow()) + " µs per row").toList()) + ".";
        return new ParetoView(true, frame.chart(alt), rows, metric, ReportModel.direction(higher));
    }

    /** Prediction time per row, kept above zero for the log scale. */
    private static double time(CandidateResult c) {
        double t = c.timing().predictMicrosPerRow();
        return Double.isFinite(t) && t > 0.001 ? t : 0.001;
    }

    private static double mean(CandidateResult c, String metric) {
        return c.scores().get(metric).mean();
    }

    static DiagnosticsView diagnostics(TaskSummary task, List<CandidateResult> ranked) {
        var with = ranked.stream().filter(c -> c.status() == Status.EVALUATED && c.diagnostics().isPresent())
                .toList();
        var views = new ArrayList<CandidateDiagnostics>();
        for (CandidateResult c : with.subList(0, Math.min(DIAGNOSED, with.size()))) {
            views.add(diagnose(c, c.diagnostics().get()));
        }
        int omitted = with.size() - views.size();
        String note = task.goal().equals("regress")
                ? "Out-of-fold predictions of the first repeat: every row predicted once by a model that did not see"
                        + " it. Left, predicted against actual (the diagonal is a perfect fit); right, residuals"
                        + " (actual minus predicted) against predicted."
                : "Out-of-fold predictions of the first repeat: every row predicted once by a model that did not see"
                        + " it. The confusion matrix counts rows by true class (rows) and predicted class (columns);"
                        + " the ROC curves show each class against the rest (one curve when there are two classes).";
        String none = switch (task.goal()) {
            case "cluster", "detect-anomalies", "estimate-density" -> "Confusion matrices, ROC curves by class and"
                    + " residual plots diagnose classifiers and regressors; a " + task.goal() + " task has no target to"
                    + " predict. This goal's own figures are in the section \u201c" + switch (task.goal()) {
                        case "cluster" -> "Clusters";
                        case "detect-anomalies" -> "Anomalies";
                        default -> "Density";
                    } + "\u201d below.";
            default -> "No evaluated candidate has out-of-fold diagnostics.";
        };
        return new DiagnosticsView(!views.isEmpty(), note, views, omitted > 0, omitted + " more candidate"
                + (omitted == 1 ? " has" : "s have") + " diagnostics in result.json; the page draws the best "
                + views.size() + ".", none);
    }

    private static CandidateDiagnostics diagnose(CandidateResult c, Diagnostics d) {
        boolean hasConfusion = !d.classes().isEmpty() && d.confusion().size() == d.classes().size();
        var rows = new ArrayList<ConfusionRow>();
        long total = 0;
        long right = 0;
        if (hasConfusion) {
            for (int i = 0; i < d.confusion().size(); i++) {
                List<Integer> row = d.confusion().get(i);
                long rowTotal = row.stream().mapToLong(Integer::longValue).sum();
                var cells = new ArrayList<ConfusionCell>();
                for (int j = 0; j < row.size(); j++) {
                    int count = row.get(j);
                    double share = rowTotal == 0 ? 0 : count / (double) rowTotal;
                    String shade = "h" + Math.min(4, (int) Math.ceil(share * 4)) + (i == j ? " diag" : "");
                    cells.add(new ConfusionCell(String.valueOf(count), shade));
                    total += count;
                    right += i == j ? count : 0;
                }
                rows.add(new ConfusionRow(d.classes().get(i), cells));
            }
        }
        String accuracy = total == 0 ? "" : right + " of " + total + " rows on the diagonal ("
                + Numbers.percent(right / (double) total) + ")";
        Charts.Chart roc = null;
        var legend = new ArrayList<Legend>();
        if (!d.roc().isEmpty()) {
            var frame = new Charts.Frame(300, 280, 0, 1, 0, 1, false).axes("false positive rate",
                    "true positive rate");
            frame.reference(0, 0, 1, 1);
            var parts = new ArrayList<String>();
            for (int k = 0; k < d.roc().size(); k++) {
                Curve curve = d.roc().get(k);
                String cls = "s" + (k % Charts.PALETTE);
                frame.polyline("curve " + cls, thin(curve.falsePositiveRate(), ROC_POINTS),
                        thin(curve.truePositiveRate(), ROC_POINTS));
                String text = curve.label() + ": AUC " + Numbers.score(curve.auc());
                legend.add(new Legend(cls, text));
                parts.add(text);
            }
            roc = frame.chart("ROC curve" + (d.roc().size() == 1 ? "" : "s, each class against the rest,")
                    + " of " + c.name() + " (" + c.id() + "): " + String.join("; ", parts) + ".");
        }
        boolean regression = !d.actual().isEmpty() && d.actual().size() == d.predicted().size();
        Charts.Chart scatter = null;
        Charts.Chart residuals = null;
        String summary = "";
        if (regression) {
            List<Double> actual = thin(d.actual(), SCATTER_POINTS);
            List<Double> predicted = thin(d.predicted(), SCATTER_POINTS);
            var residual = new ArrayList<Double>();
            double ss = 0;
            double sum = 0;
            double worst = 0;
            for (int i = 0; i < d.actual().size(); i++) {
                double r = d.actual().get(i) - d.predicted().get(i);
                ss += r * r;
                sum += r;
                worst = Math.max(worst, Math.abs(r));
            }
            for (int i = 0; i < actual.size(); i++) {
                residual.add(actual.get(i) - predicted.get(i));
            }
            int n = d.actual().size();
            summary = n + " rows: root mean squared error " + Numbers.plain(Math.sqrt(ss / n)) + ", mean residual "
                    + Numbers.plain(sum / n) + ", largest absolute residual " + Numbers.plain(worst);
            double[] both = pad(Charts.range(List.of(actual, predicted)));
            var frame = new Charts.Frame(300, 280, both[0], both[1], both[0], both[1], false)
                    .axes("actual", "predicted");
            frame.reference(both[0], both[0], both[1], both[1]);
            frame.dots("pts", actual, predicted);
            scatter = frame.chart("Predicted against actual for " + c.name() + " (" + c.id() + "), "
                    + actual.size() + " points drawn; " + summary + ".");
            double[] pr = pad(Charts.range(List.of(predicted)));
            double[] rr = Charts.range(List.of(residual));
            double bound = Math.max(Math.abs(rr[0]), Math.abs(rr[1])) * 1.05;
            var res = new Charts.Frame(300, 280, pr[0], pr[1], -bound, bound, false).axes("predicted",
                    "actual − predicted");
            res.reference(pr[0], 0, pr[1], 0);
            res.dots("pts", predicted, residual);
            residuals = res.chart("Residuals against predicted for " + c.name() + " (" + c.id() + "), "
                    + actual.size() + " points drawn; " + summary + ".");
        }
        return new CandidateDiagnostics(c.name(), c.id(), hasConfusion, hasConfusion ? d.classes() : List.of(), rows,
                accuracy, roc != null, roc, legend, regression, scatter, residuals, summary);
    }

    /** The range widened by 4 % on each side, so that points at its ends stay off the axes. */
    private static double[] pad(double[] range) {
        double margin = (range[1] - range[0]) * 0.04;
        return new double[] {range[0] - margin, range[1] + margin};
    }

    /** At most {@code max} evenly spaced values, first and last kept. */
    static List<Double> thin(List<Double> values, int max) {
        int m = values.size();
        if (m <= max) {
            return values;
        }
        var out = new ArrayList<Double>(max);
        for (int j = 0; j < max; j++) {
            out.add(values.get((int) Math.round(j * (m - 1) / (double) (max - 1))));
        }
        return out;
    }

    /**
     * Axis titles of the primer's claims the selector checks, known by their ids; an unknown claim gets plain axes.
     *
     * @return x title, y title
     */
    private static String[] titles(String id, String metric) {
        if (id.contains("rows") || id.contains("converge") || id.contains("learning")) {
            return new String[] {"training rows", metric};
        }
        if (id.contains("missing")) {
            return new String[] {"share of test cells removed", metric};
        }
        if (id.contains("faster") || id.contains("speed") || id.contains("predict")) {
            return new String[] {"µs per row", ""};
        }
        return new String[] {"", ""};
    }

    static ClaimsView claims(List<Claim> claims, String metric) {
        var views = new ArrayList<ClaimView>();
        for (Claim claim : claims) {
            String verdict = claim.held().map(h -> h ? "Held on this data." : "Did not hold on this data.")
                    .orElse("Not checked.");
            String cls = claim.held().map(h -> h ? "yes" : "no-held").orElse("unchecked");
            var series = claim.series().stream().filter(s -> !s.x().isEmpty()).toList();
            Charts.Chart chart = null;
            var legend = new ArrayList<Legend>();
            if (!series.isEmpty()) {
                var xs = new ArrayList<List<Double>>();
                var ys = new ArrayList<List<Double>>();
                series.forEach(s -> {
                    xs.add(s.x());
                    ys.add(s.y());
                });
                String[] titles = titles(claim.id(), metric);
                var parts = new ArrayList<String>();
                boolean single = series.stream().allMatch(s -> s.x().size() == 1);
                if (single) {
                    // One value per series, e.g. a prediction time per candidate: bars, one per series.
                    double[] yr = Charts.range(ys);
                    var frame = new Charts.Frame(460, 40 + 34 * series.size(), Math.min(0, yr[0]), yr[1] * 1.6,
                            -0.5, series.size() - 0.5, false).axes(titles[0], "");
                    frame.lines.removeIf(l -> l.cls().equals("grid"));
                    frame.texts.removeIf(t -> t.anchor().equals("end"));
                    for (int k = 0; k < series.size(); k++) {
                        Series s = series.get(k);
                        String c = "s" + (k % Charts.PALETTE);
                        double row = series.size() - 1 - k;
                        frame.bar("bar " + c, s.y().getFirst(), row, 18);
                        frame.text("lbl", s.y().getFirst(), row, "start", " " + s.label() + ": "
                                + Numbers.plain(s.y().getFirst()), 4);
                        legend.add(new Legend(c, s.label()));
                        parts.add(s.label() + " " + Numbers.plain(s.y().getFirst())
                                + (titles[0].isEmpty() ? "" : " " + titles[0]));
                    }
                    chart = frame.chart("Chart for the claim \u201c" + claim.statement() + "\u201d: "
                            + String.join("; ", parts) + ". " + verdict + " " + claim.finding());
                    views.add(new ClaimView(claim.id(), claim.statement(), verdict, cls, claim.finding(), true,
                            chart, legend));
                    continue;
                }
                double[] xr = Charts.range(xs);
                double[] yr = Charts.range(ys);
                double ypad = Math.max((yr[1] - yr[0]) * 0.08, 1e-3);
                var frame = new Charts.Frame(460, 260, xr[0], xr[1], yr[0] - ypad, yr[1] + ypad, false)
                        .axes(titles[0], titles[1]);
                for (int k = 0; k < series.size(); k++) {
                    Series s = series.get(k);
                    String c = "s" + (k % Charts.PALETTE);
                    frame.polyline("curve " + c, s.x(), s.y());
                    for (int i = 0; i < s.x().size(); i++) {
                        frame.mark("pt " + c, s.x().get(i), s.y().get(i), s.label() + ": "
                                + Numbers.plain(s.x().get(i)) + ", " + Numbers.plain(s.y().get(i)));
                    }
                    legend.add(new Legend(c, s.label()));
                    parts.add(s.label() + " from (" + Numbers.plain(s.x().getFirst()) + ", "
                            + Numbers.plain(s.y().getFirst()) + ") to (" + Numbers.plain(s.x().getLast()) + ", "
                            + Numbers.plain(s.y().getLast()) + "), " + s.x().size() + " points");
                }
                chart = frame.chart("Chart for the claim \u201c" + claim.statement() + "\u201d: "
                        + String.join("; ", parts) + ". " + verdict + " " + claim.finding());
            }
            views.add(new ClaimView(claim.id(), claim.statement(), verdict, cls, claim.finding(), chart != null,
                    chart, legend));
        }
        return new ClaimsView(!views.isEmpty(), views);
    }

    static CapabilitiesView capabilities(List<PluginInfo> plugins, List<CandidateResult> ranked) {
        var names = new TreeSet<String>();
        plugins.forEach(p -> names.addAll(p.capabilities()));
        Set<String> considered = new java.util.HashSet<>();
        ranked.forEach(c -> considered.add(c.id()));
        var rows = new ArrayList<PluginRow>();
        for (PluginInfo p : plugins.stream().sorted(Comparator.comparing(PluginInfo::id)).toList()) {
            var cells = new ArrayList<CapabilityCell>();
            for (String name : names) {
                boolean yes = p.capabilities().contains(name);
                cells.add(new CapabilityCell(yes ? "yes" : "no", yes));
            }
            rows.add(new PluginRow(p.name(), p.id(), p.family(), String.join(", ", p.goals()),
                    considered.contains(p.id()), cells));
        }
        return new CapabilitiesView(!rows.isEmpty(), List.copyOf(names), rows);
    }
}
