package io.modelscout.selector.claims;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.eval.Evaluator;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.SelectionResult.Claim;
import io.modelscout.selector.result.SelectionResult.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks three claims of the primer on the user's data, for the best generative and the best discriminative
 * candidate (baselines aside): that generative models get near their best with fewer training rows (a learning curve
 * on nested, stratified subsets of each training fold), that discriminative models predict faster (the measured time
 * per row), and that generative models lose less when values go missing (cells of the test part masked at random).
 * Only the splits of the first repeat are used, and only those two candidates are refitted; every subset and every
 * mask follows from the seed, so the scores are the same at any thread count.
 */
public final class ClaimChecker {
    /** Fractions of each training fold for the learning curve; the whole fold is the main evaluation. */
    public static final List<Double> FRACTIONS = List.of(0.1, 0.25, 0.5);
    /** Fractions of feature cells of the test part masked for the missing-data claim. */
    public static final List<Double> MASKED = List.of(0.1, 0.2);

    /** Claim ids. */
    public static final String CONVERGES = "generative-converges-with-fewer-rows";
    /** Claim ids. */
    public static final String PREDICTS = "discriminative-predicts-faster";
    /** Claim ids. */
    public static final String MISSING = "generative-copes-with-missing-values";

    private static final String CONVERGES_TEXT = "A generative model comes close to its best score with fewer training "
            + "rows than a discriminative one, which needs more rows but may end higher.";
    private static final String PREDICTS_TEXT = "A discriminative model answers faster per row than a generative one, "
            + "which combines the evidence for every class.";
    private static final String MISSING_TEXT = "A generative model loses less than a discriminative one when feature "
            + "values are missing at prediction time.";

    private final Goal goal;
    private final Table features;
    private final Column target;
    private final List<Split> splits;
    private final Metric metric;
    private final long seed;
    private final int threads;
    private final Duration timeLimit;

    /**
     * A checker for one task.
     *
     * @param goal classify or regress
     * @param features the feature columns, all rows
     * @param target the target, no missing cells
     * @param splits the evaluation's splits, repeat-major
     * @param metric the task's metric
     * @param seed the task seed
     * @param threads how many fits run at once
     * @param timeLimit the longest one fit may take
     */
    public ClaimChecker(Goal goal, Table features, Column target, List<Split> splits, Metric metric, long seed,
                        int threads, Duration timeLimit) {
        this.goal = requireNonNull(goal, "goal is null");
        this.features = requireNonNull(features, "features is null");
        this.target = requireNonNull(target, "target is null");
        this.splits = splits.stream().filter(s -> s.repeat() == 0).toList();
        this.metric = requireNonNull(metric, "metric is null");
        this.seed = seed;
        this.threads = threads;
        this.timeLimit = requireNonNull(timeLimit, "timeLimit is null");
    }

    /**
     * The best evaluated candidate of a family, baselines aside.
     *
     * @param results every candidate
     * @param metric the metric
     * @param family {@code generative} or {@code discriminative}
     * @return the best, or empty when none of that family was evaluated
     */
    public static Optional<CandidateResult> bestOf(List<CandidateResult> results, Metric metric, String family) {
        return Recommender.rank(results, metric, Map.of()).stream()
                .filter(c -> c.family().equals(family) && !c.capabilities().contains("BASELINE"))
                .findFirst();
    }

