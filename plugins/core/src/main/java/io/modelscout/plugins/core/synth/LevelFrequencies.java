package io.modelscout.plugins.core.synth;

import io.modelscout.api.data.CategoricalColumn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The level frequencies of a categorical column, laid out as intervals of {@code [0, 1]}: a nominal column's levels
 * in decreasing frequency (the usual layout for a copula: the common levels sit in the middle of no particular
 * order, but adjacent intervals are not split), an ordinal column's in their order (so that a copula keeps the
 * order's trends). A level that never occurs gets an empty interval and is never drawn.
 */
public final class LevelFrequencies {
    private final int[] order;
    private final double[] start;
    private final double[] end;

    private LevelFrequencies(int[] order, double[] start, double[] end) {
        this.order = order;
        this.start = start;
        this.end = end;
    }

    /**
     * The frequencies of a column's present cells.
     *
     * @param column the column
     * @return the frequencies; all intervals empty when the column has no value
     */
    public static LevelFrequencies of(CategoricalColumn column) {
        int[] counts = column.counts();
        int k = counts.length;
        int[] order = column.ordered() ? IntStream.range(0, k).toArray()
                : IntStream.range(0, k).boxed()
                        .sorted(Comparator.<Integer>comparingInt(c -> -counts[c]).thenComparingInt(c -> c))
                        .mapToInt(Integer::intValue).toArray();
        double total = Arrays.stream(counts).sum();
        double[] start = new double[k];
        double[] end = new double[k];
        double at = 0;
        for (int c : order) {
            start[c] = at;
            at = total == 0 ? 0 : at + counts[c] / total;
            end[c] = at;
        }
        // the last level that occurs reaches 1 exactly, whatever the rounding of the sums
        for (int r = k - 1; r >= 0; r--) {
            if (counts[order[r]] > 0) {
                end[order[r]] = 1.0;
                break;
            }
        }
        return new LevelFrequencies(order, start, end);
    }

    /**
     * The level whose interval holds a probability.
     *
     * @param u a probability in {@code [0, 1]}
     * @return a level code with a non-empty interval
     */
    public int level(double u) {
        int last = -1;
        for (int c : order) {
            if (end[c] > start[c]) {
                last = c;
                if (u < end[c]) {
                    return c;
                }
            }
        }
        return last;
    }

    /**
     * A draw by frequency.
     *
     * @param random the source of randomness
     * @return a level code that occurred in training
     */
    public int draw(SplittableRandom random) {
        return level(random.nextDouble());
    }

    /**
     * A uniform draw within a level's interval, the categorical counterpart of
     * {@link NumericMarginal#toUniform(double, double)}.
     *
     * @param code a level code that occurred in training
     * @param v a uniform draw in {@code [0, 1)}
     * @return a probability within the level's interval
     */
    public double toUniform(int code, double v) {
        return start[code] + v * (end[code] - start[code]);
    }

    /**
     * A level's share of the training cells.
     *
     * @param code the level code
     * @return its frequency
     */
    public double probability(int code) {
        return end[code] - start[code];
    }
}
