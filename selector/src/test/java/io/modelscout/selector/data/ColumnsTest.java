package io.modelscout.selector.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ColumnsTest {
    private static final int M = CategoricalColumn.MISSING;

    @Test
    void toNominalUsesTheDistinctValuesSortedNumerically() {
        var column = NumericColumn.of("grade", new double[] {10, 2, Double.NaN, 2, 0.5, -0.0, 0.0, 1e20});

        NominalColumn nominal = Columns.toNominal(column);

        assertThat(nominal.name()).isEqualTo("grade");
        assertThat(nominal.levels()).containsExactly("0", "0.5", "2", "10", "1E+20");
        assertThat(nominal.toCodes()).containsExactly(3, 2, M, 2, 1, 0, 0, 4);
    }

    @Test
    void toNominalOfAView() {
        var column = NumericColumn.of("c", new double[] {3, 1, 2}).select(new int[] {2, 2, 0});

        assertThat(Columns.toNominal(column).toCodes()).containsExactly(0, 0, 1);
        assertThat(Columns.toNominal(column).levels()).containsExactly("2", "3");
    }

    @Test
    void toOrdinalReordersTheLevelsAndKeepsTheCells() {
        var size = NominalColumn.of("size", List.of("large", "small", "medium"), new int[] {0, 1, M, 2, 1});

        OrdinalColumn ordinal = Columns.toOrdinal(size, List.of("small", "medium", "large", "huge"));

        assertThat(ordinal.levels()).containsExactly("small", "medium", "large", "huge");
        assertThat(ordinal.ordered()).isTrue();
        assertThat(ordinal.toCodes()).containsExactly(2, 0, M, 1, 0);
        for (int i = 0; i < size.size(); i++) {
            assertThat(ordinal.label(i)).isEqualTo(size.label(i));
        }
    }

    @Test
    void toOrdinalNamesTheLevelsMissingFromTheOrder() {
        var size = NominalColumn.of("size", List.of("large", "small", "medium", "tiny"), new int[] {0, 1});

        assertThatThrownBy(() -> Columns.toOrdinal(size, List.of("small", "large")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("levels not in the order: medium, tiny");
        assertThatThrownBy(() -> Columns.toOrdinal(size, List.of("small", "small")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'small' twice");
    }

    @Test
    void dropLeavesOutColumnsAndKeepsTheRows() {
        var table = new Table("t", List.of(
                NumericColumn.of("id", new double[] {1, 2, 3}),
                NumericColumn.of("x", new double[] {4, 5, 6}),
                NominalColumn.of("y", List.of("a"), new int[] {0, 0, 0})));

        Table dropped = Columns.drop(table, List.of("id", "y"));

        assertThat(dropped.name()).isEqualTo("t");
        assertThat(dropped.columnNames()).containsExactly("x");
        assertThat(dropped.rowCount()).isEqualTo(3);
        assertThat(Columns.drop(table, List.of())).isSameAs(table);
        assertThat(Columns.drop(table, List.of("id", "x", "y")).rowCount()).isEqualTo(3);
    }

    @Test
    void dropNamesUnknownColumns() {
        var table = new Table("t", List.of(NumericColumn.of("x", new double[] {1})));

        assertThatThrownBy(() -> Columns.drop(table, List.of("x", "nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column nope in 't'; columns: x");
    }
}
