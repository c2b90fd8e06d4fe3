package io.modelscout.selector.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ProfilerTest {
    private static final int M = CategoricalColumn.MISSING;
    private static final double NAN = Double.NaN;

    /** Six rows: two numeric features, one nominal, one ordinal, and a target with an empty class. */
    private static final Table TABLE = new Table("hand", List.of(
            NumericColumn.of("x", new double[] {1, 2, NAN, 4, 4, NAN}),
            NumericColumn.of("z", new double[] {5, 5, 5, 5, 5, 5}),
            NominalColumn.of("colour", List.of("red", "green", "blue", "unused"), new int[] {0, 1, 1, M, 2, 0}),
            OrdinalColumn.of("size", List.of("s", "m", "l"), new int[] {0, 0, 1, 2, M, 2}),
            NominalColumn.of("label", List.of("yes", "no", "maybe"), new int[] {0, 0, 0, 1, 0, M})));

    @Test
    void columnProfiles() {
        DataProfile profile = Profiler.profile(TABLE, Optional.of("label"));

        assertThat(profile.name()).isEqualTo("hand");
        assertThat(profile.rows()).isEqualTo(6);
        assertThat(profile.columns()).extracting(ColumnProfile::name)
                .containsExactly("x", "z", "colour", "size", "label");
        assertThat(profile.columns()).extracting(ColumnProfile::kind)
                .containsExactly("numeric", "numeric", "nominal", "ordinal", "nominal");
        assertThat(profile.columns()).extracting(ColumnProfile::target)
                .containsExactly(false, false, false, false, true);
        assertThat(profile.columns()).extracting(ColumnProfile::missing).containsExactly(2, 0, 1, 1, 1);
        assertThat(profile.columns()).extracting(ColumnProfile::levels).containsExactly(0, 0, 4, 3, 3);
        assertThat(profile.columns()).extracting(ColumnProfile::distinct).containsExactly(3, 1, 3, 3, 2);

        ColumnProfile x = profile.columns().getFirst();
        assertThat(x.mean()).isEqualTo(2.75);
        assertThat(x.sd()).isCloseTo(Math.sqrt((1.75 * 1.75 + 0.75 * 0.75 + 1.25 * 1.25 * 2) / 3), within(1e-12));
        assertThat(x.min()).isEqualTo(1.0);
        assertThat(x.max()).isEqualTo(4.0);
        ColumnProfile z = profile.columns().get(1);
        assertThat(z.sd()).isZero();
        ColumnProfile colour = profile.columns().get(2);
        assertThat(colour.mean()).isNaN();
        assertThat(colour.sd()).isNaN();
        assertThat(colour.min()).isNaN();
        assertThat(colour.max()).isNaN();
        assertThat(profile.featureCount()).isEqualTo(4);
        assertThat(profile.categoricalFeatureCount()).isEqualTo(2);
    }

    @Test
    void targetProfileCountsEveryDeclaredClass() {
        TargetProfile target = Profiler.profile(TABLE, Optional.of("label")).target().orElseThrow();

        assertThat(target.name()).isEqualTo("label");
        assertThat(target.kind()).isEqualTo("nominal");
        assertThat(target.classes()).containsExactly(
                new ClassCount("yes", 4), new ClassCount("no", 1), new ClassCount("maybe", 0));
        assertThat(target.presentClasses()).isEqualTo(2);
        assertThat(target.minorityShare()).isEqualTo(1.0 / 5.0);
        assertThat(target.imbalanceRatio()).isEqualTo(4.0);
    }

    @Test
    void missingCountsAreOverTheFeaturesOnly() {
        DataProfile profile = Profiler.profile(TABLE, Optional.of("label"));

        // x: rows 2, 5; colour: row 3; size: row 4; the target's missing row 5 does not count.
        assertThat(profile.missingCells()).isEqualTo(4);
        assertThat(profile.rowsWithMissing()).isEqualTo(4);
        assertThat(profile.missingRate()).isEqualTo(4.0 / 24.0);
    }

    @Test
    void withoutATargetEveryColumnIsAFeature() {
        DataProfile profile = Profiler.profile(TABLE, Optional.empty());

        assertThat(profile.target()).isEmpty();
        assertThat(profile.columns()).noneMatch(ColumnProfile::target);
        assertThat(profile.missingCells()).isEqualTo(5);
        assertThat(profile.rowsWithMissing()).isEqualTo(4);
        assertThat(profile.missingRate()).isEqualTo(5.0 / 30.0);
    }

    @Test
    void numericTarget() {
        TargetProfile target = Profiler.profile(TABLE, Optional.of("x")).target().orElseThrow();

        assertThat(target.kind()).isEqualTo("numeric");
        assertThat(target.classes()).isEmpty();
        assertThat(target.presentClasses()).isZero();
        assertThat(target.minorityShare()).isNaN();
        assertThat(target.imbalanceRatio()).isNaN();
    }

    @Test
    void anUnknownTargetNamesTheColumns() {
        assertThatThrownBy(() -> Profiler.profile(TABLE, Optional.of("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'nope'")
                .hasMessageContaining("x, z, colour, size, label");
    }

    @Test
    void emptyNumericColumnHasNaNStatistics() {
        var table = new Table("e", List.of(NumericColumn.of("gone", new double[] {NAN, NAN})));

        ColumnProfile gone = Profiler.profile(table, Optional.empty()).columns().getFirst();

        assertThat(gone.missing()).isEqualTo(2);
        assertThat(gone.distinct()).isZero();
        assertThat(gone.mean()).isNaN();
        assertThat(gone.min()).isNaN();
    }
}
