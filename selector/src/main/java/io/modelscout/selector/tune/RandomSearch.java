package io.modelscout.selector.tune;

import io.modelscout.api.ParameterValues;
import java.util.List;
import java.util.Optional;

/** Scores every configuration on the same inner folds over all rows of the outer training part; the best wins. */
final class RandomSearch {
    private RandomSearch() {
    }

    /**
     * Runs the search.
     *
     * @param configurations the configurations, the defaults first; an exact tie goes to the earlier one
     * @param scoring how a configuration is scored
     * @param deadline checked before each configuration
     * @return the best configuration
     * @throws InterruptedException when the fold is abandoned
     */
    static <R> SearchResult run(List<ParameterValues> configurations, Scoring<R> scoring, Budget.Deadline deadline)
            throws InterruptedException {
        int[] all = new int[scoring.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        R folds = scoring.prepare(all, 0);
        ParameterValues best = configurations.getFirst();
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean scored = false;
        int done = 0;
        for (ParameterValues configuration : configurations) {
            if (deadline.passed()) {
                return new SearchResult(best, done, configurations.size(), true, scored);
            }
            Optional<Double> score = scoring.score(folds, configuration);
            done++;
            if (score.isPresent() && (!scored || score.get() > bestScore)) {
                best = configuration;
                bestScore = score.get();
                scored = true;
            }
        }
        return new SearchResult(best, done, configurations.size(), false, scored);
    }
}
