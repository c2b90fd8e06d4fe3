package io.modelscout.selector.tune;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import io.modelscout.selector.eval.Folds;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Preprocessor;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.eval.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores configurations of one plugin by k-fold cross-validation inside one outer training part. It is given that
 * part's rows only; the preprocessing a plugin needs is fitted inside each inner training fold, once per set of
 * inner folds and shared by every configuration scored on them.
 */
final class InnerValidation implements Scoring<InnerValidation.Rung> {
    /** Inner folds per scoring. */
    static final int FOLDS = 3;

    private final ModelPlugin plugin;
    private final Goal goal;
    private final Metric metric;
    private final Recipe recipe;
    private final Table features;
    private final Column target;
    private final long seed;

    /**
     * @param seed the search's own seed, from the task seed, the plugin and the outer split
     */
    InnerValidation(ModelPlugin plugin, Goal goal, Metric metric, Recipe recipe, Table features, Column target,
                    long seed) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.goal = requireNonNull(goal, "goal is null");
        this.metric = requireNonNull(metric, "metric is null");
        this.recipe = requireNonNull(recipe, "recipe is null");
        this.features = requireNonNull(features, "features is null");
        this.target = requireNonNull(target, "target is null");
        this.seed = seed;
        if (features.rowCount() != target.size()) {
            throw new IllegalArgumentException(features.rowCount() + " feature rows for " + target.size() + " targets");
        }
    }

    @Override
    public int rows() {
        return features.rowCount();
    }

    @Override
    public Column target() {
        return target;
    }

    @Override
    public Rung prepare(int[] rows, int rung) {
        return rung(rows, rung);
    }

    /**
     * The inner folds over some of the rows, with their preprocessing fitted.
     *
     * @param rows indices into the outer training part, ascending, at least {@link #FOLDS}
     * @param index the rung, for seeds: the same rung of the same search always gets the same folds
     */
    Rung rung(int[] rows, int index) {
        Table x = features.select(rows);
        Column y = target.select(rows);
        List<Split> splits = Folds.make(y, Math.min(FOLDS, rows.length), 1, Seeds.mix(seed, "inner-folds", index));
        var parts = new ArrayList<Part>(splits.size());
        for (Split split : splits) {
            Preprocessor.Prepared prepared = Preprocessor.prepare(recipe, x.select(split.train()), x.select(split.test()));
            parts.add(new Part(prepared, y.select(split.train()), y.select(split.test())));
        }
        return new Rung(index, rows.length, List.copyOf(parts));
    }

    /**
     * The mean inner score of one configuration, oriented so that higher is better.
     *
     * @return the score, or empty when a fit threw or a prediction was unusable on some inner fold
     * @throws InterruptedException when the fold is abandoned
     */
    @Override
    public Optional<Double> score(Rung rung, ParameterValues parameters) throws InterruptedException {
        double sum = 0;
        for (int f = 0; f < rung.parts().size(); f++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("tuning abandoned");
            }
            Part part = rung.parts().get(f);
            double value;
            try {
                FittedModel model = plugin.fit(new FitRequest(goal, part.prepared().train(), Optional.of(part.trainTarget()),
                        parameters, Seeds.mix(seed, "inner-fit-" + rung.index(), f)));
                value = evaluate(model, part);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                // A configuration the plugin cannot fit (or a library refusing a corner of the space) loses; the
                // search goes on with the others.
                return Optional.empty();
            }
            if (!Double.isFinite(value)) {
                return Optional.empty();
            }
            sum += value;
        }
        double mean = sum / rung.parts().size();
        return Optional.of(metric.higherIsBetter() ? mean : -mean);
    }

    private double evaluate(FittedModel model, Part part) {
        return switch (model) {
            case Classifier classifier when goal == Goal.CLASSIFY -> {
                var test = (CategoricalColumn) part.testTarget();
                ClassPrediction prediction = classifier.predict(part.prepared().test());
                if (prediction == null || prediction.size() != test.size()) {
                    yield Double.NaN;
                }
                yield metric.score(test.toCodes(), prediction, test.levels().size());
            }
            case Regressor regressor when goal == Goal.REGRESS -> {
                double[] predicted = regressor.predict(part.prepared().test());
                if (predicted == null || predicted.length != part.testTarget().size()) {
                    yield Double.NaN;
                }
                yield metric.score(((NumericColumn) part.testTarget()).toArray(), predicted);
            }
            case null, default -> Double.NaN;
        };
    }

    /** One inner fold: its preprocessed rows and their targets. */
    record Part(Preprocessor.Prepared prepared, Column trainTarget, Column testTarget) {
    }

    /**
     * Inner folds over a set of rows.
     *
     * @param index the rung, from 0
     * @param rows how many rows the folds cover
     * @param parts the folds
     */
    record Rung(int index, int rows, List<Part> parts) {
    }
}