    /**
     * Checks the claims.
     *
     * @param results every candidate's result
     * @param candidates the evaluated candidates by id, as they were evaluated
     * @return the three claims, each held, not held, or not checkable with the reason
     * @throws InterruptedException when interrupted while fitting
     */
    public List<Claim> check(List<CandidateResult> results, Map<String, Evaluator.Candidate> candidates)
            throws InterruptedException {
        Optional<CandidateResult> generative = bestOf(results, metric, "generative");
        Optional<CandidateResult> discriminative = bestOf(results, metric, "discriminative");
        if (generative.isEmpty() || discriminative.isEmpty()) {
            String why = "No " + (generative.isEmpty() ? "generative" : "discriminative")
                    + " candidate other than a baseline was evaluated, so there is nothing to compare.";
            return List.of(new Claim(CONVERGES, CONVERGES_TEXT, Optional.empty(), why, List.of()),
                    new Claim(PREDICTS, PREDICTS_TEXT, Optional.empty(), why, List.of()),
                    new Claim(MISSING, MISSING_TEXT, Optional.empty(), why, List.of()));
        }
        CandidateResult g = generative.get();
        CandidateResult d = discriminative.get();
        var pair = List.of(plain(candidates.get(g.id())), plain(candidates.get(d.id())));
        return List.of(learningCurve(g, d, pair), predictionTime(g, d), missingValues(g, d, pair));
    }

    /** The candidate with its defaults: claims compare families, not searches, and must stay cheap. */
    private static Evaluator.Candidate plain(Evaluator.Candidate candidate) {
        requireNonNull(candidate, "candidate is null");
        return new Evaluator.Candidate(candidate.plugin(), candidate.parameters(), candidate.recipe());
    }

    private Claim learningCurve(CandidateResult g, CandidateResult d, List<Evaluator.Candidate> pair)
            throws InterruptedException {
        var x = new ArrayList<Double>();
        var gy = new ArrayList<Double>();
        var dy = new ArrayList<Double>();
        var gx = new ArrayList<Double>();
        var dx = new ArrayList<Double>();
        for (double fraction : FRACTIONS) {
            var subsets = new ArrayList<Split>();
            long total = 0;
            for (int s = 0; s < splits.size(); s++) {
                Split split = splits.get(s);
                int[] train = subset(split.train(), fraction, s);
                total += train.length;
                subsets.add(new Split(split.repeat(), split.fold(), train, split.test()));
            }
            double rows = total / (double) splits.size();
            List<Evaluator.Outcome> outcomes = evaluate(features, target, subsets, pair);
            x.add(rows);
            addIfEvaluated(outcomes.get(0), rows, gx, gy);
            addIfEvaluated(outcomes.get(1), rows, dx, dy);
        }
        double full = splits.stream().mapToInt(s -> s.train().length).average().orElse(0);
        // The whole training fold is the main evaluation's own scores on these splits, refitted only if it was tuned.
        gx.add(full);
        gy.add(firstRepeatMean(g));
        dx.add(full);
        dy.add(firstRepeatMean(d));
        var series = List.of(new Series(g.id(), gx, gy), new Series(d.id(), dx, dy));
        // The smallest size both could be fitted on; a model may fail on the tiniest subsets (a singular covariance).
        int gi = -1;
        int di = -1;
        for (int i = 0; i < gx.size() - 1 && gi < 0; i++) {
            int j = dx.indexOf(gx.get(i));
            if (j >= 0 && j < dx.size() - 1) {
                gi = i;
                di = j;
            }
        }
        String skipped = gx.size() < FRACTIONS.size() + 1 || dx.size() < FRACTIONS.size() + 1
                ? " (" + (gx.size() < FRACTIONS.size() + 1 ? g.id() : d.id()) + " could not be fitted on the smallest "
                + "subsets)" : "";
        if (gi < 0) {
            return new Claim(CONVERGES, CONVERGES_TEXT, Optional.empty(), "No training subset smaller than the whole "
                    + "fold could be fitted by both candidates" + skipped + ".", series);
        }
        double smallAdvantage = advantage(gy.get(gi), dy.get(di));
        double fullAdvantage = advantage(gy.getLast(), dy.getLast());
        boolean held = smallAdvantage > fullAdvantage;
        String finding = String.format(Locale.ROOT, "With %.0f training rows%s %s scores %s %.4f against %.4f for %s; "
                        + "with %.0f rows, %.4f against %.4f. The generative model's standing %s as the rows shrink.",
                gx.get(gi), skipped, g.id(), metric.id(), gy.get(gi), dy.get(di), d.id(), full, gy.getLast(), dy.getLast(),
                held ? "improves" : "does not improve");
        return new Claim(CONVERGES, CONVERGES_TEXT, Optional.of(held), finding, series);
    }

