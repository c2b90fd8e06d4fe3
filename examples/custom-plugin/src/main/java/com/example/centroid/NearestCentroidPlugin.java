package com.example.centroid;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Nearest shrunken centroid classification (Tibshirani, Hastie, Narasimhan and Chu, 2002).
 *
 * <p>Each class is summarised by its centroid, the mean of its training rows. The centroids are pulled towards
 * the overall mean by soft-thresholding their standardised distance from it by {@code threshold}; a feature whose
 * class centroids all shrink onto the overall mean no longer tells the classes apart and drops out. A row is
 * scored against each class as a Gaussian with the shrunken centroid as mean and a diagonal covariance shared by
 * all classes (the pooled within-class standard deviation of each feature, plus their median so that a nearly
 * constant feature cannot dominate), weighted by the class prior; the posterior follows from
 * Bayes' rule. That makes it a generative model: it describes how the rows of each class are spread.
 */
public final class NearestCentroidPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new HyperParameter.RealParam("threshold", "How far the class centroids are shrunk towards the overall "
                    + "mean, in within-class standard errors; 0 keeps the plain centroids.", 0.5, 0.0, 10.0, false),
            new HyperParameter.ChoiceParam("priors", "Class priors: the class frequencies of the training rows, or "
                    + "the same for every class seen in training.", "empirical", List.of("empirical", "uniform")));

    @Override
    public String id() {
        return "example.nearest-centroid";
    }

    @Override
    public String displayName() {
        return "Nearest shrunken centroid (example plugin)";
    }

    @Override
    public String description() {
        return "Summarises each class by a centroid shrunk towards the overall mean, and classifies a row by its "
                + "standardised distance to each centroid and the class prior. Few parameters, readable, and at "
                + "its best with many noisy features and few rows.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.CLASSIFY);
    }

    /**
     * Generative and probabilistic; interpretable, since a centroid is a row of class means a person can read.
     * It declares neither {@link Capability#NOMINAL_FEATURES} nor {@link Capability#HANDLES_MISSING_DATA}: ModelScout
     * encodes categorical columns and imputes missing cells inside each training fold before calling {@link #fit}.
     * It does not need {@link Capability#NEEDS_SCALING}, since it divides by each feature's spread itself.
     */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.INTERPRETABLE);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    /**
     * The API version this plugin was compiled against. {@code API_VERSION} is a compile-time constant, so this
     * override records the version of the API jar the plugin was built with, while the inherited default would
     * report the version of whichever ModelScout runs it.
     */
    @Override
    public String apiVersion() {
        return API_VERSION;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        if (request.goal() != Goal.CLASSIFY) {
            throw new IllegalArgumentException(id() + " does not serve goal " + request.goal().id());
        }
        CategoricalColumn target = request.classTarget();
        double[][] x = request.features().toMatrix();
        int n = x.length;
        int p = request.features().columnCount();
        int classes = target.levels().size();
        int[] y = target.toCodes();

        int[] count = new int[classes];
        double[] overall = new double[p];
        double[][] centroid = new double[classes][p];
        for (int i = 0; i < n; i++) {
            count[y[i]]++;
            for (int j = 0; j < p; j++) {
                overall[j] += x[i][j] / n;
                centroid[y[i]][j] += x[i][j];
            }
        }
        int seen = 0;
        for (int k = 0; k < classes; k++) {
            if (count[k] > 0) {
                seen++;
                for (int j = 0; j < p; j++) {
                    centroid[k][j] /= count[k];
                }
            }
        }
        // Pooled within-class standard deviation of each feature, plus the median of them as a floor, as in the paper.
        double[] sd = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i][j] - centroid[y[i]][j];
                sd[j] += d * d;
            }
        }
        int dof = Math.max(1, n - seen);
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / dof);
        }
        double floor = p == 0 ? 1.0 : median(sd);
        if (!(floor > 0)) {
            floor = 1.0;
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = sd[j] + floor;
        }

        double threshold = request.parameters().getDouble("threshold");
        boolean uniform = request.parameters().getString("priors").equals("uniform");
        double[][] shrunk = new double[classes][p];
        double[] logPrior = new double[classes];
        boolean[] used = new boolean[p];
        for (int k = 0; k < classes; k++) {
            if (count[k] == 0) {
                logPrior[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            logPrior[k] = Math.log(uniform ? 1.0 / seen : count[k] / (double) n);
            double m = Math.sqrt(Math.max(0.0, 1.0 / count[k] - 1.0 / n));
            for (int j = 0; j < p; j++) {
                double se = m * scale[j];
                double d = se > 0 ? (centroid[k][j] - overall[j]) / se : 0.0;
                double kept = Math.signum(d) * Math.max(0.0, Math.abs(d) - threshold);
                shrunk[k][j] = overall[j] + se * kept;
                used[j] |= kept != 0.0;
            }
        }
        int features = 0;
        for (boolean u : used) {
            features += u ? 1 : 0;
        }
        return new Model(shrunk, scale, logPrior, seen, features);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The fitted centroids; immutable, so predictions may run on several threads at once. */
    private record Model(double[][] centroids, double[] scale, double[] logPrior, int classesSeen, int featuresUsed)
            implements Classifier {

        @Override
        public ClassPrediction predict(Table features) {
            double[][] x = features.toMatrix();
            int classes = centroids.length;
            double[][] probabilities = new double[x.length][classes];
            for (int i = 0; i < x.length; i++) {
                double[] score = new double[classes];
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    if (logPrior[k] == Double.NEGATIVE_INFINITY) {
                        score[k] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double distance = 0;
                    for (int j = 0; j < scale.length; j++) {
                        double z = (x[i][j] - centroids[k][j]) / scale[j];
                        distance += z * z;
                    }
                    score[k] = -0.5 * distance + logPrior[k];
                    best = Math.max(best, score[k]);
                }
                // Softmax after subtracting the best score, so that far-away rows do not underflow to 0 / 0.
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    probabilities[i][k] = score[k] == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(score[k] - best);
                    sum += probabilities[i][k];
                }
                for (int k = 0; k < classes; k++) {
                    probabilities[i][k] /= sum;
                }
            }
            return ClassPrediction.fromProbabilities(probabilities);
        }

        @Override
        public String summary() {
            return classesSeen + " shrunken centroids; " + featuresUsed + " of " + scale.length
                    + " features still separate the classes";
        }
    }
}
