package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class BayesRuleTest {

    @Test
    void normalisesLogJointsWithoutOverflow() {
        double[][] logJoint = {{-1000.0, -1000.0 + Math.log(3.0)}};
        double[][] p = BayesRule.posteriors(1, 2, (i, c) -> logJoint[i][c]);
        assertThat(p[0][0]).isCloseTo(0.25, within(1e-12));
        assertThat(p[0][1]).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aRowNoClassExplainsGetsEqualProbabilities() {
        double[][] p = BayesRule.posteriors(1, 4, (i, c) -> Double.NEGATIVE_INFINITY);
        assertThat(p[0]).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void aClassWithNaNDensityGetsNoMass() {
        double[][] p = BayesRule.posteriors(1, 2, (i, c) -> c == 0 ? Double.NaN : -3.0);
        assertThat(p[0]).containsExactly(0.0, 1.0);
    }
}
