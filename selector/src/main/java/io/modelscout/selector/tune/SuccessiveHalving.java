package io.modelscout.selector.tune;

import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Successive halving with rows as the resource: every configuration is scored on a small stratified share of the
 * outer training rows, the best third goes on to three times as many rows, and so on until the last rung uses them
 * all and one configuration is left. Each rung's rows hold the previous rung's, so a survivor is judged again on
 * more of the same data, never on a different sample.
 */
final class SuccessiveHalving {
    /** How much a rung keeps and how much more data the next one gets. */
    static final int FACTOR = 3;

    private SuccessiveHalving() {
    }

    /**
     * One rung of the schedule.
     *
     * @param configurations how many configurations are scored on it
     * @param rows on how many rows
     */
    record Step(int configurations, int rows) {
    }

    /**
     * The rungs for a number of configurations and rows: configurations divided by three (rounded up) from one rung
     * to the next, rows multiplied by three, the last rung on all rows, no rung below {@code minRows}.
     *
     * @param configurations configurations at the start, at least 1
     * @param rows rows of the outer training part
     * @param minRows the fewest rows a rung may use
     * @return the rungs, empty for a single configuration (nothing to compare)
     */
    static List<Step> schedule(int configurations, int rows, int minRows) {
        var counts = new ArrayList<Integer>();
        for (int k = configurations; k > 1; k = (k + FACTOR - 1) / FACTOR) {
            counts.add(k);
        }
        var steps = new ArrayList<Step>(counts.size());
        for (int r = 0; r < counts.size(); r++) {
            double share = Math.pow(FACTOR, r - (counts.size() - 1));
            int n = (int) Math.ceil(rows * share);
            steps.add(new Step(counts.get(r), Math.min(rows, Math.max(Math.min(minRows, rows), n))));
        }
        return List.copyOf(steps);
    }

    /**
     * Runs the search.
     *
     * @param configurations the configurations, the defaults first; an exact tie goes to the earlier one
     * @param scoring how a configuration is scored
     * @param deadline checked before each scoring
     * @param minRows the fewest rows a rung may use
     * @param seed for the order in which rows join the rungs
     * @return the best configuration
     * @throws InterruptedException when the fold is abandoned
     */
    static <R> SearchResult run(List<ParameterValues> configurations, Scoring<R> scoring, Budget.Deadline deadline,
                                int minRows, long seed) throws InterruptedException {
        List<Step> steps = schedule(configurations.size(), scoring.rows(), minRows);
        int planned = steps.stream().mapToInt(Step::configurations).sum();
        int[] order = joiningOrder(scoring.target(), new SplittableRandom(seed));
        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            survivors.add(i);
        }
        // Until a rung completes, the defaults stand.
        int leader = 0;
        boolean scored = false;
        int done = 0;
        for (int r = 0; r < steps.size(); r++) {
            int[] rows = Arrays.copyOf(order, steps.get(r).rows());
            Arrays.sort(rows);
            R folds = scoring.prepare(rows, r);
            double[] scores = new double[configurations.size()];
            Arrays.fill(scores, Double.NEGATIVE_INFINITY);
            boolean any = false;
            for (int c : survivors) {
                if (deadline.passed()) {
                    return new SearchResult(configurations.get(leader), done, planned, true, scored);
                }
                Optional<Double> score = scoring.score(folds, configurations.get(c));
                done++;
                if (score.isPresent()) {
                    scores[c] = score.get();
                    any = true;
                }
            }
            if (!any) {
                // Nothing could be scored on this rung: nothing to rank, keep what stands.
                break;
            }
            scored = true;
            List<Integer> ranked = survivors.stream()
                    .sorted(Comparator.<Integer>comparingDouble(c -> -scores[c]).thenComparingInt(c -> c))
                    .toList();
            leader = ranked.getFirst();
            survivors = ranked.subList(0, (ranked.size() + FACTOR - 1) / FACTOR);
        }
        return new SearchResult(configurations.get(leader), done, planned, false, scored);
    }

    /**
     * The order in which rows join the rungs: shuffled, and for a class target spread so that any first {@code m}
     * rows hold each class in about its share of the whole.
     */
    static int[] joiningOrder(Column target, SplittableRandom random) {
        int n = target.size();
        double[] key = new double[n];
        if (target instanceof CategoricalColumn classes) {
            int levels = classes.levels().size();
            var byClass = new ArrayList<List<Integer>>();
            for (int k = 0; k < levels; k++) {
                byClass.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                byClass.get(classes.code(i)).add(i);
            }
            for (List<Integer> rows : byClass) {
                int[] shuffled = shuffled(rows.stream().mapToInt(Integer::intValue).toArray(), random);
                for (int rank = 0; rank < shuffled.length; rank++) {
                    // The rank-th row of a class joins when that share of the class is due.
                    key[shuffled[rank]] = (rank + 0.5) / shuffled.length;
                }
            }
        } else {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            int[] shuffled = shuffled(all, random);
            for (int rank = 0; rank < n; rank++) {
                key[shuffled[rank]] = rank;
            }
        }
        Integer[] rows = new Integer[n];
        Arrays.setAll(rows, i -> i);
        Arrays.sort(rows, Comparator.<Integer>comparingDouble(i -> key[i]).thenComparingInt(i -> i));
        return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int[] rows, SplittableRandom random) {
        int[] out = rows.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = out[i];
            out[i] = out[j];
            out[j] = swap;
        }
        return out;
    }
}
