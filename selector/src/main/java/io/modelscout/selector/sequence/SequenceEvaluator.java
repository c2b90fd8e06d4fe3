package io.modelscout.selector.sequence;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.SequenceTask;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.SequenceModel;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.ProbabilityCheck;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.result.CandidateResult.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Evaluates sequence candidates on every train/test part, in parallel on a fixed number of threads, with the
 * guarantees of {@link io.modelscout.selector.eval.Evaluator}: each fit gets a seed derived from the task seed, the
 * plugin id and the part, never from scheduling, so scores are the same at any thread count; each fit-and-predict runs
 * on its own daemon thread under the time limit; a candidate that throws, returns invalid output (NaN, wrong sizes,
 * probabilities not summing to one) or hangs is marked failed or timed out with its reason, and the run goes on.
 */
public final class SequenceEvaluator {
    private final SequenceTask task;
    private final List<SequenceFolds.Part> parts;
    private final List<Metric> metrics;
    private final long seed;
    private final int threads;
    private final Duration timeLimit;

    /**
     * An evaluator for one task.
     *
     * @param task the sequence task
     * @param parts the train/test parts
     * @param metrics the metrics, the task's first
     * @param seed the task seed
     * @param threads how many fits run at once
     * @param timeLimit the longest one fit-and-predict may take
     */
    public SequenceEvaluator(SequenceTask task, List<SequenceFolds.Part> parts, List<Metric> metrics, long seed,
                             int threads, Duration timeLimit) {
        this.task = requireNonNull(task, "task is null");
        this.parts = List.copyOf(parts);
        this.metrics = List.copyOf(metrics);
        this.seed = seed;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.timeLimit = requireNonNull(timeLimit, "timeLimit is null");
    }

    /**
     * A candidate to evaluate.
     *
     * @param plugin the plugin
     * @param parameters its parameter values
     */
    public record Candidate(ModelPlugin plugin, ParameterValues parameters) {
        /** Checks for nulls. */
        public Candidate {
            requireNonNull(plugin, "plugin is null");
            requireNonNull(parameters, "parameters is null");
        }
    }

    /**
     * What became of one candidate.
     *
     * @param candidate the candidate
     * @param status evaluated, failed or timed out
     * @param reason what went wrong and on which part; empty when evaluated
     * @param scores per metric, the value per part; empty unless evaluated
     * @param fitSeconds mean fit time per part
     * @param predictMicrosPerPosition mean prediction time per test position
     * @param confusion for label and classify, counts by true (row) and predicted (column) level over the first
     *     repeat; empty otherwise
     * @param transitions the hidden-state transition matrix of the model fitted on the first part, when it has one
     * @param firstModel for task next, the model fitted on the first part (it continues held-out prefixes)
     */
    public record Outcome(Candidate candidate, Status status, String reason, Map<Metric, double[]> scores,
                          double fitSeconds, double predictMicrosPerPosition, long[][] confusion,
                          Optional<double[][]> transitions, Optional<SequenceModel> firstModel) {
    }

    private sealed interface FoldResult {
        record Done(double[] scores, long fitNanos, long predictNanos, int positions, long[][] confusion,
                    Optional<double[][]> transitions, SequenceModel model) implements FoldResult {
        }

        record Failed(String reason) implements FoldResult {
        }

        record TimedOut(String reason) implements FoldResult {
        }

        record Skipped() implements FoldResult {
        }
    }

