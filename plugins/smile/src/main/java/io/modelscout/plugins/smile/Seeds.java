package io.modelscout.plugins.smile;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import smile.math.MathEx;

/**
 * Turns a fit's seed into Smile's random state. Smile draws from a thread-local generator ({@link MathEx#setSeed}
 * seeds the calling thread only), and a fresh thread's generator starts from whichever default seed is next in a
 * global list, so nothing is reproducible unless every thread that draws is seeded first. Draws on the calling thread
 * are seeded with {@link #seedThisThread}; the forests, which draw on pool threads, take one seed per tree.
 */
final class Seeds {
    private static final long TREES = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * Seeds Smile's generator of the calling thread; call it right before the library call that draws.
     *
     * @param seed the fit's seed
     */
    static void seedThisThread(long seed) {
        MathEx.setSeed(new SplittableRandom(seed).nextLong());
    }

    /**
     * Runs a Smile fit that draws inside parallel streams (isolation forest, X-means, G-means) on one thread of its
     * own, seeded first. A parallel stream started from a worker of a fork-join pool runs its parts in that pool; with
     * a single worker, every part runs on the seeded thread in an order fixed by the stream's splitting, so the draws
     * are the same on every run whatever the common pool or the caller's thread count.
     *
     * @param seed the fit's seed
     * @param work the fit
     * @param <T> the fitted model's type
     * @return what the fit returns
     */
    static <T> T onOneThread(long seed, Supplier<T> work) {
        var pool = new ForkJoinPool(1);
        var result = new CompletableFuture<T>();
        // executed, not joined: joining a fork-join task may run it on the joining thread instead, whose parallel
        // streams would then go to the common pool
        pool.execute(() -> {
            try {
                seedThisThread(seed);
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Independent seeds for parts fitted one by one or in parallel, e.g. the trees of a forest.
     *
     * @param seed the fit's seed
     * @param count how many seeds
     * @return the seeds, the same for the same arguments
     */
    static long[] split(long seed, int count) {
        return new SplittableRandom(seed ^ TREES).longs(count).toArray();
    }
}
