package io.modelscout.plugins.core.hmm;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Markov chain of order {@code k} over symbols, smoothed by interpolated Witten-Bell (Witten and Bell, 1991; as in
 * Chen and Goodman, 1998): the probability of a symbol after a history of length {@code m} is
 * {@code (c(h, w) + T(h) P(w | h')) / (c(h) + T(h))}, where {@code c} counts, {@code T(h)} is the number of distinct
 * symbols seen after {@code h}, and {@code h'} drops the oldest symbol of {@code h}. The recursion ends in the uniform
 * distribution, so every symbol keeps a positive probability. The first positions of a sequence use the shorter
 * history they have (a variable-order start rather than padding). Witten-Bell needs no discount to tune and behaves
 * well on small alphabets, where Kneser-Ney's continuation counts carry little information.
 */
public final class MarkovChain {
    private final int order;
    private final int symbols;
    /** Per history length m (0..order): history key to the counts of the next symbol. */
    private final Map<Long, int[]>[] counts;

    /**
     * Counts the n-grams of training sequences.
     *
     * @param order the order, at least zero
     * @param symbols the alphabet size, at least one
     * @param sequences the training sequences of symbol codes
     */
    @SuppressWarnings("unchecked")
    public MarkovChain(int order, int symbols, int[][] sequences) {
        if (order < 0 || symbols < 1) {
            throw new IllegalArgumentException("order must be at least 0 and symbols at least 1, got " + order + ", "
                    + symbols);
        }
        if (Math.pow(symbols + 1.0, order) > 1e18) {
            throw new IllegalArgumentException("an order-" + order + " chain over " + symbols + " symbols is too large");
        }
        this.order = order;
        this.symbols = symbols;
        this.counts = new Map[order + 1];
        for (int m = 0; m <= order; m++) {
            counts[m] = new HashMap<>();
        }
        for (int[] sequence : sequences) {
            for (int t = 0; t < sequence.length; t++) {
                int w = sequence[t];
                if (w < 0 || w >= symbols) {
                    throw new IllegalArgumentException("symbol " + w + " outside the " + symbols + " symbols");
                }
                for (int m = 0; m <= Math.min(order, t); m++) {
                    counts[m].computeIfAbsent(key(sequence, t, m), _ -> new int[symbols + 2])[w]++;
                }
            }
        }
        // The last two cells of each row hold the row total and the number of distinct symbols seen.
        for (Map<Long, int[]> level : counts) {
            for (int[] row : level.values()) {
                for (int w = 0; w < symbols; w++) {
                    row[symbols] += row[w];
                    row[symbols + 1] += row[w] > 0 ? 1 : 0;
                }
            }
        }
    }

    private long key(int[] sequence, int t, int m) {
        long key = 0;
        for (int i = t - m; i < t; i++) {
            key = key * (symbols + 1) + sequence[i] + 1;
        }
        return key;
    }

    /**
     * The order.
     *
     * @return k
     */
    public int order() {
        return order;
    }

    /**
     * The alphabet size.
     *
     * @return the number of symbols
     */
    public int symbols() {
        return symbols;
    }

    /**
     * The distribution of the symbol at position {@code t} given the ones before it.
     *
     * @param sequence the symbols; only positions before {@code t} are read
     * @param t the position
     * @return a probability per symbol, summing to one
     */
    public double[] next(int[] sequence, int t) {
        double[] p = new double[symbols];
        java.util.Arrays.fill(p, 1.0 / symbols);
        for (int m = 0; m <= Math.min(order, t); m++) {
            int[] row = counts[m].get(key(sequence, t, m));
            if (row == null) {
                // An unseen history says nothing more: longer ones, which contain it, are unseen too.
                break;
            }
            double total = row[symbols];
            double distinct = row[symbols + 1];
            for (int w = 0; w < symbols; w++) {
                p[w] = (row[w] + distinct * p[w]) / (total + distinct);
            }
        }
        return p;
    }

    /**
     * The log-likelihood of a whole sequence.
     *
     * @param sequence the symbols
     * @return the natural log of its probability
     */
    public double logLikelihood(int[] sequence) {
        double sum = 0;
        for (int t = 0; t < sequence.length; t++) {
            sum += Math.log(next(sequence, t)[sequence[t]]);
        }
        return sum;
    }

    /**
     * Draws a continuation.
     *
     * @param prefix the symbols so far; may be empty
     * @param length how many symbols to draw
     * @param random the randomness
     * @return the drawn symbols only
     */
    public int[] continueSequence(int[] prefix, int length, SplittableRandom random) {
        int[] all = java.util.Arrays.copyOf(prefix, prefix.length + length);
        for (int t = prefix.length; t < all.length; t++) {
            all[t] = draw(next(all, t), random);
        }
        return java.util.Arrays.copyOfRange(all, prefix.length, all.length);
    }

    /**
     * Draws an index from a discrete distribution.
     *
     * @param p the probabilities, summing to one
     * @param random the randomness
     * @return the index
     */
    public static int draw(double[] p, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }
}
