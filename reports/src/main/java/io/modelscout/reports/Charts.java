package io.modelscout.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the report's x-y charts (ROC curves, predicted against actual, residuals, claims, Pareto): one
 * generic view that {@code chart.mustache} draws as inline SVG, so that every chart has the same axes, ticks, title and
 * text alternative.
 */
final class Charts {
    /** Series colours cycle through this many CSS classes, {@code s0} to {@code s5}. */
    static final int PALETTE = 6;

    private Charts() {
    }

    /** A chart ready to draw; {@code alt} is its text alternative, also its SVG title. */
    record Chart(String width, String height, String alt, List<Line> lines, List<Path> paths, List<Mark> marks,
                 List<Text> texts) {
    }

    record Line(String cls, String x1, String y1, String x2, String y2) {
    }

    /** A path; points drawn as zero-length round-capped segments cost a few bytes each. */
    record Path(String cls, String d) {
    }

    record Mark(String cls, String cx, String cy, String r, String label) {
    }

    /** A label; {@code transform} turns the y-axis title, empty otherwise. */
    record Text(String cls, String x, String y, String anchor, String text, String transform) {
        Text(String cls, String x, String y, String anchor, String text) {
            this(cls, x, y, anchor, text, "");
        }
    }

    /** Maps data to pixels; a logarithmic x axis for times that span orders of magnitude. */
    static final class Frame {
        final int width;
        final int height;
        private static final int LEFT = 52;
        private static final int RIGHT = 12;
        private static final int TOP = 10;
        private static final int BOTTOM = 38;
        final double x0;
        final double x1;
        final double y0;
        final double y1;
        final boolean logX;
        final List<Line> lines = new ArrayList<>();
        final List<Path> paths = new ArrayList<>();
        final List<Mark> marks = new ArrayList<>();
        final List<Text> texts = new ArrayList<>();

        Frame(int width, int height, double x0, double x1, double y0, double y1, boolean logX) {
            this.width = width;
            this.height = height;
            this.logX = logX;
            double[] x = logX ? new double[] {Math.log10(x0), Math.log10(x1)} : new double[] {x0, x1};
            double[] xs = widen(x[0], x[1]);
            double[] ys = widen(y0, y1);
            this.x0 = xs[0];
            this.x1 = xs[1];
            this.y0 = ys[0];
            this.y1 = ys[1];
        }

        private static double[] widen(double lo, double hi) {
            if (!(lo < hi)) {
                double pad = Math.max(Math.abs(lo) * 0.05, 0.01);
                return new double[] {lo - pad, hi + pad};
            }
            return new double[] {lo, hi};
        }

        double px(double x) {
            double v = logX ? Math.log10(x) : x;
            return LEFT + (v - x0) / (x1 - x0) * (width - LEFT - RIGHT);
        }

        double py(double y) {
            return height - BOTTOM - (y - y0) / (y1 - y0) * (height - TOP - BOTTOM);
        }

        /** Axes, ticks with labels and axis titles. */
        Frame axes(String xTitle, String yTitle) {
            int bottom = height - BOTTOM;
            lines.add(new Line("axis", c(LEFT), c(bottom), c(width - RIGHT), c(bottom)));
            lines.add(new Line("axis", c(LEFT), c(TOP), c(LEFT), c(bottom)));
            if (logX) {
                for (int e = (int) Math.ceil(x0 - 1e-9); e <= Math.floor(x1 + 1e-9); e++) {
                    double x = LEFT + (e - x0) / (x1 - x0) * (width - LEFT - RIGHT);
                    lines.add(new Line("tick", c(x), c(bottom), c(x), c(bottom + 4)));
                    texts.add(new Text("", c(x), c(bottom + 15), "middle", java.math.BigDecimal.valueOf(Math.pow(10, e))
                            .stripTrailingZeros().toPlainString()));
                }
            } else {
                for (double t : ticks(x0, x1)) {
                    double x = px(t);
                    lines.add(new Line("tick", c(x), c(bottom), c(x), c(bottom + 4)));
                    texts.add(new Text("", c(x), c(bottom + 15), "middle", label(t, x0, x1)));
                }
            }
            for (double t : ticks(y0, y1)) {
                double y = py(t);
                lines.add(new Line("grid", c(LEFT), c(y), c(width - RIGHT), c(y)));
                texts.add(new Text("", c(LEFT - 5), c(y + 4), "end", label(t, y0, y1)));
            }
            texts.add(new Text("title", c(LEFT + (width - LEFT - RIGHT) / 2.0), c(height - 4), "middle", xTitle));
            String ty = c(TOP + (bottom - TOP) / 2.0);
            texts.add(new Text("title", "12", ty, "middle", yTitle, "rotate(-90 12 " + ty + ")"));
            return this;
        }

