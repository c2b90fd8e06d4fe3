package io.modelscout.selector.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class BudgetTest {
    @Test
    void sharesTheBudgetEvenlyOverCandidatesAndSplits() {
        assertThat(Budget.allowance(Duration.ofMinutes(5), 4, 10)).isEqualTo(Duration.ofMillis(7500));
        assertThat(Budget.allowance(Duration.ofSeconds(1), 3, 1)).isEqualTo(Duration.ofNanos(333_333_333));
    }

    @Test
    void needsSomethingToShareWith() {
        assertThatThrownBy(() -> Budget.allowance(Duration.ofMinutes(5), 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one candidate and one split, got 0 and 10");
    }

    @Test
    void aDeadlinePassesWhenItsClockReachesIt() {
        long[] now = {100};
        var deadline = new Budget.Deadline(() -> now[0], 150);

        assertThat(deadline.passed()).isFalse();
        now[0] = 150;
        assertThat(deadline.passed()).isTrue();
        assertThat(Budget.Deadline.after(Duration.ZERO).passed()).isTrue();
        assertThat(Budget.Deadline.after(Duration.ofHours(1)).passed()).isFalse();
    }
}
