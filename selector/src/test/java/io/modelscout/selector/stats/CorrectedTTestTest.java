package io.modelscout.selector.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CorrectedTTestTest {

    @Test
    void threeFoldsWorkedByHand() {
        // d = 1, 2, 3: mean 2, sample variance 1. Three folds: test/train = 1/2, so the variance factor is
        // 1/3 + 1/2 = 5/6 and t = 2 / √(5/6) = 2.1908902. With 2 degrees of freedom p = 1 - t/√(t² + 2) = 0.1598319.
        var result = CorrectedTTest.compare(List.of(11.0, 12.0, 13.0), List.of(10.0, 10.0, 10.0), 0.5);

        assertThat(result.meanDifference()).isCloseTo(2, within(1e-12));
        assertThat(result.t()).isCloseTo(2 / Math.sqrt(5.0 / 6), within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(2);
        double t = result.t();
        assertThat(result.p()).isCloseTo(1 - t / Math.sqrt(t * t + 2), within(1e-12));
        assertThat(result.p()).isCloseTo(0.1598319, within(1e-7));
        assertThat(result.significant(0.05)).isFalse();
    }

    @Test
    void theCorrectionWidensTheInterval() {
        // The same differences judged by the plain paired t-test (ratio → 0 leaves 1/n): t = 2/√(1/3) = 3.4641016,
        // p = 1 - 3.4641/√14 = 0.0741799. The correction can only make p larger.
        var plain = CorrectedTTest.compare(List.of(1.0, 2.0, 3.0), List.of(0.0, 0.0, 0.0), 1e-300);
        var corrected = CorrectedTTest.compare(List.of(1.0, 2.0, 3.0), List.of(0.0, 0.0, 0.0), 0.5);

        assertThat(plain.t()).isCloseTo(2 * Math.sqrt(3), within(1e-9));
        assertThat(plain.p()).isCloseTo(1 - 2 * Math.sqrt(3) / Math.sqrt(14), within(1e-9));
        assertThat(corrected.p()).isGreaterThan(plain.p());
    }

    @Test
    void fiveFoldsSignificantWithTheSignOfTheDifference() {
        // d = 0.01, 0.02, 0.03, 0.02, 0.02: mean 0.02, variance 0.0002/4 = 5e-5; factor 1/5 + 1/4 = 0.45;
        // t = 0.02 / √(2.25e-5) = 0.02 / 0.0047434 = 4.2163702, 4 degrees of freedom.
        // For 4 degrees of freedom P(|T| ≥ t) = 1 - (t/√(4+t²))(1 + 2/(4+t²)) = 0.0135169.
        var a = List.of(0.81, 0.82, 0.83, 0.82, 0.82);
        var b = List.of(0.80, 0.80, 0.80, 0.80, 0.80);
        var result = CorrectedTTest.compare(a, b, 0.25);
        double t = result.t();

        assertThat(t).isCloseTo(4.2163702, within(1e-6));
        assertThat(result.p()).isCloseTo(1 - t / Math.sqrt(4 + t * t) * (1 + 2 / (4 + t * t)), within(1e-10));
        assertThat(result.p()).isCloseTo(0.0135169, within(1e-6));
        assertThat(result.significant(0.05)).isTrue();
        var reversed = CorrectedTTest.compare(b, a, 0.25);
        assertThat(reversed.t()).isCloseTo(-t, within(1e-12));
        assertThat(reversed.p()).isCloseTo(result.p(), within(1e-15));
    }

    @Test
    void identicalScoresAreTiedAndAConstantGapIsNot() {
        var same = CorrectedTTest.compare(List.of(0.7, 0.8, 0.9), List.of(0.7, 0.8, 0.9), 0.5);
        assertThat(same.p()).isEqualTo(1);
        assertThat(same.t()).isZero();

        var constant = CorrectedTTest.compare(List.of(0.75, 0.85, 0.95), List.of(0.7, 0.8, 0.9), 0.5);
        assertThat(constant.p()).isZero();
        assertThat(constant.t()).isPositive().isInfinite();
    }

    @Test
    void mismatchedOrTooFewSplitsAreRefused() {
        assertThatThrownBy(() -> CorrectedTTest.compare(List.of(1.0, 2.0), List.of(1.0), 0.5))
                .hasMessage("the two score lists differ in length: 2 and 1");
        assertThatThrownBy(() -> CorrectedTTest.compare(List.of(1.0), List.of(1.0), 0.5))
                .hasMessage("the test needs at least 2 splits, got 1");
        assertThatThrownBy(() -> CorrectedTTest.compare(List.of(1.0, 2.0), List.of(1.0, 2.0), 0))
                .hasMessage("test/train ratio must be positive, got 0.0");
    }
}
