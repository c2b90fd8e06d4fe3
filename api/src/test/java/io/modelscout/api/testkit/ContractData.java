package io.modelscout.api.testkit;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small seeded data sets on which every plugin of a goal must do clearly better than chance.
 * The class target declares a level that never occurs, as real files do.
 */
public final class ContractData {
    /** Rows in each generated table. */
    public static final int ROWS = 240;
    /** Rows used for training; the rest are for prediction. */
    public static final int TRAIN = 180;

    private ContractData() {
    }

    /**
     * Three well separated classes over two numeric features, optionally with a nominal feature and missing cells.
     *
     * @param nominal whether to add a nominal feature correlated with the class
     * @param missing whether to blank about 5 % of the feature cells
     * @param seed the seed
     * @return the table, the target column named {@code class} last
     */
    public static Table classification(boolean nominal, boolean missing, long seed) {
        var random = new SplittableRandom(seed);
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        int[] colour = new int[ROWS];
        int[] label = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            int k = i % 3;
            label[i] = k;
            x1[i] = 3.0 * k + random.nextGaussian();
            x2[i] = -2.0 * k + random.nextGaussian();
            colour[i] = random.nextDouble() < 0.7 ? k : random.nextInt(3);
            if (missing && random.nextDouble() < 0.05) {
                x1[i] = Double.NaN;
            }
            if (missing && nominal && random.nextDouble() < 0.05) {
                colour[i] = CategoricalColumn.MISSING;
            }
        }
        var columns = new ArrayList<Column>();
        columns.add(NumericColumn.of("x1", x1));
        columns.add(NumericColumn.of("x2", x2));
        if (nominal) {
            columns.add(NominalColumn.of("colour", List.of("red", "green", "blue"), colour));
        }
        columns.add(NominalColumn.of("class", List.of("a", "b", "c", "never-seen"), label));
        return new Table("contract-classification", columns);
    }

    /**
     * A noisy linear target over two numeric features, optionally with a nominal feature and missing cells.
     *
     * @param nominal whether to add a nominal feature that shifts the target
     * @param missing whether to blank about 5 % of the feature cells
     * @param seed the seed
     * @return the table, the target column named {@code y} last
     */
    public static Table regression(boolean nominal, boolean missing, long seed) {
        var random = new SplittableRandom(seed);
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        int[] group = new int[ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x1[i] = random.nextGaussian();
            x2[i] = random.nextGaussian();
            group[i] = random.nextInt(2);
            y[i] = 3.0 * x1[i] - 2.0 * x2[i] + (nominal ? 1.5 * group[i] : 0.0) + 0.3 * random.nextGaussian();
            if (missing && random.nextDouble() < 0.05) {
                x2[i] = Double.NaN;
            }
        }
        var columns = new ArrayList<Column>();
        columns.add(NumericColumn.of("x1", x1));
        columns.add(NumericColumn.of("x2", x2));
        if (nominal) {
            columns.add(NominalColumn.of("group", List.of("g0", "g1"), group));
        }
        columns.add(NumericColumn.of("y", y));
        return new Table("contract-regression", columns);
    }

    /**
     * Row indices {@code [from, to)}.
     *
     * @param from first row
     * @param to one past the last row
     * @return the indices
     */
    public static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }
}
