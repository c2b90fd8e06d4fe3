package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

final class WekaDataTest {
    private static final int M = CategoricalColumn.MISSING;

    private static Table features() {
        return new Table("t", List.of(
                NumericColumn.of("x", new double[] {1.5, Double.NaN, -2.0}),
                NominalColumn.of("colour", List.of("red", "green", "blue"), new int[] {2, M, 0}),
                OrdinalColumn.of("size", List.of("small", "medium", "large"), new int[] {0, 2, M})));
    }

    private static NominalColumn target() {
        return NominalColumn.of("class", List.of("a", "b", "never-seen"), new int[] {0, 1, 0});
    }

    @Test
    void headerHasEveryDeclaredLevelInOrderAndTheClassLast() {
        var data = WekaData.of(features(), target());
        Instances rows = data.training(features(), target());

        assertThat(rows.numAttributes()).isEqualTo(4);
        assertThat(rows.classIndex()).isEqualTo(3);
        assertThat(rows.attribute(0).isNumeric()).isTrue();
        assertThat(rows.attribute(1).isNominal()).isTrue();
        assertThat(rows.attribute(2).isNominal()).as("ordinal columns become nominal attributes").isTrue();
        assertThat(levels(rows, 1)).containsExactly("red", "green", "blue");
        assertThat(levels(rows, 2)).containsExactly("small", "medium", "large");
        assertThat(levels(rows, 3)).as("a level that never occurs is still declared").containsExactly("a", "b", "never-seen");
        assertThat(data.classCount()).isEqualTo(3);
    }

    @Test
    void cellsAndMissingCellsKeepTheirPlace() {
        var data = WekaData.of(features(), target());
        Instances rows = data.training(features(), target());

        assertThat(rows.numInstances()).isEqualTo(3);
        assertThat(rows.instance(0).value(0)).isEqualTo(1.5);
        assertThat(rows.instance(0).stringValue(1)).isEqualTo("blue");
        assertThat(rows.instance(0).stringValue(2)).isEqualTo("small");
        assertThat(rows.instance(1).isMissing(0)).isTrue();
        assertThat(rows.instance(1).isMissing(1)).isTrue();
        assertThat(rows.instance(2).isMissing(2)).isTrue();
        assertThat(rows.instance(1).stringValue(3)).isEqualTo("b");
    }

    @Test
    void rowsToPredictUseTheTrainingHeaderWithTheClassMissing() {
        var data = WekaData.of(features(), target());
        Instances rows = data.unlabelled(features().select(new int[] {2}));

        assertThat(rows.numInstances()).isEqualTo(1);
        assertThat(rows.equalHeaders(data.training(features(), target()))).isTrue();
        assertThat(rows.instance(0).classIsMissing()).isTrue();
        assertThat(rows.instance(0).stringValue(1)).isEqualTo("red");
    }

    @Test
    void levelsDeclaredInAnotherOrderAreMatchedByName() {
        var data = WekaData.of(features(), target());
        var reordered = new Table("t", List.of(
                NumericColumn.of("x", new double[] {0.0}),
                NominalColumn.of("colour", List.of("blue", "red", "purple"), new int[] {0}),
                OrdinalColumn.of("size", List.of("small", "medium", "large"), new int[] {1})));

        Instances rows = data.unlabelled(reordered);

        assertThat(rows.instance(0).stringValue(1)).isEqualTo("blue");
        assertThat(rows.instance(0).stringValue(2)).isEqualTo("medium");
    }

    @Test
    void aLevelUnknownAtFitTimeIsRefusedWhenItOccurs() {
        var data = WekaData.of(features(), target());
        var unknown = new Table("t", List.of(
                NumericColumn.of("x", new double[] {0.0}),
                NominalColumn.of("colour", List.of("blue", "purple"), new int[] {1}),
                OrdinalColumn.of("size", List.of("small", "medium", "large"), new int[] {1})));

        assertThatThrownBy(() -> data.unlabelled(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour'").hasMessageContaining("'purple'");
    }

    @Test
    void otherColumnsAreRefusedNamingThem() {
        var data = WekaData.of(features(), target());

        assertThatThrownBy(() -> data.unlabelled(features().without("size")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fitted on 3 feature columns");
        var renamed = new Table("t", List.of(
                NumericColumn.of("y", new double[] {0.0}),
                NominalColumn.of("colour", List.of("red", "green", "blue"), new int[] {0}),
                OrdinalColumn.of("size", List.of("small", "medium", "large"), new int[] {1})));
        assertThatThrownBy(() -> data.unlabelled(renamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'y' (numeric)").hasMessageContaining("'x' (numeric)");
    }

    @Test
    void aNumericTargetIsANumericClass() {
        var y = NumericColumn.of("y", new double[] {1.0, 2.0, 3.0});
        var data = WekaData.of(features(), y);
        Instances rows = data.training(features(), y);

        assertThat(rows.classAttribute().isNumeric()).isTrue();
        assertThat(rows.instance(2).classValue()).isEqualTo(3.0);
        assertThat(data.classCount()).isZero();
    }

    private static List<String> levels(Instances rows, int attribute) {
        var out = new java.util.ArrayList<String>();
        for (int k = 0; k < rows.attribute(attribute).numValues(); k++) {
            out.add(rows.attribute(attribute).value(k));
        }
        return out;
    }
}