        /** A line through data points, skipping non-finite ones. */
        Frame polyline(String cls, List<Double> xs, List<Double> ys) {
            var d = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                double x = xs.get(i);
                double y = ys.get(i);
                if (!Double.isFinite(x) || !Double.isFinite(y) || (logX && x <= 0)) {
                    continue;
                }
                d.append(d.isEmpty() ? "M" : "L").append(c(px(x))).append(' ').append(c(py(y)));
            }
            if (!d.isEmpty()) {
                paths.add(new Path(cls, d.toString()));
            }
            return this;
        }

        /** Points as one path of dots. */
        Frame dots(String cls, List<Double> xs, List<Double> ys) {
            var d = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                double x = xs.get(i);
                double y = ys.get(i);
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    d.append('M').append(c(px(x))).append(' ').append(c(py(y))).append("h0");
                }
            }
            if (!d.isEmpty()) {
                paths.add(new Path(cls, d.toString()));
            }
            return this;
        }

        /** A reference line between two data points, e.g. the diagonal. */
        Frame reference(double xa, double ya, double xb, double yb) {
            lines.add(new Line("ref", c(px(xa)), c(py(ya)), c(px(xb)), c(py(yb))));
            return this;
        }

        /** A horizontal bar from the y axis's zero to {@code x}, centred on {@code y}. */
        Frame bar(String cls, double x, double y, double thickness) {
            double top = py(y) - thickness / 2;
            paths.add(new Path(cls, "M" + c(px(Math.max(x0, 0))) + " " + c(top) + "H" + c(px(x)) + "v"
                    + c(thickness) + "H" + c(px(Math.max(x0, 0))) + "Z"));
            return this;
        }

        Frame mark(String cls, double x, double y, String label) {
            marks.add(new Mark(cls, c(px(x)), c(py(y)), "4", label));
            return this;
        }

        Frame text(String cls, double x, double y, String anchor, String text) {
            return text(cls, x, y, anchor, text, 0);
        }

        /** A label {@code dy} pixels below the data point (above when negative). */
        Frame text(String cls, double x, double y, String anchor, String text, double dy) {
            texts.add(new Text(cls, c(px(x)), c(py(y) + dy), anchor, text));
            return this;
        }

        Chart chart(String alt) {
            return new Chart(String.valueOf(width), String.valueOf(height), alt, List.copyOf(lines),
                    List.copyOf(paths), List.copyOf(marks), List.copyOf(texts));
        }
    }

    /** Ticks at a step of 1, 2 or 5 times a power of ten, three to seven of them. */
    static List<Double> ticks(double lo, double hi) {
        double step = step((hi - lo) / 4);
        var ticks = new ArrayList<Double>();
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9 && ticks.size() < 12; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    static double step(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1.5 ? 1 : fraction <= 3.5 ? 2 : fraction <= 7.5 ? 5 : 10) * power;
    }

    private static String label(double t, double lo, double hi) {
        double step = step((hi - lo) / 4);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", t);
    }

    private static String c(double value) {
        return Numbers.coordinate(value);
    }

    /** The smallest and largest finite values of some lists, or {@code [0, 1]} when there is none. */
    static double[] range(List<List<Double>> lists) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Double> list : lists) {
            for (double v : list) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }
}
