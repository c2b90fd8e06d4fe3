package io.modelscout.selector.unsupervised;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one task per candidate and split on a fixed number of threads, as the classification evaluator does: each
 * task on its own daemon thread under a time limit, a task that throws or hangs recorded with its reason, and the
 * remaining tasks of a candidate that failed skipped. Results are collected by index, so they do not depend on
 * scheduling.
 */
final class FoldRunner {
    private FoldRunner() {
    }

    /** One task of a candidate on a split. */
    @FunctionalInterface
    interface Task<T> {
        T run(int candidate, int split) throws Exception;
    }

    /** What became of one task. */
    sealed interface Result<T> {
        /** It finished; {@code nanos} is its wall time. */
        record Done<T>(T value, long nanos) implements Result<T> {
        }

        /** It threw, returned something invalid, or ran out of time. */
        record Failed<T>(String reason, boolean timedOut) implements Result<T> {
        }

        /** An earlier task of the same candidate failed. */
        record Skipped<T>() implements Result<T> {
        }
    }

    /**
     * Runs every task.
     *
     * @return per candidate, the result of each split
     */
    static <T> List<List<Result<T>>> run(List<String> names, List<String> splitLabels, int threads, Duration limit,
                                         Task<T> task) throws InterruptedException {
        int candidates = names.size();
        int splits = splitLabels.size();
        @SuppressWarnings("unchecked")
        CompletableFuture<Result<T>>[] results = new CompletableFuture[candidates * splits];
        var abandoned = new AtomicBoolean[candidates];
        for (int c = 0; c < candidates; c++) {
            abandoned[c] = new AtomicBoolean();
        }
        var permits = new Semaphore(threads);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "modelscout-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int s = 0; s < splits; s++) {
                for (int c = 0; c < candidates; c++) {
                    int candidate = c;
                    int split = s;
                    var future = new CompletableFuture<Result<T>>();
                    results[c * splits + s] = future;
                    AtomicBoolean gaveUp = abandoned[c];
                    if (gaveUp.get()) {
                        future.complete(new Result.Skipped<>());
                        continue;
                    }
                    permits.acquire();
                    if (gaveUp.get()) {
                        permits.release();
                        future.complete(new Result.Skipped<>());
                        continue;
                    }
                    var released = new AtomicBoolean();
                    Runnable releasePermit = () -> {
                        if (released.compareAndSet(false, true)) {
                            permits.release();
                        }
                    };
                    var worker = new Thread(() -> {
                        long start = System.nanoTime();
                        try {
                            T value = task.run(candidate, split);
                            future.complete(new Result.Done<>(value, System.nanoTime() - start));
                        } catch (Throwable e) {
                            future.complete(new Result.Failed<>(splitLabels.get(split) + ": " + describe(e), false));
                        } finally {
                            releasePermit.run();
                        }
                    }, "modelscout-fit-" + names.get(c) + "-" + s);
                    worker.setDaemon(true);
                    future.whenComplete((result, _) -> {
                        if (!(result instanceof Result.Done)) {
                            gaveUp.set(true);
                        }
                    });
                    worker.start();
                    watchdog.schedule(() -> {
                        if (future.complete(new Result.Failed<>(splitLabels.get(split) + ": " + "fit and scoring took longer than "
                                + java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString()
                                + " s", true))) {
                            releasePermit.run();
                            worker.interrupt();
                        }
                    }, limit.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            CompletableFuture.allOf(results).join();
        } finally {
            watchdog.shutdownNow();
        }
        var out = new ArrayList<List<Result<T>>>(candidates);
        for (int c = 0; c < candidates; c++) {
            var perSplit = new ArrayList<Result<T>>(splits);
            for (int s = 0; s < splits; s++) {
                perSplit.add(results[c * splits + s].join());
            }
            out.add(perSplit);
        }
        return out;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof java.util.concurrent.CompletionException
                || root instanceof java.lang.reflect.InvocationTargetException
                || root instanceof ExceptionInInitializerError) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
