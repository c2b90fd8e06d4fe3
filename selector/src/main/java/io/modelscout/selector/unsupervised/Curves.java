package io.modelscout.selector.unsupervised;

import java.util.ArrayList;
import java.util.List;

/** ROC and precision-recall curves of out-of-fold anomaly scores, thinned to a number of points. */
final class Curves {
    private Curves() {
    }

    static AnomalyDetails.Curve roc(String id, double[] scores, boolean[] positive, int points) {
        var x = new ArrayList<Double>();
        var y = new ArrayList<Double>();
        Integer[] order = Measures.byScoreDescending(scores);
        int pos = 0;
        for (boolean b : positive) {
            pos += b ? 1 : 0;
        }
        int neg = positive.length - pos;
        x.add(0.0);
        y.add(0.0);
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            x.add(neg == 0 ? 0 : fp / (double) neg);
            y.add(pos == 0 ? 0 : tp / (double) pos);
            i = j;
        }
        return thin(id, x, y, Measures.rocAuc(scores, positive), points);
    }

    static AnomalyDetails.Curve precisionRecall(String id, double[] scores, boolean[] positive, int points) {
        var x = new ArrayList<Double>();
        var y = new ArrayList<Double>();
        Integer[] order = Measures.byScoreDescending(scores);
        int pos = 0;
        for (boolean b : positive) {
            pos += b ? 1 : 0;
        }
        int tp = 0;
        int seen = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                tp += positive[order[j]] ? 1 : 0;
                j++;
            }
            seen = j;
            x.add(pos == 0 ? 0 : tp / (double) pos);
            y.add(tp / (double) seen);
            i = j;
        }
        return thin(id, x, y, Measures.averagePrecision(scores, positive), points);
    }

    private static AnomalyDetails.Curve thin(String id, List<Double> x, List<Double> y, double area, int points) {
        double value = Double.isFinite(area) ? area : 0;
        if (x.size() <= points) {
            return new AnomalyDetails.Curve(id, x, y, value);
        }
        var tx = new ArrayList<Double>();
        var ty = new ArrayList<Double>();
        double step = (x.size() - 1) / (double) (points - 1);
        for (int k = 0; k < points; k++) {
            int at = (int) Math.round(k * step);
            tx.add(x.get(at));
            ty.add(y.get(at));
        }
        return new AnomalyDetails.Curve(id, tx, ty, value);
    }
}
