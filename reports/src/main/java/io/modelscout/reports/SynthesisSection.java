package io.modelscout.reports;

import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.synthesis.Fidelity;
import io.modelscout.selector.synthesis.SynthesisDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report section of synthesis results: builds the view that the partial template {@code synthesis.mustache} renders
 * (every value escaped by Mustache): the metrics table, real against synthetic overlays per column, association heat
 * maps, training curves and a sample of the written rows. Charts are inline SVG drawn from the geometry computed here.
 */
final class SynthesisSection {
    private static final int OVERLAY_W = 260;
    private static final int OVERLAY_H = 120;
    private static final int SMALL_W = 120;
    private static final int SMALL_H = 56;
    private static final int CELL = 16;
    private static final int CURVE_W = 420;
    private static final int CURVE_H = 180;

    private SynthesisSection() {
    }

    record View(String priority, String target, String condition, String baseline, String judges, String file,
                String rows, String format, List<String> metrics, List<Row> table, List<Flag> flagged,
                List<Overlay> overlays, List<Group> others, List<Heatmap> heatmaps, List<Curve> curves,
                List<String> sampleHeader, List<SampleRow> sampleRows, List<String> notes, boolean hasOthers,
                boolean hasCurves, boolean hasHeatmaps, boolean hasSample, boolean hasFlags, boolean hasOverlays) {
    }

    record SampleRow(List<String> cells) {
    }

    record Row(String id, String status, List<String> values, String fit, boolean recommended, boolean flagged,
               boolean baseline) {
    }

    record Flag(String candidate, String reason) {
    }

    record Bar(String x, String y, String w, String h, String cls, String label) {
    }

    record Overlay(String name, String kind, String score, String width, String height, List<Bar> bars,
                   String alt, String first, String last) {
    }

    record Group(String candidate, List<Overlay> overlays) {
    }

    record Cell(String x, String y, String fill, String label) {
    }

    record Label(String x, String y, String text, String transform, String anchor) {
    }

    record Heatmap(String title, String width, String height, List<Cell> cells, List<Label> labels, String alt) {
    }

    record Curve(String candidate, String name, String width, String height, String d, String alt, String min,
                 String max, String epochs) {
    }

