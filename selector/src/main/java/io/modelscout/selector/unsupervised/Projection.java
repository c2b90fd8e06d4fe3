package io.modelscout.selector.unsupervised;

import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The first two principal components of the standardised numeric columns, for the cluster scatter. */
final class Projection {
    private Projection() {
    }

    static Optional<ClusterDetails.Projection> of(Table table, int[] clusters, Optional<String[]> groups, int maxRows) {
        var numeric = new ArrayList<NumericColumn>();
        for (Column column : table.columns()) {
            if (column instanceof NumericColumn n) {
                numeric.add(n);
            }
        }
        int p = numeric.size();
        int n = table.rowCount();
        if (p < 2 || n < 3) {
            return Optional.empty();
        }
        // Standardise, with a missing cell at the column mean (0 after centring).
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            NumericColumn column = numeric.get(j);
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!column.isMissing(i)) {
                    sum += column.value(i);
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                if (!column.isMissing(i)) {
                    ss += (column.value(i) - mean) * (column.value(i) - mean);
                }
            }
            double sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
            for (int i = 0; i < n; i++) {
                x[i][j] = column.isMissing(i) || sd == 0 ? 0 : (column.value(i) - mean) / sd;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] row : x) {
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    cov[a][b] += row[a] * row[b] / (n - 1);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
            trace += cov[a][a];
        }
        double[][] vectors = new double[2][];
        double[] values = new double[2];
        for (int component = 0; component < 2; component++) {
            double[] v = new double[p];
            for (int j = 0; j < p; j++) {
                v[j] = 1.0 / Math.sqrt(p) + 1e-3 * (j % 7);
            }
            double lambda = 0;
            for (int iteration = 0; iteration < 1000; iteration++) {
                double[] w = new double[p];
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        w[a] += cov[a][b] * v[b];
                    }
                }
                double norm = 0;
                for (double c : w) {
                    norm += c * c;
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    break;
                }
                double change = 0;
                for (int j = 0; j < p; j++) {
                    w[j] /= norm;
                    change += Math.abs(w[j] - v[j]);
                }
                v = w;
                lambda = norm;
                if (change < 1e-10) {
                    break;
                }
            }
            // A fixed sign: the largest loading positive, so the picture does not flip between runs.
            int largest = 0;
            for (int j = 1; j < p; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < p; j++) {
                    v[j] = -v[j];
                }
            }
            vectors[component] = v;
            values[component] = lambda;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        int step = Math.max(1, (n + maxRows - 1) / maxRows);
        var points = new ArrayList<ClusterDetails.Point>();
        for (int i = 0; i < n; i += step) {
            double px = 0;
            double py = 0;
            for (int j = 0; j < p; j++) {
                px += x[i][j] * vectors[0][j];
                py += x[i][j] * vectors[1][j];
            }
            int row = i;
            points.add(new ClusterDetails.Point(i, px, py, clusters[i], groups.map(g -> g[row] == null ? "" : g[row])));
        }
        double e1 = trace == 0 ? 0 : values[0] / trace;
        double e2 = trace == 0 ? 0 : values[1] / trace;
        return Optional.of(new ClusterDetails.Projection(
                String.format(Locale.ROOT, "PC1 (%.1f %% of variance)", 100 * e1),
                String.format(Locale.ROOT, "PC2 (%.1f %% of variance)", 100 * e2), List.of(e1, e2), points, n));
    }
}
