package io.modelscout.selector.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fidelity and privacy measures on tables whose answers are known. */
final class MeasuresTest {
    private static Table table(long seed, int rows, boolean related) {
        var random = new Random(seed);
        double[] x = new double[rows];
        double[] y = new double[rows];
        int[] c = new int[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = random.nextGaussian();
            y[i] = related ? x[i] + 0.3 * random.nextGaussian() : random.nextGaussian();
            c[i] = (related ? x[i] > 0 : random.nextBoolean()) ? 1 : 0;
        }
        return new Table("t", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                NominalColumn.of("c", List.of("no", "yes"), c)));
    }

    @Test
    void identicalTablesScorePerfectly() {
        Table real = table(1, 300, true);

        assertThat(Fidelity.columnShapes(real, real)).isEqualTo(1.0);
        assertThat(Fidelity.pairTrends(real, real)).isEqualTo(1.0);
        for (var comparison : Fidelity.compare(real, real)) {
            assertThat(comparison.real()).isEqualTo(comparison.synthetic());
        }
    }

    @Test
    void losingTheRelationsLowersPairTrendsButNotColumnShapes() {
        Table real = table(1, 2000, true);
        Table shuffled = table(2, 2000, false);

        assertThat(Fidelity.columnShapes(real, shuffled)).isGreaterThan(0.9);
        assertThat(Fidelity.pairTrends(real, shuffled)).isLessThan(0.8);
        assertThat(Fidelity.pairTrends(real, table(3, 2000, true))).isGreaterThan(0.95);
    }

    @Test
    void theKolmogorovSmirnovStatisticAndTotalVariationFollowTheirDefinitions() {
        assertThat(Fidelity.ks(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4})).isZero();
        assertThat(Fidelity.ks(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
        assertThat(Fidelity.ks(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
        assertThat(Fidelity.tvd(new double[] {0.5, 0.5}, new double[] {1, 0})).isEqualTo(0.5);
    }

    @Test
    void aCopierCopiesEveryRowAndHugsTheTrainingRows() {
        Table train = table(1, 400, true);
        Table holdout = table(2, 200, true);
        var privacy = new Privacy(train);
        double[] copies = privacy.closest(train.select(new int[] {5, 6, 7, 8, 9, 5}));
        double[] fresh = privacy.closest(holdout);

        assertThat(Privacy.copyRate(copies)).isEqualTo(1.0);
        assertThat(Privacy.copyRate(fresh)).isZero();
        assertThat(Privacy.dcrRatio(copies, fresh)).isZero();
        assertThat(Privacy.dcrRatio(privacy.closest(table(3, 200, true)), fresh)).isCloseTo(1.0, within(0.25));
    }

    @Test
    void theSchemaKeepsWholeNumbersMissingSharesAndDegenerateColumns() {
        double[] counts = new double[100];
        double[] empty = new double[100];
        double[] constant = new double[100];
        for (int i = 0; i < 100; i++) {
            counts[i] = i % 10 == 0 ? Double.NaN : i % 7;
            empty[i] = Double.NaN;
            constant[i] = 2.5;
        }
        Table real = new Table("t", List.of(NumericColumn.of("n", counts), NumericColumn.of("e", empty),
                NumericColumn.of("k", constant)));
        Schema schema = Schema.of(real);
        assertThat(schema.degenerate()).containsExactly("e", "k");
        double[] drawn = new double[50];
        for (int i = 0; i < 50; i++) {
            drawn[i] = i * 0.37;
        }
        Table restored = schema.restore(new Table("t", List.of(NumericColumn.of("n", drawn))), false, 1);

        var n = (NumericColumn) restored.column("n");
        assertThat(n.missingCount()).isEqualTo(5);
        for (int i = 0; i < 50; i++) {
            assertThat(Double.isNaN(n.value(i)) || n.value(i) == Math.rint(n.value(i))).isTrue();
        }
        assertThat(restored.column("e").missingCount()).isEqualTo(50);
        assertThat(((NumericColumn) restored.column("k")).toArray()).containsOnly(2.5);
    }
}