    private Claim predictionTime(CandidateResult g, CandidateResult d) {
        double gt = g.timing().predictMicrosPerRow();
        double dt = d.timing().predictMicrosPerRow();
        var series = List.of(new Series(g.id(), List.of(0.0), List.of(gt)), new Series(d.id(), List.of(1.0), List.of(dt)));
        if (!(gt > 0) || !(dt > 0)) {
            return new Claim(PREDICTS, PREDICTS_TEXT, Optional.empty(), "No prediction time was measured.", series);
        }
        boolean held = dt < gt;
        String finding = String.format(Locale.ROOT, "%s predicted in %.2f µs per row, %s in %.2f µs per row (measured "
                + "times, which vary from run to run).", d.id(), dt, g.id(), gt);
        return new Claim(PREDICTS, PREDICTS_TEXT, Optional.of(held), finding, series);
    }

    private Claim missingValues(CandidateResult g, CandidateResult d, List<Evaluator.Candidate> pair)
            throws InterruptedException {
        var gx = new ArrayList<Double>(List.of(0.0));
        var gy = new ArrayList<Double>(List.of(firstRepeatMean(g)));
        var dx = new ArrayList<Double>(List.of(0.0));
        var dy = new ArrayList<Double>(List.of(firstRepeatMean(d)));
        int n = features.rowCount();
        int[] twice = new int[2 * n];
        for (int i = 0; i < n; i++) {
            twice[i] = i;
            twice[n + i] = i;
        }
        Column doubledTarget = target.select(twice);
        for (double rate : MASKED) {
            // Rows n..2n-1 are masked copies: training parts point at the originals, test parts at the copies.
            Table doubled = masked(rate);
            var shifted = new ArrayList<Split>();
            for (Split split : splits) {
                int[] test = split.test().clone();
                for (int i = 0; i < test.length; i++) {
                    test[i] += n;
                }
                shifted.add(new Split(split.repeat(), split.fold(), split.train(), test));
            }
            var remade = pair.stream().map(c -> new Evaluator.Candidate(c.plugin(), c.parameters(),
                    Recipe.of(c.plugin(), doubled))).toList();
            List<Evaluator.Outcome> outcomes = evaluate(doubled, doubledTarget, shifted, remade);
            addIfEvaluated(outcomes.get(0), rate, gx, gy);
            addIfEvaluated(outcomes.get(1), rate, dx, dy);
        }
        var series = List.of(new Series(g.id(), gx, gy), new Series(d.id(), dx, dy));
        if (gx.size() != MASKED.size() + 1 || dx.size() != MASKED.size() + 1) {
            return new Claim(MISSING, MISSING_TEXT, Optional.empty(), "A candidate failed on the rows with masked cells.",
                    series);
        }
        double gLoss = advantage(gy.getFirst(), gy.getLast());
        double dLoss = advantage(dy.getFirst(), dy.getLast());
        boolean held = gLoss < dLoss;
        String finding = String.format(Locale.ROOT, "With %.0f %% of the test cells removed, %s goes from %.4f to %.4f "
                        + "(%s %.4f) and %s from %.4f to %.4f (%s %.4f).", 100 * MASKED.getLast(), g.id(), gy.getFirst(),
                gy.getLast(), gLoss >= 0 ? "loses" : "gains", Math.abs(gLoss), d.id(), dy.getFirst(), dy.getLast(),
                dLoss >= 0 ? "loses" : "gains", Math.abs(dLoss));
        return new Claim(MISSING, MISSING_TEXT, Optional.of(held), finding, series);
    }

