package io.modelscout.selector.unsupervised;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The measures of the unsupervised goals that neither Smile nor Weka offer on the selector's own arrays. */
final class Measures {
    private Measures() {
    }

    /** Adjusted Rand index of two labelings of the same rows (Hubert and Arabie); noise ({@code -1}) is a label. */
    static double adjustedRand(int[] a, int[] b) {
        int n = a.length;
        if (n < 2) {
            return 1.0;
        }
        var table = new HashMap<Long, Integer>();
        var rows = new HashMap<Integer, Integer>();
        var cols = new HashMap<Integer, Integer>();
        for (int i = 0; i < n; i++) {
            table.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double index = table.values().stream().mapToDouble(Measures::pairs).sum();
        double sumA = rows.values().stream().mapToDouble(Measures::pairs).sum();
        double sumB = cols.values().stream().mapToDouble(Measures::pairs).sum();
        double expected = sumA * sumB / pairs(n);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            // Both labelings put every row in one group, or each in its own: they agree fully.
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(int count) {
        return count * (count - 1) / 2.0;
    }

    /** Normalised mutual information (arithmetic mean of the entropies) of two labelings. */
    static double normalisedMutualInformation(int[] a, int[] b) {
        int n = a.length;
        var joint = new HashMap<Long, Integer>();
        var rows = new HashMap<Integer, Integer>();
        var cols = new HashMap<Integer, Integer>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double ha = entropy(rows, n);
        double hb = entropy(cols, n);
        if (ha == 0 && hb == 0) {
            return 1.0;
        }
        double mi = 0;
        for (var e : joint.entrySet()) {
            int x = (int) (e.getKey() >> 32);
            int y = (int) (long) e.getKey();
            double pxy = e.getValue() / (double) n;
            mi += pxy * Math.log(pxy / (rows.get(x) / (double) n * cols.get(y) / (double) n));
        }
        return mi / ((ha + hb) / 2);
    }

    private static double entropy(Map<Integer, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double p = c / (double) n;
            h -= p * Math.log(p);
        }
        return h;
    }

    /**
     * Mean silhouette of rows under an assignment, Euclidean distance. Noise rows ({@code -1}) count as 0, as does
     * a row alone in its cluster; fewer than two clusters give 0.
     */
    static double silhouette(double[][] x, int[] labels) {
        int n = x.length;
        int k = Arrays.stream(labels).max().orElse(-1) + 1;
        if (n < 2 || Arrays.stream(labels).filter(l -> l >= 0).distinct().count() < 2) {
            return 0.0;
        }
        int[] size = new int[k];
        for (int l : labels) {
            if (l >= 0) {
                size[l]++;
            }
        }
        double total = 0;
        double[] sum = new double[k];
        for (int i = 0; i < n; i++) {
            int own = labels[i];
            if (own < 0 || size[own] < 2) {
                continue;
            }
            Arrays.fill(sum, 0);
            for (int j = 0; j < n; j++) {
                if (j != i && labels[j] >= 0) {
                    sum[labels[j]] += distance(x[i], x[j]);
                }
            }
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Mid-ranks (1-based, ties share their mean rank). */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[order[t]] = mid;
            }
            i = j + 1;
        }
        return r;
    }

    /** Spearman rank correlation; 0 when either side is constant. */
    static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0.0 : sab / Math.sqrt(saa * sbb);
    }

    /** ROC AUC of scores (higher = positive) against truth, ties counted half (Mann-Whitney). */
    static double rocAuc(double[] scores, boolean[] positive) {
        double[] r = ranks(scores);
        long pos = 0;
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos++;
                sum += r[i];
            }
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision: the mean of the precision at each positive's rank, rows with equal scores as one step. */
    static double averagePrecision(double[] scores, boolean[] positive) {
        Integer[] order = byScoreDescending(scores);
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        if (pos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int seen = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            int groupTp = 0;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                groupTp += positive[order[j]] ? 1 : 0;
                j++;
            }
            tp += groupTp;
            seen = j;
            ap += groupTp / (double) pos * (tp / (double) seen);
            i = j;
        }
        return ap;
    }

    /** Precision among the {@code n} highest scores (ties at the cut broken by row order). */
    static double precisionAt(double[] scores, boolean[] positive, int n) {
        Integer[] order = byScoreDescending(scores);
        int cut = Math.min(n, order.length);
        if (cut == 0) {
            return Double.NaN;
        }
        int tp = 0;
        for (int i = 0; i < cut; i++) {
            tp += positive[order[i]] ? 1 : 0;
        }
        return tp / (double) cut;
    }

    static Integer[] byScoreDescending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> {
            int c = Double.compare(scores[q], scores[p]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        return order;
    }

    /** The 95 % Wilson score interval of a proportion. */
    static double[] wilson(long hits, long trials) {
        if (trials == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959963984540054;
        double p = hits / (double) trials;
        double denominator = 1 + z * z / trials;
        double centre = (p + z * z / (2.0 * trials)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
        return new double[] {hits == 0 ? 0 : Math.max(0, centre - half), hits == trials ? 1 : Math.min(1, centre + half)};
    }

    /** Scores turned into ranks scaled to (0, 1], so detectors on different scales can be averaged. */
    static double[] scaledRanks(double[] scores) {
        double[] r = ranks(scores);
        for (int i = 0; i < r.length; i++) {
            r[i] /= r.length;
        }
        return r;
    }
}
