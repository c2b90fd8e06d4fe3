package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.model.FittedModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import smile.classification.NaiveBayes;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;

/**
 * Gaussian naive Bayes on Smile's {@link NaiveBayes}: class priors and, per class, an independent normal
 * distribution for each feature. Smile has no fit for it, so the priors (class shares) and the per-class means and
 * maximum-likelihood variances are computed here. Every variance is widened by a small share of the largest feature
 * variance (as scikit-learn's {@code var_smoothing} does), so a constant feature or a one-row class cannot give a
 * zero variance.
 */
public final class NaiveBayesPlugin implements ModelPlugin {
    // an absolute floor for data whose every feature is constant
    private static final double MIN_VARIANCE = 1e-12;

    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("varSmoothing", "Share of the largest feature variance added to every variance.",
                    1e-9, 1e-12, 1.0, true));

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.GENERATIVE, Capability.PROBABILISTIC));

    /** Creates the plugin; it holds no state. */
    public NaiveBayesPlugin() {
    }

    @Override
    public String id() {
        return "smile.naive-bayes";
    }

    @Override
    public String displayName() {
        return "Gaussian naive Bayes (Smile)";
    }

    @Override
    public String description() {
        return "A generative model: each class has a prior and an independent normal distribution per feature; "
                + "Bayes' rule gives the class probabilities. Needs little data and trains in one pass; its "
                + "independence assumption costs accuracy when features are strongly correlated.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var data = SmileData.classification(request);
        int k = data.classes().count();
        if (k < 2) {
            return SmileClassifier.constant(data);
        }
        double[][] x = data.x();
        int[] y = data.y();
        int n = x.length;
        int p = data.features();

        double[] priori = new double[k];
        double[][] mean = new double[k][p];
        for (int i = 0; i < n; i++) {
            priori[y[i]]++;
            for (int j = 0; j < p; j++) {
                mean[y[i]][j] += x[i][j];
            }
        }
        double[][] variance = new double[k][p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                mean[c][j] /= priori[c];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i][j] - mean[y[i]][j];
                variance[y[i]][j] += d * d;
            }
        }
        double epsilon = Math.max(smoothing(request.parameters()) * largestVariance(x, p), MIN_VARIANCE);
        var distributions = new Distribution[k][p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                double v = variance[c][j] / priori[c] + epsilon;
                distributions[c][j] = new GaussianDistribution(mean[c][j], Math.sqrt(v));
            }
            priori[c] /= n;
        }
        var model = new NaiveBayes(priori, distributions);
        return SmileClassifier.of(data, SmileClassifier.posteriors(model, k, rows -> rows),
                "Gaussian naive Bayes over " + k + " classes and " + p + " features");
    }

    private static double smoothing(ParameterValues parameters) {
        return parameters.getDouble("varSmoothing");
    }

    private static double largestVariance(double[][] x, int p) {
        double largest = 0;
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / x.length;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[j] - mean) * (row[j] - mean) / x.length;
            }
            largest = Math.max(largest, variance);
        }
        return largest;
    }
}
