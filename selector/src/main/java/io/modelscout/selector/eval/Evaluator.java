package io.modelscout.selector.eval;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Regressor;
import io.modelscout.selector.result.CandidateResult.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cross-validates candidates: every candidate on every split, in parallel on a fixed number of threads.
 *
 * <p>The table is held once; a split is a pair of row views. Preprocessing for a split is computed once per recipe
 * and shared by the candidates that need it. Each fit gets a seed derived from the task seed, the plugin id and the
 * split, never from scheduling, so scores are the same at any thread count. Each fit-and-predict runs on its own
 * daemon thread under a time limit: a candidate that throws, returns invalid output or hangs is marked failed or
 * timed out, and the run goes on with the others.
 */
public final class Evaluator {
    private final Goal goal;
    private final Table features;
    private final Column target;
    private final List<Split> splits;
    private final List<Metric> metrics;
    private final long seed;
    private final int threads;
    private final Duration timeLimit;
    private final Map<PreparedKey, CompletableFuture<Preprocessor.Prepared>> prepared = new ConcurrentHashMap<>();

    /**
     * An evaluator for one task.
     *
     * @param goal {@link Goal#CLASSIFY} or {@link Goal#REGRESS}
     * @param features the feature columns, all rows
     * @param target the target column, no missing cells
     * @param splits the cross-validation splits
     * @param metrics the metrics to compute, the task's first
     * @param seed the task seed
     * @param threads how many fits run at once
     * @param timeLimit the longest one fit-and-predict may take
     */
    public Evaluator(Goal goal, Table features, Column target, List<Split> splits, List<Metric> metrics, long seed,
                     int threads, Duration timeLimit) {
        this.goal = requireNonNull(goal, "goal is null");
        this.features = requireNonNull(features, "features is null");
        this.target = requireNonNull(target, "target is null");
        this.splits = List.copyOf(splits);
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
     * @param recipe the preprocessing it needs
     * @param search when present, chooses the parameters inside each outer training part instead of {@code parameters}
     */
    public record Candidate(ModelPlugin plugin, ParameterValues parameters, Recipe recipe,
                            Optional<ParameterSearch> search) {
        /** Checks for nulls. */
        public Candidate {
            requireNonNull(plugin, "plugin is null");
            requireNonNull(parameters, "parameters is null");
            requireNonNull(recipe, "recipe is null");
            requireNonNull(search, "search is null");
        }

        /**
         * A candidate evaluated with fixed parameters.
         *
         * @param plugin the plugin
         * @param parameters its parameter values
         * @param recipe the preprocessing it needs
         */
        public Candidate(ModelPlugin plugin, ParameterValues parameters, Recipe recipe) {
            this(plugin, parameters, recipe, Optional.empty());
        }
    }

    /**
     * What became of one candidate.
     *
     * @param candidate the candidate
     * @param status evaluated, failed or timed out
     * @param reason for a failure what went wrong and on which split; empty when evaluated
     * @param scores per metric, the value per split (repeat-major); empty unless evaluated
     * @param fitSeconds mean fit time per split
     * @param predictMicrosPerRow mean prediction time per row
     * @param prepareSeconds mean preprocessing time per split attributable to this candidate's recipe
     * @param outOfFold the predictions of the first repeat by row (every row once), when evaluated
     * @param chosen for a tuned candidate, the parameters chosen per split (repeat-major); empty otherwise
     * @param notes remarks of the searches, e.g. where the budget cut one short
     * @param tuneSeconds mean search time per split; zero when not tuned
     */
    public record Outcome(Candidate candidate, Status status, String reason, Map<Metric, double[]> scores,
                          double fitSeconds, double predictMicrosPerRow, double prepareSeconds,
                          Optional<Diagnoser.Predictions> outOfFold, List<ParameterValues> chosen, List<String> notes,
                          double tuneSeconds) {
        /** Copies the lists. */
        public Outcome {
            chosen = List.copyOf(chosen);
            notes = List.copyOf(notes);
        }

        /**
         * An outcome of a candidate that was not tuned.
         *
         * @param candidate the candidate
         * @param status the status
         * @param reason the reason
         * @param scores the scores
         * @param fitSeconds the fit time
         * @param predictMicrosPerRow the prediction time per row
         * @param prepareSeconds the preprocessing time
         * @param outOfFold the out-of-fold predictions
         */
        public Outcome(Candidate candidate, Status status, String reason, Map<Metric, double[]> scores,
                       double fitSeconds, double predictMicrosPerRow, double prepareSeconds,
                       Optional<Diagnoser.Predictions> outOfFold) {
            this(candidate, status, reason, scores, fitSeconds, predictMicrosPerRow, prepareSeconds, outOfFold,
                    List.of(), List.of(), 0);
        }

        /**
         * An outcome without out-of-fold predictions.
         *
         * @param candidate the candidate
         * @param status the status
         * @param reason the reason
         * @param scores the scores
         * @param fitSeconds the fit time
         * @param predictMicrosPerRow the prediction time per row
         * @param prepareSeconds the preprocessing time
         */
        public Outcome(Candidate candidate, Status status, String reason, Map<Metric, double[]> scores,
                       double fitSeconds, double predictMicrosPerRow, double prepareSeconds) {
            this(candidate, status, reason, scores, fitSeconds, predictMicrosPerRow, prepareSeconds, Optional.empty());
        }
    }

    private record PreparedKey(int split, Recipe recipe) {
    }

    private sealed interface FoldResult {
        /** {@code kept} holds the fold's predictions in the first repeat, else null. */
        record Done(double[] scores, long fitNanos, long predictNanos, int testRows, long prepareNanos,
                    Diagnoser.Part kept, ParameterValues parameters, Optional<String> note, long tuneNanos)
                implements FoldResult {
        }

        record Failed(String reason) implements FoldResult {
        }

        record TimedOut(String reason) implements FoldResult {
        }

        record Skipped() implements FoldResult {
        }
    }

    /**
     * Evaluates every candidate on every split.
     *
     * @param candidates the candidates, in the order results are wanted
     * @return one outcome per candidate, in the same order
     * @throws InterruptedException when the calling thread is interrupted
     */
    public List<Outcome> evaluate(List<Candidate> candidates) throws InterruptedException {
        int tasks = candidates.size() * splits.size();
        @SuppressWarnings("unchecked")
        CompletableFuture<FoldResult>[] results = new CompletableFuture[tasks];
        var abandoned = new AtomicBoolean[candidates.size()];
        for (int c = 0; c < abandoned.length; c++) {
            abandoned[c] = new AtomicBoolean();
        }
        var usesLeft = new AtomicInteger[splits.size()];
        for (int s = 0; s < usesLeft.length; s++) {
            usesLeft[s] = new AtomicInteger(candidates.size());
        }
        var permits = new Semaphore(threads);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "modelscout-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Split-major order: all candidates see split 0 first, so shared preprocessing is freed early.
            for (int s = 0; s < splits.size(); s++) {
                for (int c = 0; c < candidates.size(); c++) {
                    int index = c * splits.size() + s;
                    Candidate candidate = candidates.get(c);
                    int split = s;
                    AtomicBoolean gaveUp = abandoned[c];
                    var future = new CompletableFuture<FoldResult>();
                    results[index] = future;
                    if (gaveUp.get()) {
                        future.complete(new FoldResult.Skipped());
                        release(usesLeft[split], split);
                        continue;
                    }
                    permits.acquire();
                    if (gaveUp.get()) {
                        // It failed or timed out while this split waited for a thread: start no further fit of it.
                        permits.release();
                        future.complete(new FoldResult.Skipped());
                        release(usesLeft[split], split);
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
                            future.complete(runFold(candidate, split));
                        } catch (Throwable e) {
                            future.complete(new FoldResult.Failed(where(split) + describe(e)));
                        } finally {
                            release(usesLeft[split], split);
                            releasePermit.run();
                        }
                    }, "modelscout-fit-" + candidate.plugin().id() + "-" + split);
                    worker.setDaemon(true);
                    future.whenComplete((result, _) -> {
                        if (!(result instanceof FoldResult.Done)) {
                            gaveUp.set(true);
                        }
                    });
                    worker.start();
                    // A tuned fold may also spend its search allowance before the final fit's own limit starts.
                    Duration limit = candidate.search().map(search -> timeLimit.plus(search.allowance())).orElse(timeLimit);
                    watchdog.schedule(() -> {
                        if (future.complete(new FoldResult.TimedOut(where(split) + "fit and prediction took longer than "
                                + seconds(limit) + " s" + (candidate.search().isPresent() ? " with tuning" : "")))) {
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
        var outcomes = new ArrayList<Outcome>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            var perSplit = new ArrayList<FoldResult>(splits.size());
            for (int s = 0; s < splits.size(); s++) {
                perSplit.add(results[c * splits.size() + s].join());
            }
            outcomes.add(summarise(candidates.get(c), perSplit));
        }
        return outcomes;
    }

    /** The limit in seconds as a person writes it: {@code 60}, {@code 0.3}; a whole-seconds count would say 0 for 300 ms. */
    private static String seconds(Duration limit) {
        return java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private void release(AtomicInteger usesLeft, int split) {
        if (usesLeft.decrementAndGet() == 0) {
            prepared.keySet().removeIf(key -> key.split() == split);
        }
    }

    private String where(int split) {
        Split s = splits.get(split);
        return "fold " + (s.fold() + 1) + " of repeat " + (s.repeat() + 1) + ": ";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof java.util.concurrent.CompletionException || root instanceof java.lang.reflect.InvocationTargetException
                || root instanceof ExceptionInInitializerError) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private FoldResult runFold(Candidate candidate, int splitIndex) throws Exception {
        Split split = splits.get(splitIndex);
        Column trainTarget = target.select(split.train());
        ParameterValues parameters = candidate.parameters();
        Optional<String> note = Optional.empty();
        long tuneStart = System.nanoTime();
        if (candidate.search().isPresent()) {
            // The search sees the raw training rows of this split only; the test rows stay unseen until scoring.
            var choice = candidate.search().orElseThrow().choose(candidate.plugin(), candidate.recipe(),
                    features.select(split.train()), trainTarget, splitIndex);
            parameters = choice.parameters();
            note = choice.note();
        }
        long t0 = System.nanoTime();
        Preprocessor.Prepared data = prepare(candidate.recipe(), splitIndex);
        long t1 = System.nanoTime();
        var request = new FitRequest(goal, data.train(), Optional.of(trainTarget), parameters,
                Seeds.mix(seed, candidate.plugin().id(), splitIndex));
        FittedModel model = candidate.plugin().fit(request);
        long t2 = System.nanoTime();
        double[] scores = new double[metrics.size()];
        long t3;
        Diagnoser.Part kept = null;
        switch (goal) {
            case CLASSIFY -> {
                if (!(model instanceof Classifier classifier)) {
                    return new FoldResult.Failed(where(splitIndex) + "fit returned " + kind(model) + ", not a classifier");
                }
                ClassPrediction prediction = classifier.predict(data.test());
                t3 = System.nanoTime();
                var test = (CategoricalColumn) target.select(split.test());
                String problem = checkClassification(prediction, test.size(), test.levels().size());
                if (problem != null) {
                    return new FoldResult.Failed(where(splitIndex) + problem);
                }
                int[] truth = test.toCodes();
                for (int m = 0; m < metrics.size(); m++) {
                    scores[m] = metrics.get(m).score(truth, prediction, test.levels().size());
                }
                kept = split.repeat() == 0 ? Diagnoser.Part.classes(split.test(), prediction) : null;
            }
            case REGRESS -> {
                if (!(model instanceof Regressor regressor)) {
                    return new FoldResult.Failed(where(splitIndex) + "fit returned " + kind(model) + ", not a regressor");
                }
                double[] predicted = regressor.predict(data.test());
                t3 = System.nanoTime();
                var test = (NumericColumn) target.select(split.test());
                String problem = checkRegression(predicted, test.size());
                if (problem != null) {
                    return new FoldResult.Failed(where(splitIndex) + problem);
                }
                double[] truth = test.toArray();
                for (int m = 0; m < metrics.size(); m++) {
                    scores[m] = metrics.get(m).score(truth, predicted);
                }
                kept = split.repeat() == 0 ? Diagnoser.Part.values(split.test(), predicted) : null;
            }
            default -> throw new IllegalStateException("goal " + goal.id() + " is not evaluated by cross-validation yet");
        }
        return new FoldResult.Done(scores, t2 - t1, t3 - t2, split.test().length, t1 - t0, kept, parameters, note,
                t0 - tuneStart);
    }

    private Preprocessor.Prepared prepare(Recipe recipe, int splitIndex) {
        Split split = splits.get(splitIndex);
        if (!recipe.any()) {
            return new Preprocessor.Prepared(features.select(split.train()), features.select(split.test()));
        }
        var key = new PreparedKey(splitIndex, recipe);
        var mine = new CompletableFuture<Preprocessor.Prepared>();
        var existing = prepared.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(Preprocessor.prepare(recipe, features.select(split.train()), features.select(split.test())));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine.join();
    }

    private static String kind(FittedModel model) {
        return model == null ? "null" : model.getClass().getSimpleName();
    }

    private static String checkClassification(ClassPrediction prediction, int rows, int classes) {
        if (prediction == null) {
            return "predict returned null";
        }
        if (prediction.size() != rows) {
            return "predict returned " + prediction.size() + " rows for " + rows;
        }
        int bad = 0;
        String first = null;
        for (int i = 0; i < rows; i++) {
            int label = prediction.labels()[i];
            double[] p = prediction.probabilities()[i];
            String problem = null;
            if (label < 0 || label >= classes) {
                problem = "label " + label + " outside the " + classes + " classes";
            } else {
                problem = ProbabilityCheck.problem(p, classes, "classes");
            }
            if (problem != null) {
                bad++;
                if (first == null) {
                    first = problem;
                }
            }
        }
        return bad == 0 ? null : "invalid prediction in " + bad + " of " + rows + " rows, e.g. " + first;
    }

    private static String checkRegression(double[] predicted, int rows) {
        if (predicted == null) {
            return "predict returned null";
        }
        if (predicted.length != rows) {
            return "predict returned " + predicted.length + " values for " + rows + " rows";
        }
        int bad = 0;
        for (double v : predicted) {
            if (!Double.isFinite(v)) {
                bad++;
            }
        }
        return bad == 0 ? null : "predict returned NaN or infinite values for " + bad + " of " + rows + " rows";
    }

    private Outcome summarise(Candidate candidate, List<FoldResult> perSplit) {
        for (FoldResult result : perSplit) {
            switch (result) {
                case FoldResult.Failed failed -> {
                    return new Outcome(candidate, Status.FAILED, failed.reason(), Map.of(), 0, 0, 0);
                }
                case FoldResult.TimedOut timedOut -> {
                    return new Outcome(candidate, Status.TIMED_OUT, timedOut.reason(), Map.of(), 0, 0, 0);
                }
                default -> {
                }
            }
        }
        var scores = new EnumMap<Metric, double[]>(Metric.class);
        for (int m = 0; m < metrics.size(); m++) {
            double[] values = new double[perSplit.size()];
            for (int s = 0; s < perSplit.size(); s++) {
                values[s] = ((FoldResult.Done) perSplit.get(s)).scores()[m];
            }
            scores.put(metrics.get(m), values);
        }
        long fit = 0;
        long predict = 0;
        long rows = 0;
        long prepare = 0;
        var kept = new ArrayList<Diagnoser.Part>(perSplit.size());
        long tune = 0;
        var chosen = new ArrayList<ParameterValues>();
        var notes = new ArrayList<String>();
        for (int s = 0; s < perSplit.size(); s++) {
            var done = (FoldResult.Done) perSplit.get(s);
            if (candidate.search().isPresent()) {
                chosen.add(done.parameters());
                tune += done.tuneNanos();
                int split = s;
                done.note().ifPresent(note -> notes.add(where(split) + note));
            }
            kept.add(done.kept());
            fit += done.fitNanos();
            predict += done.predictNanos();
            rows += done.testRows();
            prepare += done.prepareNanos();
        }
        return new Outcome(candidate, Status.EVALUATED, "", scores, fit / 1e9 / perSplit.size(),
                predict / 1e3 / rows, prepare / 1e9 / perSplit.size(), Diagnoser.Predictions.collect(target.size(), kept),
                chosen, notes, tune / 1e9 / perSplit.size());
    }
}
