package io.modelscout.selector.tune;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The task's tuning budget shared out over the searches it pays for.
 *
 * <p>The budget never decides how many configurations are tried: that is {@code evaluation.trials}, fixed up front,
 * so results do not depend on how fast a machine is or how many threads run. The budget is a hard wall-clock cap on
 * top of it: each (candidate, outer split) search gets an equal share as its deadline, and one that reaches its
 * deadline stops before its next configuration, keeps the best so far and says so. Searches run in parallel, so the
 * whole tuning takes about the budget divided by the thread count at most.
 */
public final class Budget {
    private Budget() {
    }

    /**
     * One search's share of the budget.
     *
     * @param budget the task's budget
     * @param candidates how many candidates are tuned
     * @param splits how many outer splits each candidate is evaluated on
     * @return {@code budget / (candidates * splits)}
     */
    public static Duration allowance(Duration budget, int candidates, int splits) {
        requireNonNull(budget, "budget is null");
        if (candidates < 1 || splits < 1) {
            throw new IllegalArgumentException("need at least one candidate and one split, got " + candidates + " and "
                    + splits);
        }
        return budget.dividedBy((long) candidates * splits);
    }

    /**
     * The moment one search must stop by.
     *
     * @param clock nanosecond ticks, {@link System#nanoTime} outside tests
     * @param at the tick of the deadline
     */
    record Deadline(LongSupplier clock, long at) {
        /** A deadline {@code allowance} after now on the system clock. */
        static Deadline after(Duration allowance) {
            long now = System.nanoTime();
            return new Deadline(System::nanoTime, now + allowance.toNanos());
        }

        /** Whether the search must stop now. */
        boolean passed() {
            return clock.getAsLong() - at >= 0;
        }
    }
}
