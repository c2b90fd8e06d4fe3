package io.modelscout.plugins.core;

import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.List;

/**
 * Turns a numeric feature table into a standardised matrix with the training means and standard deviations, so
 * that a penalised linear model is well conditioned however it is called. Ordinal columns count as their ranks.
 */
final class Standardiser {
    private final String owner;
    private final List<String> names;
    private final double[] mean;
    private final double[] scale;

    private Standardiser(String owner, List<String> names, double[] mean, double[] scale) {
        this.owner = owner;
        this.names = names;
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Learns the means and standard deviations of the training features.
     *
     * @param owner the plugin id, for messages
     * @param features the training features: numeric or ordinal, no missing cell
     * @return the standardiser
     * @throws IllegalArgumentException naming the column when one is nominal or has a missing cell
     */
    static Standardiser fit(String owner, Table features) {
        double[][] x = raw(owner, features);
        int p = features.columnCount();
        double[] mean = new double[p];
        double[] scale = new double[p];
        int n = x.length;
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[j];
            }
            mean[j] = sum / n;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            double sd = Math.sqrt(ss / n);
            // a constant column carries no information: leave it at zero rather than divide by nothing
            scale[j] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? sd : 1.0;
        }
        return new Standardiser(owner, features.columnNames(), mean, scale);
    }

    /**
     * The standardised rows of a table with the training columns.
     *
     * @param features the features
     * @return one array per row
     */
    double[][] transform(Table features) {
        if (features.columnCount() != mean.length) {
            throw new IllegalArgumentException(owner + ": expected " + mean.length + " feature columns, got "
                    + features.columnCount());
        }
        double[][] x = raw(owner, features);
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (row[j] - mean[j]) / scale[j];
            }
        }
        return x;
    }

    /**
     * The training column names.
     *
     * @return the names in order
     */
    List<String> names() {
        return names;
    }

    private static double[][] raw(String owner, Table features) {
        int n = features.rowCount();
        int p = features.columnCount();
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            Column column = features.column(j);
            switch (column) {
                case NumericColumn numeric -> {
                    for (int i = 0; i < n; i++) {
                        x[i][j] = numeric.value(i);
                    }
                }
                case OrdinalColumn ordinal -> {
                    for (int i = 0; i < n; i++) {
                        x[i][j] = ordinal.isMissing(i) ? Double.NaN : ordinal.code(i);
                    }
                }
                default -> throw new IllegalArgumentException(owner + " takes numeric features; column '"
                        + column.name() + "' is " + column.kind() + " (encode it first)");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(owner + " takes complete numeric features; column '"
                            + column.name() + "' has a missing or infinite cell in row " + i + " (impute it first)");
                }
            }
        }
        return x;
    }
}
