package io.modelscout.plugins.core;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ordinal logistic regression (proportional odds, cumulative logit): one weight vector and ordered thresholds,
 * {@code P(y <= k | x) = sigmoid(t_k - w.x)}. It spends one parameter per class boundary where multinomial
 * logistic regression spends a weight vector per class, which pays when the classes are ranked and rows are few.
 * The levels are taken in their declared order; the rulebook offers the model only for targets declared ordered.
 */
public final class OrdinalLogisticPlugin implements ModelPlugin {
    static final String ID = "core.ordinal-logistic";
    private static final double GRADIENT_TOLERANCE = 1e-7;
    private static final int SUMMARY_WEIGHTS = 8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Ordinal logistic regression (proportional odds)";
    }

    @Override
    public String description() {
        return "Cumulative-logit model for a ranked target: a single linear score cut by ordered thresholds. "
                + "Fewer parameters than multinomial logistic regression, and mistakes tend to land on neighbouring ranks.";
    }

    @Override
    public Family family() {
        return Family.DISCRIMINATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.CLASSIFY);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ORDINAL_TARGET, Capability.PROBABILISTIC, Capability.INTERPRETABLE,
                Capability.NEEDS_SCALING, Capability.FAST_INFERENCE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new RealParam("lambda", "L2 penalty on the feature weights (per row: the loss is a mean)",
                        1e-3, 1e-6, 10.0, true),
                new IntParam("maxIterations", "iteration limit of the L-BFGS optimiser", 500, 20, 5000, true));
    }

    @Override
    public FittedModel fit(FitRequest request) {
        if (request.goal() != Goal.CLASSIFY) {
            throw new IllegalArgumentException(ID + " does not serve goal " + request.goal().id());
        }
        CategoricalColumn target = request.classTarget();
        int classes = target.levels().size();
        if (classes < 2) {
            throw new IllegalArgumentException(ID + ": the target '" + target.name() + "' needs at least two levels, has "
                    + classes);
        }
        Standardiser standardiser = Standardiser.fit(ID, request.features());
        double[][] x = standardiser.transform(request.features());
        int[] y = target.toCodes();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == CategoricalColumn.MISSING) {
                throw new IllegalArgumentException(ID + ": the target '" + target.name() + "' is missing in row " + i);
            }
        }
        int p = x.length == 0 ? request.features().columnCount() : x[0].length;
        double lambda = request.parameters().getDouble("lambda");
        int maxIterations = request.parameters().getInt("maxIterations");
        var objective = new CumulativeLogit(x, y, classes, lambda);
        var result = Lbfgs.minimise(objective, CumulativeLogit.start(y, p, classes), maxIterations, GRADIENT_TOLERANCE);
        return new Fitted(standardiser, result.x(), CumulativeLogit.thresholds(result.x(), p, classes), classes,
                target.levels(), result.iterations());
    }

    /** The fitted model; weights are per standard deviation of each training feature. */
    record Fitted(Standardiser standardiser, double[] params, double[] thresholds, int classes,
            List<String> levels, int iterations) implements Classifier {

        /** The weight of each feature, per standard deviation. */
        double[] weights() {
            return java.util.Arrays.copyOf(params, standardiser.names().size());
        }

        @Override
        public ClassPrediction predict(Table features) {
            double[][] x = standardiser.transform(features);
            double[][] probabilities = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                probabilities[i] = CumulativeLogit.probabilities(params, thresholds, x[i], classes);
            }
            return ClassPrediction.fromProbabilities(probabilities);
        }

        @Override
        public String summary() {
            List<String> names = standardiser.names();
            var order = new ArrayList<Integer>();
            for (int j = 0; j < names.size(); j++) {
                order.add(j);
            }
            order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(params[j])).thenComparing(j -> j));
            var weights = new ArrayList<String>();
            for (int j : order.subList(0, Math.min(SUMMARY_WEIGHTS, order.size()))) {
                weights.add(names.get(j) + String.format(Locale.ROOT, " %+.3f", params[j]));
            }
            var cuts = new ArrayList<String>();
            for (int k = 0; k < thresholds.length; k++) {
                cuts.add(levels.get(k) + "|" + levels.get(k + 1) + String.format(Locale.ROOT, " %.3f", thresholds[k]));
            }
            return "score weights per standard deviation: " + String.join(", ", weights)
                    + (order.size() > SUMMARY_WEIGHTS ? ", ..." : "") + "; thresholds: " + String.join(", ", cuts)
                    + "; " + iterations + " L-BFGS iterations";
        }
    }
}
