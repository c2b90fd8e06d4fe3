package io.modelscout.selector.synthesis;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
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
import io.modelscout.selector.eval.Split;
import java.util.List;
import java.util.Optional;

/**
 * The fixed models that judge synthetic rows: a classifier that tries to tell real from synthetic rows (detection),
 * and a model of the task's target trained on synthetic or real rows and tested on real ones (utility). Each is a
 * plugin fitted with its defaults, its inputs encoded and imputed on its training rows as in cross-validation.
 */
final class Judge {
    /** Folds of the detection classifier's cross-validation. */
    static final int DETECTION_FOLDS = 3;

    private Judge() {
    }

    /**
     * The cross-validated ROC AUC of a classifier telling real rows from as many synthetic ones: 0.5 when it cannot
     * tell them apart, 1 when it always can.
     *
     * @param classifier the judging classifier
     * @param real real rows none of the synthesizer saw
     * @param synthetic synthetic rows of the same schema
     * @param seed the seed of the folds and fits
     * @return the AUC
     * @throws Exception when the classifier fails
     */
    static double detectionAuc(ModelPlugin classifier, Table real, Table synthetic, long seed) throws Exception {
        int n = Math.min(real.rowCount(), synthetic.rowCount());
        Table both = Schema.concat(real.select(range(n)), synthetic.select(range(n)));
        int[] labels = new int[2 * n];
        for (int i = n; i < 2 * n; i++) {
            labels[i] = 1;
        }
        var source = NominalColumn.of("source", List.of("real", "synthetic"), labels);
        double[][] probabilities = new double[2 * n][];
        for (Split split : Folds.make(source, DETECTION_FOLDS, 1, seed)) {
            var prepared = Preprocessor.prepare(Recipe.of(classifier, both), both.select(split.train()),
                    both.select(split.test()));
            FittedModel model = classifier.fit(new FitRequest(Goal.CLASSIFY, prepared.train(),
                    Optional.of(source.select(split.train())), classifier.parameters().defaults(),
                    seed + split.fold()));
            ClassPrediction prediction = ((Classifier) model).predict(prepared.test());
            for (int i = 0; i < split.test().length; i++) {
                probabilities[split.test()[i]] = prediction.probabilities()[i];
            }
        }
        double auc = Metric.ROC_AUC.score(labels, ClassPrediction.fromProbabilities(probabilities), 2);
        if (!Double.isFinite(auc)) {
            throw new IllegalStateException("the detection classifier gave no usable probabilities");
        }
        return auc;
    }

    /**
     * Train-on-synthetic and train-on-real scores of a model of the target, both tested on the same real rows.
     *
     * @param tstr the score of the model trained on synthetic rows
     * @param trtr the score of the model trained on real training rows
     */
    record Utility(double tstr, double trtr) {
        double ratio() {
            if (trtr <= 1e-12) {
                return tstr <= 1e-12 ? 1.0 : tstr / 1e-12;
            }
            return tstr / trtr;
        }
    }

    /**
     * Scores the utility of synthetic rows for predicting a target: balanced accuracy (or, with a focus level, the F1
     * score of that level) for a categorical target, R² floored at 0 for a numeric one.
     *
     * @param model the judging model (a classifier or a regressor, as the target is)
     * @param trtr the score of the model trained on the real training rows, from {@link #score}
     * @param synthetic the synthetic rows
     * @param test the real test rows
     * @param target the target column's name
     * @param focus a level of a categorical target whose F1 is the score; empty for balanced accuracy
     * @param seed the seed of the fits
     * @return both scores
     */
    static Utility utility(ModelPlugin model, double trtr, Table synthetic, Table test, String target,
                           Optional<String> focus, long seed) {
        Table realTest = withTarget(test, target);
        Table synth = withTarget(synthetic, target);
        double tstr;
        try {
            tstr = synth.rowCount() == 0 ? Double.NaN : score(model, synth, realTest, target, focus, seed);
        } catch (Exception e) {
            // Rows a model cannot learn from (one class only, say) are worth what guessing is worth.
            tstr = Double.NaN;
        }
        if (Double.isNaN(tstr)) {
            tstr = guess(synth, realTest, target, focus);
        }
        return new Utility(tstr, trtr);
    }

    /**
     * The score of the model trained on some rows and tested on real rows.
     *
     * @param model the judging model
     * @param train the training rows
     * @param test the real test rows
     * @param target the target's name
     * @param focus the level whose F1 is the score, or empty
     * @param seed the seed of the fit
     * @return the score; NaN when the model predicts non-finite values
     * @throws Exception when the model fails
     */
    static double score(ModelPlugin model, Table train, Table test, String target, Optional<String> focus,
                        long seed) throws Exception {
        train = withTarget(train, target);
        test = withTarget(test, target);
        Table trainFeatures = train.without(target);
        Table testFeatures = test.without(target);
        var prepared = Preprocessor.prepare(Recipe.of(model, trainFeatures), trainFeatures, testFeatures);
        Column y = train.column(target);
        Goal goal = y instanceof CategoricalColumn ? Goal.CLASSIFY : Goal.REGRESS;
        FittedModel fitted = model.fit(new FitRequest(goal, prepared.train(), Optional.of(y),
                model.parameters().defaults(), seed));
        Column truth = test.column(target);
        return switch (fitted) {
            case Classifier classifier -> {
                var categorical = (CategoricalColumn) truth;
                ClassPrediction prediction = classifier.predict(prepared.test());
                yield classScore(categorical, prediction.labels(), focus);
            }
            case Regressor regressor -> {
                double[] predicted = regressor.predict(prepared.test());
                for (double v : predicted) {
                    if (!Double.isFinite(v)) {
                        yield Double.NaN;
                    }
                }
                yield Math.max(0, Metric.R2.score(((NumericColumn) truth).toArray(), predicted));
            }
            default -> throw new IllegalStateException(model.id() + " returned neither a classifier nor a regressor");
        };
    }

    private static double classScore(CategoricalColumn truth, int[] labels, Optional<String> focus) {
        int k = truth.levels().size();
        int[] codes = truth.toCodes();
        if (focus.isEmpty()) {
            return Metric.BALANCED_ACCURACY.score(codes, ClassPrediction.fromLabels(labels, k), k);
        }
        int level = truth.levels().indexOf(focus.orElseThrow());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < codes.length; i++) {
            boolean actual = codes[i] == level;
            boolean predicted = labels[i] == level;
            if (actual && predicted) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The score of always answering the synthetic rows' most common class, or their mean. */
    private static double guess(Table synthetic, Table test, String target, Optional<String> focus) {
        Column truth = test.column(target);
        if (truth instanceof CategoricalColumn categorical) {
            int best = 0;
            if (synthetic.rowCount() > 0) {
                int[] counts = ((CategoricalColumn) synthetic.column(target)).counts();
                for (int c = 1; c < counts.length; c++) {
                    if (counts[c] > counts[best]) {
                        best = c;
                    }
                }
            }
            int[] labels = new int[truth.size()];
            java.util.Arrays.fill(labels, best);
            return classScore(categorical, labels, focus);
        }
        return 0;
    }

    /** The rows whose target is present. */
    private static Table withTarget(Table table, String target) {
        Column y = table.column(target);
        int missing = y.missingCount();
        if (missing == 0) {
            return table;
        }
        int[] keep = new int[table.rowCount() - missing];
        int k = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (!y.isMissing(i)) {
                keep[k++] = i;
            }
        }
        return table.select(keep);
    }

    static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
