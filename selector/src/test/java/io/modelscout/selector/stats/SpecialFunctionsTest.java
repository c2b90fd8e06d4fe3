package io.modelscout.selector.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each expected value follows from a closed form worked out by hand in the comment beside it. */
final class SpecialFunctionsTest {
    private static final double TIGHT = 1e-12;

    @Test
    void logGammaMatchesFactorials() {
        assertThat(SpecialFunctions.logGamma(1)).isCloseTo(0, within(TIGHT));
        assertThat(SpecialFunctions.logGamma(2)).isCloseTo(0, within(TIGHT));
        assertThat(SpecialFunctions.logGamma(5)).isCloseTo(Math.log(24), within(TIGHT)); // 4!
        assertThat(SpecialFunctions.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-10)); // 10!
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(TIGHT)); // Γ(1/2) = √π
        assertThat(SpecialFunctions.logGamma(0.25)).isCloseTo(Math.log(3.6256099082219083), within(1e-12));
    }

    @Test
    void regularizedBetaMatchesItsClosedForms() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b.
        assertThat(SpecialFunctions.regularizedBeta(0.3, 1, 1)).isCloseTo(0.3, within(TIGHT));
        assertThat(SpecialFunctions.regularizedBeta(0.6, 3, 1)).isCloseTo(0.216, within(TIGHT));
        assertThat(SpecialFunctions.regularizedBeta(0.2, 1, 4)).isCloseTo(1 - Math.pow(0.8, 4), within(TIGHT));
        // Symmetry: I_{1/2}(a, a) = 1/2.
        assertThat(SpecialFunctions.regularizedBeta(0.5, 7.5, 7.5)).isCloseTo(0.5, within(TIGHT));
        // I_x(1/2, 1/2) = (2/π) asin(√x): the arcsine distribution.
        assertThat(SpecialFunctions.regularizedBeta(0.25, 0.5, 0.5)).isCloseTo(2 / Math.PI * Math.asin(0.5), within(TIGHT));
        // I_x(2, 2) = 3x² - 2x³, on both sides of the switch to the mirrored fraction.
        assertThat(SpecialFunctions.regularizedBeta(0.1, 2, 2)).isCloseTo(0.03 - 0.002, within(TIGHT));
        assertThat(SpecialFunctions.regularizedBeta(0.9, 2, 2)).isCloseTo(2.43 - 1.458, within(TIGHT));
        assertThat(SpecialFunctions.regularizedBeta(0, 2, 3)).isZero();
        assertThat(SpecialFunctions.regularizedBeta(1, 2, 3)).isEqualTo(1);
    }

    @Test
    void studentTailsMatchTheCauchyAndTwoDegreeForms() {
        // One degree of freedom is the Cauchy distribution: P(|T| ≥ t) = 1 - (2/π) atan t; at t = 1 that is 1/2.
        assertThat(SpecialFunctions.studentTwoSided(1, 1)).isCloseTo(0.5, within(TIGHT));
        assertThat(SpecialFunctions.studentTwoSided(-3, 1)).isCloseTo(1 - 2 / Math.PI * Math.atan(3), within(TIGHT));
        // Two degrees of freedom: P(|T| ≥ t) = 1 - t / √(t² + 2); at t = 2 that is 1 - 2/√6 = 0.1835034...
        assertThat(SpecialFunctions.studentTwoSided(2, 2)).isCloseTo(1 - 2 / Math.sqrt(6), within(TIGHT));
        // Four degrees of freedom: P(|T| ≥ t) = 1 - (t/√(4+t²)) (1 + 2/(4+t²)) ... written out: at t = 2,
        // 1 - (2/√8)(1 + 2/8) = 1 - 0.7071068 * 1.25 = 0.1161165.
        assertThat(SpecialFunctions.studentTwoSided(2, 4)).isCloseTo(1 - 2 / Math.sqrt(8) * 1.25, within(TIGHT));
        assertThat(SpecialFunctions.studentTwoSided(0, 9)).isCloseTo(1, within(TIGHT));
        assertThat(SpecialFunctions.studentTwoSided(Double.POSITIVE_INFINITY, 9)).isZero();
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> SpecialFunctions.regularizedBeta(1.5, 1, 1)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> SpecialFunctions.regularizedBeta(0.5, 0, 1)).hasMessageContaining("a=0.0");
        assertThatThrownBy(() -> SpecialFunctions.studentTwoSided(1, 0)).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> SpecialFunctions.logGamma(-1)).hasMessageContaining("-1.0");
    }
}