    /** How much better a is than b on the metric, positive when a is better. */
    private double advantage(double a, double b) {
        return metric.higherIsBetter() ? a - b : b - a;
    }

    private double firstRepeatMean(CandidateResult c) {
        List<Double> folds = c.scores().get(metric.id()).folds();
        double sum = 0;
        int k = Math.min(splits.size(), folds.size());
        for (int i = 0; i < k; i++) {
            sum += folds.get(i);
        }
        return sum / k;
    }

    private static void addIfEvaluated(Evaluator.Outcome outcome, double at, List<Double> x, List<Double> y) {
        if (outcome.status() != Status.EVALUATED) {
            return;
        }
        double[] values = outcome.scores().values().iterator().next();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (Double.isFinite(mean)) {
            x.add(at);
            y.add(mean);
        }
    }

    private List<Evaluator.Outcome> evaluate(Table table, Column labels, List<Split> on, List<Evaluator.Candidate> pair)
            throws InterruptedException {
        var evaluator = new Evaluator(goal, table, labels, on, List.of(metric), seed, threads, timeLimit);
        return evaluator.evaluate(pair);
    }

    /**
     * A nested random subset of a training part: the same order for every fraction, so smaller subsets lie inside
     * larger ones; stratified by class for classification, so every class keeps at least one row.
     */
    int[] subset(int[] train, double fraction, int splitIndex) {
        var order = shuffled(train, Seeds.mix(seed, "claims-learning-curve", splitIndex));
        var keep = new ArrayList<Integer>();
        if (target instanceof CategoricalColumn classes) {
            int levels = classes.levels().size();
            int[] total = new int[levels];
            for (int row : train) {
                total[classes.code(row)]++;
            }
            int[] taken = new int[levels];
            for (int row : order) {
                int code = classes.code(row);
                if (taken[code] < Math.ceil(fraction * total[code])) {
                    taken[code]++;
                    keep.add(row);
                }
            }
        } else {
            int count = Math.max(2, (int) Math.ceil(fraction * train.length));
            for (int i = 0; i < Math.min(count, order.length); i++) {
                keep.add(order[i]);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] shuffled(int[] rows, long seed) {
        int[] out = rows.clone();
        var random = new java.util.SplittableRandom(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /**
     * The features twice over: the rows as they are, then copies with about {@code rate} of their cells missing.
     * Whether a cell is masked depends only on the seed, its row and its column, so a larger rate masks a superset.
     */
    Table masked(double rate) {
        int n = features.rowCount();
        var columns = new ArrayList<Column>();
        for (int c = 0; c < features.columnCount(); c++) {
            Column column = features.column(c);
            switch (column) {
                case NumericColumn numeric -> {
                    double[] values = new double[2 * n];
                    for (int i = 0; i < n; i++) {
                        values[i] = numeric.value(i);
                        values[n + i] = masked(i, c, rate) ? Double.NaN : values[i];
                    }
                    columns.add(NumericColumn.of(numeric.name(), values));
                }
                case CategoricalColumn categorical -> {
                    int[] codes = new int[2 * n];
                    for (int i = 0; i < n; i++) {
                        codes[i] = categorical.code(i);
                        codes[n + i] = masked(i, c, rate) ? CategoricalColumn.MISSING : codes[i];
                    }
                    columns.add(switch (categorical) {
                        case NominalColumn nominal -> NominalColumn.of(nominal.name(), nominal.levels(), codes);
                        case OrdinalColumn ordinal -> OrdinalColumn.of(ordinal.name(), ordinal.levels(), codes);
                    });
                }
            }
        }
        return new Table(features.name(), columns);
    }

    private boolean masked(int row, int column, double rate) {
        long bits = Seeds.mix(seed, "claims-missing", (long) row * 1_000_003L + column);
        return (bits >>> 11) * 0x1.0p-53 < rate;
    }
}
