package io.modelscout.reports;

import io.modelscout.reports.ReportModel.ConfusionCell;
import io.modelscout.reports.ReportModel.ConfusionRow;
import io.modelscout.reports.ReportModel.Legend;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of the cluster, anomaly and density sections, drawn on {@link Charts.Frame} so that they share the
 * report's axes, colours and text alternatives: a scatter coloured by group, horizontal bars, lines of a criterion
 * against a count, a histogram with a marked subset, ROC and precision-recall curves, and a shaded count table.
 */
final class GoalCharts {
    /** Points drawn in a scatter; beyond this every n-th point is drawn, so that the page stays small. */
    static final int SCATTER_POINTS = 1000;
    /** Points drawn per ROC or precision-recall curve. */
    static final int CURVE_POINTS = Sections.ROC_POINTS;
    /** Class of the points no group claims (noise of a density-based clusterer). */
    static final String NOISE = "noise";

    private GoalCharts() {
    }

    /** A named line of points, e.g. one candidate's criterion against the number of components. */
    record Series(String label, List<Double> x, List<Double> y) {
        Series {
            x = List.copyOf(x);
            y = List.copyOf(y);
        }
    }

    /**
     * Groups (clusters, reference groups, series) cycle through this many colours: the report's six and four more,
     * {@code s6} to {@code s9}, defined with the styles of these sections.
     */
    static final int GROUP_PALETTE = 10;

    /** The CSS class of group {@code g}: one of the palette's, or the noise class for a negative group. */
    static String groupClass(int g) {
        return g < 0 ? NOISE : "s" + (g % GROUP_PALETTE);
    }

    /**
     * A scatter of points coloured by group, one circle per drawn point with its group and coordinates as its title.
     *
     * @param xs the first coordinates
     * @param ys the second coordinates
     * @param groups each point's group, an index into {@code names}; negative for a point in no group
     * @param names the groups' names
     * @param xTitle the x axis's title
     * @param yTitle the y axis's title
     * @param alt the start of the text alternative; the counts drawn are added
     */
    static Charts.Chart scatter(List<Double> xs, List<Double> ys, List<Integer> groups, List<String> names,
                                String xTitle, String yTitle, String alt) {
        return scatter(xs, ys, groups, names, inOrder(names.size()), xTitle, yTitle, alt);
    }

    /**
     * A scatter whose groups take given colours, e.g. the reference groups coloured as the clusters they fall in.
     *
     * @param colours each group's palette index
     */
    static Charts.Chart scatter(List<Double> xs, List<Double> ys, List<Integer> groups, List<String> names,
                                List<Integer> colours, String xTitle, String yTitle, String alt) {
        int n = Math.min(xs.size(), Math.min(ys.size(), groups.size()));
        int step = Math.max(1, (int) Math.ceil(n / (double) SCATTER_POINTS));
        var px = new ArrayList<Double>();
        var py = new ArrayList<Double>();
        var pg = new ArrayList<Integer>();
        for (int i = 0; i < n; i += step) {
            if (Double.isFinite(xs.get(i)) && Double.isFinite(ys.get(i))) {
                px.add(xs.get(i));
                py.add(ys.get(i));
                pg.add(groups.get(i));
            }
        }
        double[] xr = pad(Charts.range(List.of(px)));
        double[] yr = pad(Charts.range(List.of(py)));
        var frame = new Charts.Frame(420, 340, xr[0], xr[1], yr[0], yr[1], false).axes(xTitle, yTitle);
        for (int i = 0; i < px.size(); i++) {
            int g = pg.get(i);
            String name = g >= 0 && g < names.size() ? names.get(g) : "no group";
            frame.marks.add(new Charts.Mark("pt " + groupClass(g < 0 || g >= colours.size() ? g : colours.get(g)),
                    Numbers.coordinate(frame.px(px.get(i))),
                    Numbers.coordinate(frame.py(py.get(i))), "3", name + ": (" + Numbers.plain(px.get(i)) + ", "
                    + Numbers.plain(py.get(i)) + ")"));
        }
        String drawn = px.size() == n ? n + " points" : px.size() + " of " + n + " points (every " + step
                + (step == 2 ? "nd" : step == 3 ? "rd" : "th") + ")";
        return frame.chart(alt + ": " + drawn + " in " + names.size() + (names.size() == 1 ? " group." : " groups."));
    }

