package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.Set;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import smile.anomaly.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Smile's one-class SVM (Schölkopf et al.) with a Gaussian kernel of width {@code width} times the median distance
 * between training rows (over a fixed, evenly spaced subset of at most 300 rows). The solver visits rows in a random
 * order drawn from Smile's generator of the calling thread, seeded from the request first. Smile's decision
 * value is positive inside the boundary; its negative is the score, so higher is more anomalous.
 */
public final class OneClassSvmPlugin implements ModelPlugin {
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new RealParam("nu", "Upper bound on the share of training rows outside the boundary.", 0.05, 0.001, 0.5,
                    true),
            new RealParam("width", "Kernel width as a multiple of the median distance between training rows.", 1.0,
                    0.05, 20.0, true));

    /** Creates the plugin; it holds no state. */
    public OneClassSvmPlugin() {
    }

    @Override
    public String id() {
        return "smile.one-class-svm";
    }

    @Override
    public String displayName() {
        return "One-class SVM (Smile)";
    }

    @Override
    public String description() {
        return "A one-class support vector machine with a Gaussian kernel: a smooth boundary around the bulk of "
                + "the training rows; the score is how far outside it a row falls.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return Set.of(Goal.DETECT_ANOMALIES);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.UNSUPERVISED, Capability.NEEDS_SCALING);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        double[][] x = UnsupervisedData.training(request.features(), id());
        double median = medianDistance(x);
        double sigma = request.parameters().getDouble("width") * (median > 0 ? median : 1.0);
        double nu = request.parameters().getDouble("nu");
        // the solver visits the rows in a random order drawn on this thread
        Seeds.seedThisThread(request.seed());
        var svm = SVM.fit(x, new GaussianKernel(sigma), new SVM.Options(nu, 1e-3));
        return new SmileAnomalyDetector(id(), x[0].length, row -> -svm.score(row), String.format(Locale.ROOT,
                "One-class SVM, Gaussian kernel width %.4g, nu %.3g, %d support vectors", sigma, nu,
                svm.vectors().length));
    }

    /** The median distance between pairs of an evenly spaced subset of at most 300 rows. */
    private static double medianDistance(double[][] x) {
        int step = Math.max(1, x.length / 300);
        var rows = new ArrayList<double[]>();
        for (int i = 0; i < x.length; i += step) {
            rows.add(x[i]);
        }
        var distances = new ArrayList<Double>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                double s = 0;
                for (int c = 0; c < x[0].length; c++) {
                    double z = rows.get(i)[c] - rows.get(j)[c];
                    s += z * z;
                }
                distances.add(Math.sqrt(s));
            }
        }
        if (distances.isEmpty()) {
            return 0;
        }
        Collections.sort(distances);
        return distances.get(distances.size() / 2);
    }
}
