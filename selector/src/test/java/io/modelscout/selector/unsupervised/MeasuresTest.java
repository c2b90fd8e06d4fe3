package io.modelscout.selector.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class MeasuresTest {
    @Test
    void adjustedRandIgnoresLabelNamesAndMatchesAWorkedExample() {
        assertThat(Measures.adjustedRand(new int[] {0, 0, 1, 1, 2, 2}, new int[] {5, 5, 3, 3, 4, 4})).isEqualTo(1.0);
        // Hubert and Arabie on [0,0,0,1,1,1] vs [0,0,1,1,2,2]: 0.24242...
        assertThat(Measures.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
                .isCloseTo(0.2424242, within(1e-6));
    }

    @Test
    void normalisedMutualInformationIsOneForTheSamePartition() {
        assertThat(Measures.normalisedMutualInformation(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}))
                .isCloseTo(1.0, within(1e-12));
        assertThat(Measures.normalisedMutualInformation(new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 1}))
                .isCloseTo(0.0, within(1e-12));
    }

    @Test
    void silhouetteOfTwoTightGroupsIsNearOne() {
        double[][] x = {{0}, {0.1}, {10}, {10.1}};
        assertThat(Measures.silhouette(x, new int[] {0, 0, 1, 1})).isGreaterThan(0.98);
        assertThat(Measures.silhouette(x, new int[] {0, 1, 0, 1})).isLessThan(0);
        assertThat(Measures.silhouette(x, new int[] {0, 0, 0, 0})).isZero();
    }

    @Test
    void rankingMeasuresOfAPerfectAndAMixedRanking() {
        boolean[] truth = {true, false, true, false, false};
        assertThat(Measures.rocAuc(new double[] {9, 1, 8, 2, 3}, truth)).isEqualTo(1.0);
        assertThat(Measures.rocAuc(new double[] {9, 8, 1, 2, 3}, truth)).isCloseTo(0.5, within(1e-12));
        assertThat(Measures.averagePrecision(new double[] {9, 8, 1, 2, 3}, truth)).isCloseTo((1 + 2 / 5.0) / 2,
                within(1e-12));
        assertThat(Measures.precisionAt(new double[] {9, 8, 1, 2, 3}, truth, 2)).isEqualTo(0.5);
    }

    @Test
    void wilsonIntervalCoversTheShareAndStaysInsideZeroOne() {
        double[] interval = Measures.wilson(18, 100);
        assertThat(interval[0]).isLessThan(0.18);
        assertThat(interval[1]).isGreaterThan(0.18);
        assertThat(Measures.wilson(0, 10)[0]).isZero();
        assertThat(Measures.wilson(10, 10)[1]).isEqualTo(1.0);
    }
}