    /** The legend of a scatter's groups, with the noise class when some point is in no group. */
    static List<Legend> groupLegend(List<String> names, List<Long> counts, boolean noise, long noiseCount) {
        return groupLegend(names, inOrder(names.size()), counts, noise, noiseCount);
    }

    /** The legend of a scatter whose groups take given palette indices. */
    static List<Legend> groupLegend(List<String> names, List<Integer> colours, List<Long> counts, boolean noise,
                                    long noiseCount) {
        var legend = new ArrayList<Legend>();
        for (int g = 0; g < names.size(); g++) {
            legend.add(new Legend(groupClass(colours.get(g)), names.get(g) + (g < counts.size() ? " ("
                    + counts.get(g) + ")" : "")));
        }
        if (noise) {
            legend.add(new Legend(NOISE, "no group (" + noiseCount + ")"));
        }
        return legend;
    }

    /**
     * Horizontal bars, one per label from the top, each named above its start and labelled with its text at its end,
     * so that long names do not run into the bars.
     *
     * @param labels the bars' names
     * @param values their lengths, zero or more
     * @param texts what each bar says at its end
     * @param xTitle the value axis's title
     * @param alt the text alternative
     */
    static Charts.Chart bars(List<String> labels, List<Double> values, List<String> texts, String xTitle,
                             String alt) {
        int n = labels.size();
        double[] range = Charts.range(List.of(values));
        double max = Math.max(range[1], 1e-9);
        var frame = new Charts.Frame(460, 56 + 34 * n, 0, max * 1.45, -0.6, n - 0.4, false).axes(xTitle, "");
        frame.lines.removeIf(l -> l.cls().equals("grid"));
        frame.texts.removeIf(t -> t.anchor().equals("end"));
        for (int k = 0; k < n; k++) {
            double row = n - 1 - k;
            double v = Double.isFinite(values.get(k)) ? values.get(k) : 0;
            frame.bar("bar " + groupClass(k), v, row, 10);
            frame.text("lbl", 0, row, "start", labels.get(k), -9);
            frame.text("", v, row, "start", " " + texts.get(k), 4);
        }
        return frame.chart(alt);
    }

