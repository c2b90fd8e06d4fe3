package io.modelscout.selector.tune;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.Table;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.ParameterSearch;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Seeds;
import io.modelscout.selector.spec.TaskSpec.Tuning;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random search or successive halving of one candidate inside one outer training part, on inner stratified folds,
 * the task's metric deciding.
 *
 * <p>Reproducible by construction: the configurations are drawn from a {@link SplittableRandom} seeded with
 * {@code Seeds.mix(taskSeed, pluginId + "tuning", split)}, their number is {@code evaluation.trials}, and the inner
 * folds and fit seeds derive from the same seed. The search runs on its fold's own thread, one fit after another.
 * The allowance (the task's budget shared out by {@link Budget#allowance}) is the one thing that depends on the
 * clock: it can only stop a search early, and a search it stops returns a note saying how far it got.
 */
public final class Tuner implements ParameterSearch {
    private final Tuning method;
    private final int trials;
    private final Duration allowance;
    private final Goal goal;
    private final Metric metric;
    private final long seed;

    /**
     * A tuner for one task.
     *
     * @param method random or halving
     * @param trials configurations per candidate and outer split, at least 1
     * @param allowance the longest one search may run
     * @param goal classify or regress
     * @param metric the task's metric, which the search optimises
     * @param seed the task seed
     */
    public Tuner(Tuning method, int trials, Duration allowance, Goal goal, Metric metric, long seed) {
        this.method = requireNonNull(method, "method is null");
        if (method == Tuning.NONE) {
            throw new IllegalArgumentException("a tuner needs tuning random or halving, not none");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        this.trials = trials;
        this.allowance = requireNonNull(allowance, "allowance is null");
        this.goal = requireNonNull(goal, "goal is null");
        this.metric = requireNonNull(metric, "metric is null");
        this.seed = seed;
    }

    @Override
    public Duration allowance() {
        return allowance;
    }

    /**
     * A description of the search for reports.
     *
     * @return e.g. {@code random search, 20 configurations, 3 inner folds}
     */
    public String describe() {
        return switch (method) {
            case RANDOM -> "random search over " + configurations() + " (the defaults first)";
            case HALVING -> "successive halving from " + configurations() + " (the defaults first), keeping the "
                    + "best third on three times as many rows";
            case NONE -> "none";
        } + ", each scored on " + InnerValidation.FOLDS + " inner folds of the outer training part by " + metric.id();
    }

    private String configurations() {
        return trials + (trials == 1 ? " configuration" : " configurations");
    }

    @Override
    public Choice choose(ModelPlugin plugin, Recipe recipe, Table features, Column target, int split)
            throws InterruptedException {
        return choose(plugin, recipe, features, target, split, Budget.Deadline.after(allowance));
    }

    Choice choose(ModelPlugin plugin, Recipe recipe, Table features, Column target, int split, Budget.Deadline deadline)
            throws InterruptedException {
        long searchSeed = Seeds.mix(seed, plugin.id() + "tuning", split);
        var random = new SplittableRandom(searchSeed);
        List<ParameterValues> configurations = ParameterSampler.configurations(plugin.parameters(), trials, random);
        ParameterValues defaults = configurations.getFirst();
        if (configurations.size() == 1) {
            return new Choice(defaults, Optional.empty());
        }
        if (features.rowCount() < 2 * InnerValidation.FOLDS) {
            return new Choice(defaults, Optional.of("too few training rows (" + features.rowCount()
                    + ") for inner folds; kept the defaults"));
        }
        var validation = new InnerValidation(plugin, goal, metric, recipe, features, target, random.nextLong());
        SearchResult result = switch (method) {
            case RANDOM -> RandomSearch.run(configurations, validation, deadline);
            case HALVING -> SuccessiveHalving.run(configurations, validation, deadline, minRows(target),
                    random.nextLong());
            case NONE -> throw new IllegalStateException("not tuned");
        };
        if (result.cut()) {
            return new Choice(result.best(), Optional.of("the budget (" + seconds(allowance) + " s per fold) cut the "
                    + "search after " + result.scorings() + " of " + result.planned() + " scorings"
                    + (result.scored() ? "; the best so far was kept" : "; kept the defaults")));
        }
        if (!result.scored()) {
            return new Choice(defaults, Optional.of("no configuration could be scored on the inner folds; kept the "
                    + "defaults"));
        }
        return new Choice(result.best(), Optional.empty());
    }

    /** Small rungs still need a few rows of every class in each inner fold. */
    private static int minRows(Column target) {
        int classes = target instanceof CategoricalColumn c ? c.levels().size() : 1;
        return Math.max(10 * InnerValidation.FOLDS, 2 * InnerValidation.FOLDS * classes);
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