    /** The view of the section, or null when there is nothing to show. */
    static Object view(GoalDetails details, SelectionResult result) {
        if (!(details instanceof SynthesisDetails d)) {
            return null;
        }
        String recommended = result.recommendation().map(SelectionResult.Recommendation::candidate).orElse("");
        var metrics = result.task().metrics();
        var table = new ArrayList<Row>();
        var flaggedIds = d.flagged().stream().map(SynthesisDetails.Flag::candidate).toList();
        for (CandidateResult c : result.candidates()) {
            if (c.status() == CandidateResult.Status.EXCLUDED) {
                continue;
            }
            var values = new ArrayList<String>();
            for (String m : metrics) {
                var s = c.scores().get(m);
                values.add(s == null ? "" : String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.sd()));
            }
            table.add(new Row(c.id(), c.status().id(), values, c.status() == CandidateResult.Status.EVALUATED
                    ? String.format(Locale.ROOT, "%.2f", c.timing().fitSeconds()) : "", c.id().equals(recommended),
                    flaggedIds.contains(c.id()), c.id().equals(d.baseline())));
        }
        var overlays = d.comparisons().stream().map(c -> overlay(c, OVERLAY_W, OVERLAY_H)).toList();
        var others = new ArrayList<Group>();
        for (var o : d.others()) {
            if (!o.candidate().equals(recommended)) {
                others.add(new Group(o.candidate(), o.comparisons().stream().map(c -> overlay(c, SMALL_W, SMALL_H))
                        .toList()));
            }
        }
        var heatmaps = new ArrayList<Heatmap>();
        if (!d.realAssociations().isEmpty() && d.columns().size() <= 40) {
            heatmaps.add(heatmap("Real rows", d.columns(), d.realAssociations(), null));
            heatmaps.add(heatmap("Synthetic rows (" + recommended + ")", d.columns(), d.syntheticAssociations(), null));
            heatmaps.add(heatmap("Difference |real - synthetic|", d.columns(), d.realAssociations(),
                    d.syntheticAssociations()));
        }
        var curves = d.curves().stream().map(SynthesisSection::curve).toList();
        String judges = String.join(", ", d.judges().stream().map(j -> j.role() + ": " + j.plugin()).toList());
        return new View(d.priority(), d.target().orElse("none"), d.condition().orElse(""), d.baseline(), judges,
                d.file(), Long.toString(d.rows()), d.format(), metrics, table,
                d.flagged().stream().map(f -> new Flag(f.candidate(), f.reason())).toList(), overlays, others,
                heatmaps, curves, d.columns(), d.sample().stream().map(SampleRow::new).toList(), d.notes(),
                !others.isEmpty(), !curves.isEmpty(), !heatmaps.isEmpty(), !d.sample().isEmpty(), !d.flagged().isEmpty(),
                !overlays.isEmpty());
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Real shares as filled bars, synthetic shares as narrower bars on top of them. */
    private static Overlay overlay(Fidelity.Comparison c, int width, int height) {
        var bars = new ArrayList<Bar>();
        int k = c.labels().size();
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, Math.max(c.real().get(i), c.synthetic().get(i)));
        }
        double step = k == 0 ? width : width / (double) k;
        for (int i = 0; i < k && max > 0; i++) {
            double r = c.real().get(i) / max * (height - 2);
            double s = c.synthetic().get(i) / max * (height - 2);
            String label = String.format(Locale.ROOT, "%s: real %.3f, synthetic %.3f", c.labels().get(i),
                    c.real().get(i), c.synthetic().get(i));
            bars.add(new Bar(f(i * step + 0.5), f(height - r), f(Math.max(0.5, step - 1)), f(r), "real", label));
            bars.add(new Bar(f(i * step + step * 0.3), f(height - s), f(Math.max(0.5, step * 0.4)), f(s), "synth",
                    label));
        }
        String alt = c.name() + ": real (wide bars) against synthetic (narrow bars) shares; shape similarity "
                + String.format(Locale.ROOT, "%.3f", c.score());
        return new Overlay(c.name(), c.kind(), Double.isNaN(c.score()) ? "" : String.format(Locale.ROOT, "%.3f",
                c.score()), Integer.toString(width), Integer.toString(height), bars, alt,
                k == 0 ? "" : c.labels().getFirst(), k == 0 ? "" : c.labels().getLast());
    }

    /** Blue for positive association, red for negative, white for none; the difference map in shades of red. */
    private static Heatmap heatmap(String title, List<String> columns, List<List<Double>> a, List<List<Double>> b) {
        int p = columns.size();
        int margin = 110;
        var cells = new ArrayList<Cell>();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double v = a.get(i).get(j);
                String fill;
                String label;
                if (b != null) {
                    double diff = Math.abs(v - b.get(i).get(j));
                    fill = shade(Math.min(1, diff), false);
                    label = String.format(Locale.ROOT, "%s / %s: |difference| %.3f", columns.get(i), columns.get(j), diff);
                } else {
                    fill = shade(Math.max(-1, Math.min(1, v)), true);
                    label = String.format(Locale.ROOT, "%s / %s: %.3f", columns.get(i), columns.get(j), v);
                }
                cells.add(new Cell(Integer.toString(margin + j * CELL), Integer.toString(margin + i * CELL), fill,
                        label));
            }
        }
        var labels = new ArrayList<Label>();
        for (int i = 0; i < p; i++) {
            String name = columns.get(i).length() > 16 ? columns.get(i).substring(0, 15) + "…" : columns.get(i);
            labels.add(new Label(Integer.toString(margin - 4), Integer.toString(margin + i * CELL + 12), name, "",
                    "end"));
            int x = margin + i * CELL + 10;
            labels.add(new Label(Integer.toString(x), Integer.toString(margin - 4), name,
                    "rotate(-60 " + x + " " + (margin - 4) + ")", "start"));
        }
        String size = Integer.toString(margin + p * CELL + 4);
        return new Heatmap(title, Integer.toString(margin + p * CELL + 70), size, cells, labels, title + ": association of every pair of columns "
                + "(Pearson's r for two numeric columns, Cramér's V otherwise)");
    }

    private static String shade(double v, boolean signed) {
        double t = Math.abs(v);
        int r;
        int g;
        int bl;
        if (!signed || v < 0) {
            r = 255;
            g = (int) Math.round(255 - 170 * t);
            bl = (int) Math.round(255 - 190 * t);
        } else {
            r = (int) Math.round(255 - 200 * t);
            g = (int) Math.round(255 - 135 * t);
            bl = 255;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    private static Curve curve(SynthesisDetails.Curve c) {
        var values = c.values();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        var d = new StringBuilder();
        if (hi >= lo) {
            double span = hi > lo ? hi - lo : 1;
            int n = values.size();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                double v = values.get(i);
                if (!Double.isFinite(v)) {
                    pen = false;
                    continue;
                }
                double x = 40 + (n == 1 ? 0 : i * (CURVE_W - 50.0) / (n - 1));
                double y = 10 + (hi - v) / span * (CURVE_H - 30);
                d.append(pen ? " L" : (d.isEmpty() ? "M" : " M")).append(f(x)).append(' ').append(f(y));
                pen = true;
            }
        }
        return new Curve(c.candidate(), c.name(), Integer.toString(CURVE_W), Integer.toString(CURVE_H), d.toString(),
                c.candidate() + ": " + c.name() + " per epoch", hi >= lo ? String.format(Locale.ROOT, "%.4g", lo) : "",
                hi >= lo ? String.format(Locale.ROOT, "%.4g", hi) : "", Integer.toString(values.size()));
    }
}