    /**
     * Evaluates every candidate on every part.
     *
     * @param candidates the candidates, in the order results are wanted
     * @return one outcome per candidate, in the same order
     * @throws InterruptedException when the calling thread is interrupted
     */
    public List<Outcome> evaluate(List<Candidate> candidates) throws InterruptedException {
        int n = parts.size();
        @SuppressWarnings("unchecked")
        CompletableFuture<FoldResult>[] results = new CompletableFuture[candidates.size() * n];
        var abandoned = new AtomicBoolean[candidates.size()];
        for (int c = 0; c < abandoned.length; c++) {
            abandoned[c] = new AtomicBoolean();
        }
        var permits = new Semaphore(threads);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "modelscout-sequence-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < candidates.size(); c++) {
                    Candidate candidate = candidates.get(c);
                    int part = s;
                    AtomicBoolean gaveUp = abandoned[c];
                    var future = new CompletableFuture<FoldResult>();
                    results[c * n + s] = future;
                    if (gaveUp.get()) {
                        future.complete(new FoldResult.Skipped());
                        continue;
                    }
                    permits.acquire();
                    if (gaveUp.get()) {
                        permits.release();
                        future.complete(new FoldResult.Skipped());
                        continue;
                    }
                    var released = new AtomicBoolean();
                    Runnable releasePermit = () -> {
                        if (released.compareAndSet(false, true)) {
                            permits.release();
                        }
                    };
                    var worker = new Thread(() -> {
                        try {
                            future.complete(runPart(candidate, part));
                        } catch (Throwable e) {
                            future.complete(new FoldResult.Failed(where(part) + describe(e)));
                        } finally {
                            releasePermit.run();
                        }
                    }, "modelscout-sequence-fit-" + candidate.plugin().id() + "-" + part);
                    worker.setDaemon(true);
                    future.whenComplete((result, _) -> {
                        if (!(result instanceof FoldResult.Done)) {
                            gaveUp.set(true);
                        }
                    });
                    worker.start();
                    watchdog.schedule(() -> {
                        if (future.complete(new FoldResult.TimedOut(where(part) + "fit and prediction took longer than "
                                + seconds(timeLimit) + " s"))) {
                            releasePermit.run();
                            worker.interrupt();
                        }
                    }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            CompletableFuture.allOf(results).join();
        } finally {
            watchdog.shutdownNow();
        }
        var outcomes = new ArrayList<Outcome>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            var perPart = new ArrayList<FoldResult>(n);
            for (int s = 0; s < n; s++) {
                perPart.add(results[c * n + s].join());
            }
            outcomes.add(summarise(candidates.get(c), perPart));
        }
        return outcomes;
    }

    private FoldResult runPart(Candidate candidate, int index) throws Exception {
        SequenceFolds.Part part = parts.get(index);
        Sequences train = part.train().sequences();
        Sequences test = part.test().sequences();
        var request = new FitRequest(Goal.MODEL_SEQUENCES, train.positions(), Optional.empty(),
                candidate.parameters(), Seeds.mix(seed, candidate.plugin().id(), index),
                Optional.of(new FitRequest.SequenceFit(task, train)));
        long t0 = System.nanoTime();
        FittedModel fitted = candidate.plugin().fit(request);
        long t1 = System.nanoTime();
        if (!(fitted instanceof SequenceModel model)) {
            return new FoldResult.Failed(where(index) + "fit returned "
                    + (fitted == null ? "null" : fitted.getClass().getSimpleName()) + ", not a sequence model");
        }
        Sequences input = test.withoutTruth();
        double[] scores = new double[metrics.size()];
        long[][] confusion = new long[0][0];
        long t2;
        switch (task) {
            case LABEL -> {
                int[] predicted = model.label(input);
                t2 = System.nanoTime();
                CategoricalColumn truthColumn = test.labels().orElseThrow();
                int levels = truthColumn.levels().size();
                String problem = checkCodes(predicted, test.positions().rowCount(), levels, "label");
                if (problem != null) {
                    return new FoldResult.Failed(where(index) + problem);
                }
                int[] truth = truthColumn.toCodes();
                int[] offsets = test.offsets();
                for (int m = 0; m < metrics.size(); m++) {
                    scores[m] = metrics.get(m).scoreLabels(truth, predicted, offsets);
                }
                confusion = confusion(truth, predicted, levels);
            }
            case CLASSIFY -> {
                ClassPrediction prediction = model.classify(input);
                t2 = System.nanoTime();
                CategoricalColumn truthColumn = test.classes().orElseThrow();
                int levels = truthColumn.levels().size();
                String problem = checkClassification(prediction, test.count(), levels);
                if (problem != null) {
                    return new FoldResult.Failed(where(index) + problem);
                }
                int[] truth = truthColumn.toCodes();
                for (int m = 0; m < metrics.size(); m++) {
                    scores[m] = metrics.get(m).score(truth, prediction, levels);
                }
                confusion = confusion(truth, prediction.labels(), levels);
            }
            case NEXT -> {
                double[][] probabilities = model.nextProbabilities(input);
                t2 = System.nanoTime();
                var symbols = (CategoricalColumn) test.positions().column(0);
                String problem = checkProbabilities(probabilities, test.positions().rowCount(),
                        symbols.levels().size());
                if (problem != null) {
                    return new FoldResult.Failed(where(index) + problem);
                }
                int[] truth = symbols.toCodes();
                for (int m = 0; m < metrics.size(); m++) {
                    scores[m] = metrics.get(m).scoreNext(truth, probabilities);
                }
            }
            default -> throw new IllegalStateException("unknown task " + task);
        }
        for (int m = 0; m < scores.length; m++) {
            if (!Double.isFinite(scores[m])) {
                return new FoldResult.Failed(where(index) + metrics.get(m).id() + " is " + scores[m]);
            }
        }
        Optional<double[][]> transitions = index == 0 ? validMatrix(model.transitionMatrix()) : Optional.empty();
        return new FoldResult.Done(scores, t1 - t0, t2 - t1, test.positions().rowCount(),
                part.repeat() == 0 ? confusion : new long[0][0], transitions,
                index == 0 && task == SequenceTask.NEXT ? model : null);
    }

    /** A transition matrix worth drawing: square, finite, rows of probabilities; anything else is not shown. */
    private static Optional<double[][]> validMatrix(Optional<double[][]> matrix) {
        if (matrix == null || matrix.isEmpty()) {
            return Optional.empty();
        }
        double[][] m = matrix.orElseThrow();
        if (m.length == 0) {
            return Optional.empty();
        }
        for (double[] row : m) {
            if (row == null || row.length != m.length) {
                return Optional.empty();
            }
            for (double v : row) {
                if (!(v >= 0 && v <= 1 + ProbabilityCheck.ROUNDING)) {
                    return Optional.empty();
                }
            }
        }
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return Optional.of(copy);
    }

    private static long[][] confusion(int[] truth, int[] predicted, int levels) {
        long[][] counts = new long[levels][levels];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    private static String checkCodes(int[] predicted, int rows, int levels, String what) {
        if (predicted == null) {
            return what + " returned null";
        }
        if (predicted.length != rows) {
            return what + " returned " + predicted.length + " labels for " + rows + " positions";
        }
        for (int i = 0; i < rows; i++) {
            if (predicted[i] < 0 || predicted[i] >= levels) {
                return what + " returned the code " + predicted[i] + " at position " + i + ", outside the " + levels
                        + " labels";
            }
        }
        return null;
    }

    private static String checkClassification(ClassPrediction prediction, int rows, int classes) {
        if (prediction == null) {
            return "classify returned null";
        }
        if (prediction.size() != rows) {
            return "classify returned " + prediction.size() + " predictions for " + rows + " sequences";
        }
        String labels = checkCodes(prediction.labels(), rows, classes, "classify");
        if (labels != null) {
            return labels;
        }
        return checkProbabilities(prediction.probabilities(), rows, classes);
    }

    private static String checkProbabilities(double[][] probabilities, int rows, int levels) {
        if (probabilities == null) {
            return "the prediction returned no probabilities";
        }
        if (probabilities.length != rows) {
            return "the prediction returned " + probabilities.length + " rows of probabilities for " + rows;
        }
        int bad = 0;
        String first = null;
        for (int i = 0; i < rows; i++) {
            double[] p = probabilities[i];
            String problem = ProbabilityCheck.problem(p, levels, "levels");
            if (problem != null) {
                bad++;
                if (first == null) {
                    first = problem;
                }
            }
        }
        return bad == 0 ? null : "invalid probabilities in " + bad + " of " + rows + " rows, e.g. " + first;
    }

    private Outcome summarise(Candidate candidate, List<FoldResult> perPart) {
        for (FoldResult result : perPart) {
            switch (result) {
                case FoldResult.Failed failed -> {
                    return new Outcome(candidate, Status.FAILED, failed.reason(), Map.of(), 0, 0, new long[0][0],
                            Optional.empty(), Optional.empty());
                }
                case FoldResult.TimedOut timedOut -> {
                    return new Outcome(candidate, Status.TIMED_OUT, timedOut.reason(), Map.of(), 0, 0,
                            new long[0][0], Optional.empty(), Optional.empty());
                }
                default -> {
                }
            }
        }
        var scores = new LinkedHashMap<Metric, double[]>();
        for (int m = 0; m < metrics.size(); m++) {
            double[] values = new double[perPart.size()];
            for (int s = 0; s < perPart.size(); s++) {
                values[s] = ((FoldResult.Done) perPart.get(s)).scores()[m];
            }
            scores.put(metrics.get(m), values);
        }
        long fit = 0;
        long predict = 0;
        long positions = 0;
        long[][] confusion = null;
        for (FoldResult result : perPart) {
            var done = (FoldResult.Done) result;
            fit += done.fitNanos();
            predict += done.predictNanos();
            positions += done.positions();
            long[][] c = done.confusion();
            if (c.length > 0) {
                if (confusion == null) {
                    confusion = new long[c.length][c.length];
                }
                for (int i = 0; i < c.length; i++) {
                    for (int j = 0; j < c.length; j++) {
                        confusion[i][j] += c[i][j];
                    }
                }
            }
        }
        var first = (FoldResult.Done) perPart.getFirst();
        return new Outcome(candidate, Status.EVALUATED, "", scores, fit / 1e9 / perPart.size(),
                predict / 1e3 / Math.max(1, positions), confusion == null ? new long[0][0] : confusion,
                first.transitions(), Optional.ofNullable(first.model()));
    }

    private String where(int index) {
        SequenceFolds.Part part = parts.get(index);
        return part.split().isEmpty() ? "test file: " : "fold " + (part.fold() + 1) + " of repeat " + (part.repeat() + 1)
                + ": ";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof java.util.concurrent.CompletionException
                || root instanceof java.lang.reflect.InvocationTargetException
                || root instanceof ExceptionInInitializerError) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String seconds(Duration limit) {
        return java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
