package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.Goal;
import io.modelscout.api.model.ClassPrediction;
import org.junit.jupiter.api.Test;

final class MetricTest {
    private static final double EXACT = 1e-12;

    /** Six rows of two classes; three declared classes, the third never true. */
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1};
    private static final ClassPrediction ONE_MISTAKE = ClassPrediction.fromLabels(new int[] {0, 0, 0, 1, 1, 1}, 3);

    @Test
    void accuracyIsTheShareOfCorrectLabels() {
        assertThat(Metric.ACCURACY.score(TRUTH, ONE_MISTAKE, 3)).isCloseTo(5.0 / 6.0, within(EXACT));
        assertThat(Metric.ACCURACY.score(TRUTH, ClassPrediction.fromLabels(TRUTH, 3), 3)).isEqualTo(1.0);
    }

    @Test
    void balancedAccuracyAveragesRecallOverTheClassesPresent() {
        // Recall of class 0: 3 / 4; of class 1: 2 / 2; class 2 never occurs and is left out.
        assertThat(Metric.BALANCED_ACCURACY.score(TRUTH, ONE_MISTAKE, 3)).isCloseTo((0.75 + 1.0) / 2, within(EXACT));
        // Always answering the majority: accuracy 4/6 but balanced accuracy one half.
        var majority = ClassPrediction.fromLabels(new int[6], 3);
        assertThat(Metric.ACCURACY.score(TRUTH, majority, 3)).isCloseTo(4.0 / 6.0, within(EXACT));
        assertThat(Metric.BALANCED_ACCURACY.score(TRUTH, majority, 3)).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void macroF1AveragesF1OverClassesInTruthOrPrediction() {
        // Class 0: tp 3, fp 0, fn 1 -> 6/7. Class 1: tp 2, fp 1, fn 0 -> 4/5. Class 2 absent everywhere.
        assertThat(Metric.MACRO_F1.score(TRUTH, ONE_MISTAKE, 3)).isCloseTo((6.0 / 7.0 + 4.0 / 5.0) / 2, within(EXACT));

        // Predicting the never-true class 2 once brings it in with F1 0.
        var predictsTwo = ClassPrediction.fromLabels(new int[] {0, 0, 0, 2, 1, 1}, 3);
        // Class 0: tp 3, fn 1 -> 6/7; class 1: tp 2 -> 1; class 2: fp 1 -> 0.
        assertThat(Metric.MACRO_F1.score(TRUTH, predictsTwo, 3)).isCloseTo((6.0 / 7.0 + 1.0 + 0.0) / 3, within(EXACT));
    }

    @Test
    void logLossIsTheMeanNegativeLogOfTheTrueClassProbabilityClipped() {
        int[] truth = {0, 1, 1, 0};
        var prediction = ClassPrediction.fromProbabilities(new double[][] {
                {0.8, 0.2}, {0.5, 0.5}, {1.0, 0.0}, {1.0, 0.0}});
        double expected = -(Math.log(0.8) + Math.log(0.5) + Math.log(1e-15) + Math.log(1.0)) / 4;

        double value = Metric.LOG_LOSS.score(truth, prediction, 2);

        assertThat(value).isCloseTo(expected, within(1e-9));
        assertThat(value).isFinite();
        assertThat(Metric.LOG_LOSS.higherIsBetter()).isFalse();
    }

    @Test
    void logLossClipsAboveOneToo() {
        var overconfident = new ClassPrediction(new int[] {0}, new double[][] {{1.5, -0.5}});
        assertThat(Metric.LOG_LOSS.score(new int[] {0}, overconfident, 2)).isEqualTo(0.0);
    }

    @Test
    void rocAucMatchesAHandCountOfPairsWithTiesAsHalves() {
        int[] truth = {0, 0, 1, 1, 1, 0};
        double[] positive = {0.1, 0.4, 0.35, 0.8, 0.4, 0.2};
        // Positives 0.35, 0.8, 0.4 against negatives 0.1, 0.4, 0.2:
        // 0.35 beats 0.1 and 0.2 (2); 0.8 beats all (3); 0.4 beats 0.1 and 0.2 and ties 0.4 (2.5). 7.5 of 9 pairs.
        assertThat(Metric.ROC_AUC.score(truth, binary(positive), 2)).isCloseTo(7.5 / 9.0, within(EXACT));
    }

    @Test
    void rocAucOfAPerfectAReversedAndAConstantRanking() {
        int[] truth = {0, 1, 0, 1};
        assertThat(Metric.ROC_AUC.score(truth, binary(new double[] {0.1, 0.9, 0.2, 0.7}), 2)).isEqualTo(1.0);
        assertThat(Metric.ROC_AUC.score(truth, binary(new double[] {0.9, 0.1, 0.7, 0.2}), 2)).isEqualTo(0.0);
        assertThat(Metric.ROC_AUC.score(truth, binary(new double[] {0.5, 0.5, 0.5, 0.5}), 2)).isEqualTo(0.5);
    }

    @Test
    void rocAucIsUndefinedWithOneClassOnly() {
        assertThat(Metric.ROC_AUC.score(new int[] {1, 1, 1}, binary(new double[] {0.2, 0.4, 0.9}), 2)).isNaN();
    }

    @Test
    void rmseMaeAndR2OnAHandExample() {
        double[] truth = {1, 2, 3, 4};
        double[] predicted = {1, 3, 2, 6};
        // Errors 0, -1, 1, -2: squared mean 6/4; absolute mean 4/4; mean 2.5, total sum of squares 5.
        assertThat(Metric.RMSE.score(truth, predicted)).isCloseTo(Math.sqrt(1.5), within(EXACT));
        assertThat(Metric.MAE.score(truth, predicted)).isCloseTo(1.0, within(EXACT));
        assertThat(Metric.R2.score(truth, predicted)).isCloseTo(1.0 - 6.0 / 5.0, within(EXACT));
        assertThat(Metric.R2.score(truth, truth)).isEqualTo(1.0);
        assertThat(Metric.R2.score(truth, new double[] {2.5, 2.5, 2.5, 2.5})).isCloseTo(0.0, within(EXACT));
    }

    @Test
    void r2OfAConstantTruthIsOneWhenPerfectAndZeroOtherwise() {
        double[] constant = {3, 3, 3};
        assertThat(Metric.R2.score(constant, new double[] {3, 3, 3})).isEqualTo(1.0);
        assertThat(Metric.R2.score(constant, new double[] {3, 4, 3})).isEqualTo(0.0);
    }

    @Test
    void directionOfEveryMetric() {
        assertThat(Metric.ACCURACY.higherIsBetter()).isTrue();
        assertThat(Metric.BALANCED_ACCURACY.higherIsBetter()).isTrue();
        assertThat(Metric.MACRO_F1.higherIsBetter()).isTrue();
        assertThat(Metric.ROC_AUC.higherIsBetter()).isTrue();
        assertThat(Metric.R2.higherIsBetter()).isTrue();
        assertThat(Metric.LOG_LOSS.higherIsBetter()).isFalse();
        assertThat(Metric.RMSE.higherIsBetter()).isFalse();
        assertThat(Metric.MAE.higherIsBetter()).isFalse();
    }

    @Test
    void forGoalListsRocAucOnlyForTwoClasses() {
        assertThat(Metric.forGoal(Goal.CLASSIFY, 2)).containsExactly(
                Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.MACRO_F1, Metric.LOG_LOSS, Metric.ROC_AUC);
        assertThat(Metric.forGoal(Goal.CLASSIFY, 3)).containsExactly(
                Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.MACRO_F1, Metric.LOG_LOSS);
        assertThat(Metric.forGoal(Goal.REGRESS, 0)).containsExactly(Metric.RMSE, Metric.MAE, Metric.R2);
        assertThat(Metric.forGoal(Goal.CLUSTER, 0)).contains(Metric.SILHOUETTE).doesNotContain(Metric.ACCURACY);
        assertThat(Metric.forGoal(Goal.DETECT_ANOMALIES, 0)).contains(Metric.ROC_AUC);
        assertThat(Metric.defaultFor(Goal.CLASSIFY)).isEqualTo(Metric.ACCURACY);
        assertThat(Metric.defaultFor(Goal.REGRESS)).isEqualTo(Metric.RMSE);
    }

    @Test
    void fromIdFindsEveryMetricAndListsTheKnownOnesOtherwise() {
        for (Metric metric : Metric.values()) {
            assertThat(Metric.fromId(metric.id())).isSameAs(metric);
        }
        assertThatThrownBy(() -> Metric.fromId("auc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown metric 'auc'; known: accuracy, balanced_accuracy, macro_f1, log_loss, "
                        + "roc_auc, rank_mae, rmse, mae, r2, ");
    }

    @Test
    void aMetricRefusesTheOtherGoalsData() {
        assertThatThrownBy(() -> Metric.RMSE.score(TRUTH, ONE_MISTAKE, 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rmse is not a classification metric");
        assertThatThrownBy(() -> Metric.ACCURACY.score(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accuracy is not a regression metric");
    }

    private static ClassPrediction binary(double[] positive) {
        double[][] p = new double[positive.length][];
        for (int i = 0; i < positive.length; i++) {
            p[i] = new double[] {1 - positive[i], positive[i]};
        }
        return ClassPrediction.fromProbabilities(p);
    }
}
