package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.Goal;
import io.modelscout.api.model.ClassPrediction;
import org.junit.jupiter.api.Test;

final class RankMaeTest {

    @Test
    void countsHowManyRanksEachLabelIsOff() {
        int[] truth = {0, 1, 2, 3, 3};
        var prediction = ClassPrediction.fromLabels(new int[] {0, 2, 0, 3, 1}, 4);
        // off by 0, 1, 2, 0, 2
        assertThat(Metric.RANK_MAE.score(truth, prediction, 4)).isCloseTo(5.0 / 5, within(1e-15));
        assertThat(Metric.RANK_MAE.score(truth, ClassPrediction.fromLabels(truth, 4), 4)).isZero();
    }

    @Test
    void aNearMissCostsLessThanAFarMissWhereAccuracyCannotTell() {
        int[] truth = {0, 0, 0, 0};
        var near = ClassPrediction.fromLabels(new int[] {1, 1, 0, 0}, 3);
        var far = ClassPrediction.fromLabels(new int[] {2, 2, 0, 0}, 3);
        assertThat(Metric.ACCURACY.score(truth, near, 3)).isEqualTo(Metric.ACCURACY.score(truth, far, 3));
        assertThat(Metric.RANK_MAE.score(truth, near, 3)).isEqualTo(0.5);
        assertThat(Metric.RANK_MAE.score(truth, far, 3)).isEqualTo(1.0);
        assertThat(Metric.RANK_MAE.higherIsBetter()).isFalse();
    }

    @Test
    void isReportedOnlyForRankedTargets() {
        assertThat(Metric.forGoal(Goal.CLASSIFY, 3, true)).containsExactly(
                Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.MACRO_F1, Metric.LOG_LOSS, Metric.RANK_MAE);
        assertThat(Metric.forGoal(Goal.CLASSIFY, 2, true)).contains(Metric.ROC_AUC, Metric.RANK_MAE);
        assertThat(Metric.forGoal(Goal.CLASSIFY, 3, false)).doesNotContain(Metric.RANK_MAE);
        assertThat(Metric.forGoal(Goal.CLASSIFY, 3)).doesNotContain(Metric.RANK_MAE);
        assertThat(Metric.forGoal(Goal.REGRESS, 0, true)).containsExactly(Metric.RMSE, Metric.MAE, Metric.R2);
        assertThat(Metric.fromId("rank_mae")).isSameAs(Metric.RANK_MAE);
        assertThat(Metric.RANK_MAE.goals()).containsExactly(Goal.CLASSIFY);
    }
}
