package io.modelscout.selector.eval;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Repeated k-fold splits, stratified by class for a categorical target. Every split is a function of the seed,
 * the repeat and the row count alone, so two runs with one seed see the same folds whatever the thread count.
 */
public final class Folds {
    private Folds() {
    }

    /**
     * Makes the splits.
     *
     * @param target the target column (stratifies when categorical); no missing cells
     * @param folds folds per repeat, at most the row count
     * @param repeats how many times to reshuffle
     * @param seed the task seed
     * @return {@code folds * repeats} splits, repeat-major
     */
    public static List<Split> make(Column target, int folds, int repeats, long seed) {
        int n = target.size();
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException(folds + " folds for " + n + " rows");
        }
        var splits = new ArrayList<Split>(folds * repeats);
        for (int r = 0; r < repeats; r++) {
            var random = new SplittableRandom(Seeds.mix(seed, "folds", r));
            int[] foldOf = target instanceof CategoricalColumn categorical
                    ? stratified(categorical, folds, random)
                    : plain(n, folds, random);
            for (int f = 0; f < folds; f++) {
                int testSize = 0;
                for (int i = 0; i < n; i++) {
                    if (foldOf[i] == f) {
                        testSize++;
                    }
                }
                int[] test = new int[testSize];
                int[] train = new int[n - testSize];
                int t = 0;
                int u = 0;
                for (int i = 0; i < n; i++) {
                    if (foldOf[i] == f) {
                        test[t++] = i;
                    } else {
                        train[u++] = i;
                    }
                }
                splits.add(new Split(r, f, train, test));
            }
        }
        return List.copyOf(splits);
    }

    private static int[] plain(int n, int folds, SplittableRandom random) {
        int[] order = shuffled(identity(n), random);
        int[] foldOf = new int[n];
        for (int i = 0; i < n; i++) {
            foldOf[order[i]] = i % folds;
        }
        return foldOf;
    }

    /** Deals each class's shuffled rows round-robin over the folds, continuing the count across classes. */
    private static int[] stratified(CategoricalColumn target, int folds, SplittableRandom random) {
        int n = target.size();
        int[] foldOf = new int[n];
        int next = 0;
        for (int k = 0; k < target.levels().size(); k++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (target.code(i) == k) {
                    count++;
                }
            }
            int[] rows = new int[count];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (target.code(i) == k) {
                    rows[c++] = i;
                }
            }
            for (int row : shuffled(rows, random)) {
                foldOf[row] = next;
                next = (next + 1) % folds;
            }
        }
        return foldOf;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
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
