package io.modelscout.plugins.weka;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.Regressor;
import java.util.Arrays;
import java.util.function.Supplier;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * Fits a Weka learner on a request and wraps it as a ModelScout model. Each fit makes its own learner, so fits
 * on several threads share no Weka object.
 */
final class WekaFit {
    private WekaFit() {
    }

    /**
     * Fits a Weka classifier for {@link Goal#CLASSIFY}.
     *
     * @param plugin the plugin fitting, for messages
     * @param request the request; its goal must be {@link Goal#CLASSIFY}
     * @param learners makes a fresh learner configured from the request's parameters and seed
     * @return the fitted classifier
     * @throws Exception when Weka cannot fit the data
     */
    static Classifier classifier(ModelPlugin plugin, FitRequest request,
            Supplier<? extends weka.classifiers.Classifier> learners) throws Exception {
        requireGoal(plugin, request, Goal.CLASSIFY);
        WekaRuntime.prepare();
        var learner = learners.get();
        Column target = request.classTarget();
        var data = WekaData.of(request.features(), target);
        learner.buildClassifier(data.training(request.features(), target));
        return new WekaClassifier(plugin.id(), learner, data, describe(learner));
    }

    /**
     * Fits a Weka classifier with a numeric class for {@link Goal#REGRESS}.
     *
     * @param plugin the plugin fitting, for messages
     * @param request the request; its goal must be {@link Goal#REGRESS}
     * @param learners makes a fresh learner configured from the request's parameters and seed
     * @return the fitted regressor
     * @throws Exception when Weka cannot fit the data
     */
    static Regressor regressor(ModelPlugin plugin, FitRequest request,
            Supplier<? extends weka.classifiers.Classifier> learners) throws Exception {
        requireGoal(plugin, request, Goal.REGRESS);
        WekaRuntime.prepare();
        var learner = learners.get();
        Column target = request.numericTarget();
        var data = WekaData.of(request.features(), target);
        learner.buildClassifier(data.training(request.features(), target));
        return new WekaRegressor(plugin.id(), learner, data, describe(learner));
    }

    /**
     * Weka's seeds are {@code int}s: fold the 64 bits of the task's seed into 32, so that seeds differing only in
     * the high bits still give different models.
     */
    static int seed(long seed) {
        return Long.hashCode(seed);
    }

    private static void requireGoal(ModelPlugin plugin, FitRequest request, Goal goal) {
        if (request.goal() != goal) {
            throw new IllegalArgumentException(plugin.id() + ": goal '" + request.goal().id() + "' is not served; served: "
                    + String.join(", ", plugin.goals().stream().map(Goal::id).sorted().toList()));
        }
    }

    private static String describe(weka.classifiers.Classifier learner) {
        String name = learner.getClass().getSimpleName();
        return learner instanceof OptionHandler options ? name + " " + Utils.joinOptions(options.getOptions()) : name;
    }

    /** A fitted Weka classifier. Weka's models keep scratch state while predicting, so prediction is serialised. */
    private static final class WekaClassifier implements Classifier {
        private final String pluginId;
        private final weka.classifiers.Classifier model;
        private final WekaData data;
        private final String summary;

        WekaClassifier(String pluginId, weka.classifiers.Classifier model, WekaData data, String summary) {
            this.pluginId = pluginId;
            this.model = model;
            this.data = data;
            this.summary = summary;
        }

        @Override
        public synchronized ClassPrediction predict(Table features) {
            Instances rows = data.unlabelled(features);
            int classes = data.classCount();
            double[][] probabilities = new double[rows.numInstances()][];
            for (int i = 0; i < probabilities.length; i++) {
                double[] distribution;
                try {
                    distribution = model.distributionForInstance(rows.instance(i));
                } catch (Exception e) {
                    throw new IllegalStateException(pluginId + ": prediction of row " + i + " failed: " + e.getMessage(), e);
                }
                probabilities[i] = normalised(distribution, classes);
            }
            return ClassPrediction.fromProbabilities(probabilities);
        }

        @Override
        public String summary() {
            return summary;
        }

        /**
         * Weka's distributions cover every declared class and sum to one up to rounding (a forest's average can
         * dip a hair below zero); they are clipped at zero and rescaled only when needed, and a distribution without
         * mass (Weka's "cannot classify") becomes uniform.
         */
        private double[] normalised(double[] distribution, int classes) {
            if (distribution.length != classes) {
                throw new IllegalStateException(pluginId + ": Weka gave " + distribution.length
                        + " class probabilities for " + classes + " declared classes");
            }
            double[] out = distribution.clone();
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                if (out[k] < 0) {
                    out[k] = 0;
                }
                sum += out[k];
            }
            if (!(sum > 0) || !Double.isFinite(sum)) {
                Arrays.fill(out, 1.0 / classes);
            } else if (sum != 1.0) {
                for (int k = 0; k < classes; k++) {
                    out[k] /= sum;
                }
            }
            return out;
        }
    }

    /** A fitted Weka learner with a numeric class. Prediction is serialised for the same reason as above. */
    private static final class WekaRegressor implements Regressor {
        private final String pluginId;
        private final weka.classifiers.Classifier model;
        private final WekaData data;
        private final String summary;

        WekaRegressor(String pluginId, weka.classifiers.Classifier model, WekaData data, String summary) {
            this.pluginId = pluginId;
            this.model = model;
            this.data = data;
            this.summary = summary;
        }

        @Override
        public synchronized double[] predict(Table features) {
            Instances rows = data.unlabelled(features);
            double[] predictions = new double[rows.numInstances()];
            for (int i = 0; i < predictions.length; i++) {
                try {
                    predictions[i] = model.classifyInstance(rows.instance(i));
                } catch (Exception e) {
                    throw new IllegalStateException(pluginId + ": prediction of row " + i + " failed: " + e.getMessage(), e);
                }
            }
            return predictions;
        }

        @Override
        public String summary() {
            return summary;
        }
    }
}
