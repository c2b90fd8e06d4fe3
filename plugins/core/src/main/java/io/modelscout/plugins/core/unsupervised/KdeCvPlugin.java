package io.modelscout.plugins.core.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import java.util.Locale;
import java.util.Set;

/**
 * Kernel density estimation with product Gaussian kernels on numeric columns, the bandwidths chosen by likelihood:
 * Scott's bandwidths times one common multiple, the multiple that maximises the leave-one-out log-likelihood of the
 * training rows among {@link Bandwidths#MULTIPLES} (0.05 to 3 on a log scale). On large data a seeded subset of
 * {@link Bandwidths#LOO_ROWS} rows is scored (each still against all other rows).
 */
public final class KdeCvPlugin implements ModelPlugin {

    /** Creates the plugin; it holds no state. */
    public KdeCvPlugin() {
    }

    @Override
    public String id() {
        return "core.kde-cv";
    }

    @Override
    public String displayName() {
        return "Kernel density, bandwidth by leave-one-out likelihood";
    }

    @Override
    public String description() {
        return "A kernel density estimate with product Gaussian kernels whose bandwidths are chosen by the "
                + "leave-one-out likelihood of the training rows: follows several modes where a rule oversmooths.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.SAMPLES_NEW_DATA);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.EMPTY;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var columns = Columns.of(request.features(), id(), false);
        double[][] x = complete(request.features(), id());
        double[] scott = Bandwidths.rule(x, false);
        int[] scored = Bandwidths.scoredRows(x.length, request.seed());
        double bestMultiple = 1;
        double best = Double.NEGATIVE_INFINITY;
        for (double multiple : Bandwidths.MULTIPLES) {
            double[] h = scaled(scott, multiple);
            double score = Bandwidths.leaveOneOut(x, h, scored);
            if (score > best) {
                best = score;
                bestMultiple = multiple;
            }
        }
        double[] h = scaled(scott, bestMultiple);
        return new KernelDensity(id(), columns, x, h, String.format(Locale.ROOT,
                "Kernel density over %d rows, bandwidths %.3g x Scott's rule (leave-one-out log-likelihood %.4g per "
                        + "row): %s", x.length, bestMultiple, best, describe(columns, h)));
    }

    private static double[] scaled(double[] h, double multiple) {
        double[] out = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            out[j] = h[j] * multiple;
        }
        return out;
    }

    /** The complete, finite training rows of an all-numeric table. */
    static double[][] complete(Table table, String plugin) {
        double[][] x = Columns.matrix(table);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(plugin + ": column '" + table.column(j).name() + "', row " + i
                            + " is " + x[i][j] + "; this model is fitted on complete, finite rows (the framework imputes)");
                }
            }
        }
        return x;
    }

    static String describe(Columns columns, double[] h) {
        var parts = new StringBuilder();
        for (int j = 0; j < h.length && j < 6; j++) {
            parts.append(j == 0 ? "" : ", ").append(columns.names().get(j)).append(' ')
                    .append(String.format(Locale.ROOT, "%.3g", h[j]));
        }
        return parts + (h.length > 6 ? ", ..." : "");
    }
}
