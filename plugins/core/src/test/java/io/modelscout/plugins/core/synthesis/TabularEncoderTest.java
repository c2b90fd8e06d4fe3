package io.modelscout.plugins.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.plugins.core.nn.Batches;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TabularEncoderTest {

    static Table mixed(int n, long seed) {
        var random = new SplittableRandom(seed);
        double[] bimodal = new double[n];
        double[] counts = new double[n];
        double[] constant = new double[n];
        double[] absent = new double[n];
        int[] colour = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            bimodal[i] = (i % 3 == 0 ? -5 : 5) + 0.5 * Batches.gaussian(random);
            counts[i] = random.nextInt(4) + (i % 3 == 0 ? 10 : 0);
            constant[i] = 7.25;
            absent[i] = Double.NaN;
            colour[i] = i % 3 == 0 ? 0 : random.nextInt(1, 3);
            size[i] = random.nextInt(3);
        }
        return new Table("mixed", List.of(NumericColumn.of("bimodal", bimodal), NumericColumn.of("count", counts),
                NumericColumn.of("constant", constant), NumericColumn.of("absent", absent),
                NominalColumn.of("colour", List.of("red", "green", "blue", "never"), colour),
                OrdinalColumn.of("size", List.of("small", "medium", "large"), size)));
    }

    @Test
    void aBimodalColumnGetsTwoModes() {
        double[] x = ((NumericColumn) mixed(600, 1).column("bimodal")).toArray();
        var mixture = GaussianMixture1d.fit(x, 10);
        assertThat(mixture.components()).isEqualTo(2);
        assertThat(java.util.Arrays.stream(mixture.means()).sorted().toArray())
                .containsExactly(new double[] {-5, 5}, within(0.2));
    }

    @ParameterizedTest
    @EnumSource(TabularEncoder.NumericEncoding.class)
    void encodingThenDecodingGivesTheRowsBack(TabularEncoder.NumericEncoding encoding) {
        Table table = mixed(300, 2);
        var encoder = TabularEncoder.fit(table, encoding, 10);
        double[] data = encoder.encode(table, new SplittableRandom(3));
        assertThat(data.length).isEqualTo(300 * encoder.width());
        int covered = encoder.blocks().stream().mapToInt(b -> b.width()).sum();
        assertThat(covered).isEqualTo(encoder.width());
        assertThat(java.util.Arrays.stream(data).boxed().toList()).allMatch(v -> v >= -1 && v <= 1);
        Table back = encoder.decode(data, 300);
        assertThat(back.columnNames()).isEqualTo(table.columnNames());
        assertThat(back.column("size")).isInstanceOf(OrdinalColumn.class);
        assertThat(((CategoricalColumn) back.column("colour")).levels()).containsExactly("red", "green", "blue", "never");
        assertThat(((CategoricalColumn) back.column("colour")).toCodes())
                .isEqualTo(((CategoricalColumn) table.column("colour")).toCodes());
        assertThat(((CategoricalColumn) back.column("size")).toCodes())
                .isEqualTo(((CategoricalColumn) table.column("size")).toCodes());
        assertThat(((NumericColumn) back.column("count")).toArray())
                .isEqualTo(((NumericColumn) table.column("count")).toArray());
        assertThat(((NumericColumn) back.column("constant")).toArray()).containsOnly(7.25);
        assertThat(((NumericColumn) back.column("absent")).toArray()).containsOnly(Double.NaN);
        double[] original = ((NumericColumn) table.column("bimodal")).toArray();
        double[] decoded = ((NumericColumn) back.column("bimodal")).toArray();
        for (int i = 0; i < original.length; i++) {
            assertThat(decoded[i]).as("row %d", i).isCloseTo(original[i], within(0.05));
        }
    }

    @Test
    void decodedNumbersStayInTheTrainingRange() {
        Table table = mixed(200, 4);
        var encoder = TabularEncoder.fit(table, TabularEncoder.NumericEncoding.MODES, 10);
        double[] extreme = new double[5 * encoder.width()];
        java.util.Arrays.fill(extreme, 1);
        Table back = encoder.decode(extreme, 5);
        double max = java.util.Arrays.stream(((NumericColumn) table.column("bimodal")).toArray()).max().orElseThrow();
        assertThat(java.util.Arrays.stream(((NumericColumn) back.column("bimodal")).toArray()).boxed().toList()).allMatch(v -> v <= max);
    }

    @Test
    void quantileScoresInvertToTheTrainingValues() {
        double[] sorted = {1, 2, 2, 3, 10, 11, 50};
        for (double v : sorted) {
            assertThat(TabularEncoder.quantileValue(sorted, TabularEncoder.quantileScore(sorted, v)))
                    .isCloseTo(v, within(1e-3));
        }
        assertThat(Normal.quantile(Normal.cdf(1.3))).isCloseTo(1.3, within(1e-6));
    }

    @Test
    void theBudgetCapsEpochsByShapeAlone() {
        assertThat(EpochBudget.epochs(300, 1000, 100, 10)).isEqualTo(100);
        assertThat(EpochBudget.epochs(300, 100, 10, 10)).isEqualTo(300);
        assertThat(EpochBudget.epochs(300, 10_000_000, 100, 1)).isEqualTo(1);
    }
}