    /**
     * Lines of a criterion against a count (e.g. BIC against the number of components), one per series, with a dot
     * per point and a ring at each series' chosen count.
     *
     * @param series the lines
     * @param chosen each series' chosen x, NaN for none
     * @param xTitle the x axis's title
     * @param yTitle the y axis's title
     * @param alt the start of the text alternative; each line's range is added
     */
    static Charts.Chart lines(List<Series> series, List<Double> chosen, String xTitle, String yTitle, String alt) {
        var xs = new ArrayList<List<Double>>();
        var ys = new ArrayList<List<Double>>();
        series.forEach(s -> {
            xs.add(s.x());
            ys.add(s.y());
        });
        double[] xr = Charts.range(xs);
        // Counts are whole numbers: a span of at least 4.4 gives ticks a whole step apart.
        double lo = xr[0] - 0.4;
        double hi = Math.max(xr[1] + 0.4, lo + 4.4);
        double[] yr = Charts.range(ys);
        // Tick labels of five digits or more would not fit beside the axis: thousands, said in the axis title.
        double unit = Math.max(Math.abs(yr[0]), Math.abs(yr[1])) >= 10_000 ? 1000 : 1;
        yr = new double[] {yr[0] / unit, yr[1] / unit};
        double ypad = Math.max((yr[1] - yr[0]) * 0.08, Math.max(Math.abs(yr[1]) * 1e-3, 1e-3));
        var frame = new Charts.Frame(460, 280, lo, hi, yr[0] - ypad, yr[1] + ypad, false).axes(xTitle,
                unit == 1 ? yTitle : yTitle + ", thousands");
        var parts = new ArrayList<String>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String cls = groupClass(k);
            List<Double> scaled = s.y().stream().map(v -> v / unit).toList();
            frame.polyline("curve " + cls, s.x(), scaled);
            for (int i = 0; i < s.x().size(); i++) {
                if (Double.isFinite(s.x().get(i)) && Double.isFinite(s.y().get(i))) {
                    frame.mark("pt " + cls, s.x().get(i), scaled.get(i), s.label() + ": " + xTitle + " "
                            + whole(s.x().get(i)) + ", " + yTitle + " " + Numbers.plain(s.y().get(i)));
                }
            }
            double at = k < chosen.size() ? chosen.get(k) : Double.NaN;
            int index = s.x().indexOf(at);
            String pick = "";
            if (index >= 0 && Double.isFinite(s.y().get(index))) {
                frame.marks.add(new Charts.Mark("ring " + cls, Numbers.coordinate(frame.px(at)),
                        Numbers.coordinate(frame.py(scaled.get(index))), "7", s.label() + ": chosen " + xTitle + " "
                        + whole(at)));
                pick = ", chosen " + whole(at);
            }
            parts.add(s.label() + " " + s.x().size() + (s.x().size() == 1 ? " point" : " points") + pick);
        }
        return frame.chart(alt + ": " + String.join("; ", parts) + ".");
    }

    /**
     * A histogram of scores; when {@code marked} is given, the marked rows (e.g. the reference's anomalies) are
     * stacked on top of the others in a second colour.
     *
     * @param scores the scores
     * @param marked for each score whether it is marked; empty when nothing is marked
     * @param bins the number of bins
     * @param threshold a score to draw as a dashed vertical line, NaN for none
     * @param xTitle the score axis's title
     * @param alt the start of the text alternative; the counts are added
     */
    static Charts.Chart histogram(List<Double> scores, List<Boolean> marked, int bins, double threshold,
                                  String xTitle, String alt) {
        return histogram(scores, marked, bins, threshold, xTitle, alt, 460, 260);
    }

    /** A histogram of a given size in pixels, e.g. small multiples. */
    static Charts.Chart histogram(List<Double> scores, List<Boolean> marked, int bins, double threshold,
                                  String xTitle, String alt, int pixelWidth, int pixelHeight) {
        double[] range = Charts.range(List.of(scores));
        double top = cut(scores, threshold);
        range = new double[] {Double.isFinite(threshold) ? Math.min(range[0], threshold) : range[0], top};
        double width = range[1] > range[0] ? (range[1] - range[0]) / bins : 1;
        long beyond = scores.stream().filter(v -> Double.isFinite(v) && v > top).count();
        long[] plain = new long[bins];
        long[] flagged = new long[bins];
        long total = 0;
        long totalMarked = 0;
        boolean hasMarks = !marked.isEmpty();
        for (int i = 0; i < scores.size(); i++) {
            double v = scores.get(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            int b = Math.min(bins - 1, Math.max(0, (int) ((v - range[0]) / width)));
            total++;
            if (hasMarks && i < marked.size() && marked.get(i)) {
                flagged[b]++;
                totalMarked++;
            } else {
                plain[b]++;
            }
        }
        long highest = 1;
        for (int b = 0; b < bins; b++) {
            highest = Math.max(highest, plain[b] + flagged[b]);
        }
        double x0 = range[0];
        double x1 = range[0] + width * bins;
        var frame = new Charts.Frame(pixelWidth, pixelHeight, x0, x1, 0, highest * 1.08, false).axes(xTitle,
                "rows");
        for (int b = 0; b < bins; b++) {
            double left = x0 + b * width;
            column(frame, "bar s0", left, left + width, 0, plain[b]);
            if (flagged[b] > 0) {
                column(frame, "bar marked", left, left + width, plain[b], plain[b] + flagged[b]);
            }
        }
        if (Double.isFinite(threshold)) {
            frame.reference(threshold, 0, threshold, highest * 1.08);
        }
        if (beyond > 0) {
            frame.text("lbl", x1 - width / 2, plain[bins - 1] + flagged[bins - 1], "middle", "+" + beyond, -4);
        }
        return frame.chart(alt + ": " + total + " rows in " + bins + " bins from " + Numbers.plain(x0) + " to "
                + Numbers.plain(x1) + (beyond > 0 ? ", the last bin also holding the " + beyond + " rows above "
                + Numbers.plain(x1) : "") + (hasMarks ? "; " + totalMarked + " marked as anomalies by the reference,"
                + " stacked on top" : "") + (Double.isFinite(threshold) ? "; dashed line at "
                + Numbers.plain(threshold) : "") + ".");
    }

    /**
     * Where a histogram's axis ends: the largest score, unless a few far scores would squash the rest into a bin or
     * two; then the 99th percentile (or the threshold, if larger), the rows beyond counted in the last bin.
     *
     * @param scores the scores
     * @param threshold a score that must stay on the axis, NaN for none
     * @return the axis's upper end
     */
    static double cut(List<Double> scores, double threshold) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return Double.isFinite(threshold) ? threshold : 1;
        }
        double lo = sorted[0];
        double max = sorted[sorted.length - 1];
        double q = sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        double keep = Double.isFinite(threshold) ? Math.max(q, threshold) : q;
        // A tail longer than the body: draw the body.
        boolean longTail = sorted.length >= 50 && max - keep > (keep - lo) && keep > lo;
        return longTail ? keep : Double.isFinite(threshold) ? Math.max(max, threshold) : max;
    }

    /** A vertical bar between two x values and two counts, one path with a title-free outline. */
    private static void column(Charts.Frame frame, String cls, double left, double right, double bottom, double top) {
        if (top <= bottom) {
            return;
        }
        // A hair of space between bars keeps neighbours apart.
        double l = frame.px(left) + 0.5;
        double r = Math.max(l + 0.5, frame.px(right) - 0.5);
        frame.paths.add(new Charts.Path(cls, "M" + Numbers.coordinate(l) + " " + Numbers.coordinate(frame.py(bottom))
                + "V" + Numbers.coordinate(frame.py(top)) + "H" + Numbers.coordinate(r) + "V"
                + Numbers.coordinate(frame.py(bottom)) + "Z"));
    }

    /**
     * ROC curves, one per series (x false positive rate, y true positive rate), with the diagonal of chance.
     *
     * @param series the curves, labelled with their areas
     * @param alt the text alternative
     */
    static Charts.Chart roc(List<Series> series, String alt) {
        var frame = new Charts.Frame(300, 280, 0, 1, 0, 1, false).axes("false positive rate", "true positive rate");
        frame.reference(0, 0, 1, 1);
        curves(frame, series);
        return frame.chart(alt);
    }

    /**
     * Precision-recall curves, one per series (x recall, y precision), with chance (the share of positives) dashed.
     *
     * @param series the curves
     * @param prevalence the share of positives, NaN when unknown
     * @param alt the text alternative
     */
    static Charts.Chart precisionRecall(List<Series> series, double prevalence, String alt) {
        var frame = new Charts.Frame(300, 280, 0, 1, 0, 1, false).axes("recall", "precision");
        if (Double.isFinite(prevalence)) {
            frame.reference(0, prevalence, 1, prevalence);
        }
        curves(frame, series);
        return frame.chart(alt);
    }

    private static void curves(Charts.Frame frame, List<Series> series) {
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            frame.polyline("curve " + groupClass(k), Sections.thin(s.x(), CURVE_POINTS),
                    Sections.thin(s.y(), CURVE_POINTS));
        }
    }

    /** The legend of series drawn in palette order. */
    static List<Legend> legend(List<String> texts) {
        var legend = new ArrayList<Legend>();
        for (int k = 0; k < texts.size(); k++) {
            legend.add(new Legend(groupClass(k), texts.get(k)));
        }
        return legend;
    }

    /**
     * A table of counts shaded by their share of the row, like the confusion matrix, e.g. clusters (rows) against the
     * reference's groups (columns).
     *
     * @param rowLabels the rows' names
     * @param counts the counts, a row per label
     * @return the rows, each cell shaded {@code h0} to {@code h4}; the largest cell of a row is in bold
     */
    static List<ConfusionRow> crossTab(List<String> rowLabels, List<List<Long>> counts) {
        var rows = new ArrayList<ConfusionRow>();
        for (int i = 0; i < counts.size(); i++) {
            List<Long> row = counts.get(i);
            long total = row.stream().mapToLong(Long::longValue).sum();
            long top = row.stream().mapToLong(Long::longValue).max().orElse(0);
            var cells = new ArrayList<ConfusionCell>();
            for (long count : row) {
                double share = total == 0 ? 0 : count / (double) total;
                cells.add(new ConfusionCell(String.valueOf(count), "h" + Math.min(4, (int) Math.ceil(share * 4))
                        + (count == top && count > 0 ? " diag" : "")));
            }
            rows.add(new ConfusionRow(i < rowLabels.size() ? rowLabels.get(i) : String.valueOf(i + 1), cells));
        }
        return rows;
    }

    /** A count as a whole number, anything else as a plain number. */
    private static String whole(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? String.valueOf((long) x) : Numbers.plain(x);
    }

    private static List<Integer> inOrder(int n) {
        var colours = new ArrayList<Integer>(n);
        for (int i = 0; i < n; i++) {
            colours.add(i);
        }
        return colours;
    }

    /** The range widened by 4 % on each side, so that points at its ends stay off the axes. */
    private static double[] pad(double[] range) {
        double margin = (range[1] - range[0]) * 0.04;
        return new double[] {range[0] - margin, range[1] + margin};
    }
}
