package io.modelscout.selector.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class QueryTest {
    private static final Table TABLE = new Table("t", List.of(
            NumericColumn.of("Murder", new double[] {13.2, 2.0, 11.0, Double.NaN}),
            NumericColumn.of("Assault", new double[] {260, 300, 100, 300}),
            NominalColumn.of("region", List.of("south", "north east"), new int[] {0, 1, 0, 1})));

    @Test
    void andBindsTighterThanOr() {
        Query q = Query.parse("Murder > 10 and Assault > 250 or region == 'north east'");
        assertThat(q.condition()).isInstanceOf(Query.Or.class);
        assertThat(q.test(TABLE, 0)).contains(true);
        assertThat(q.test(TABLE, 1)).contains(true);
        assertThat(q.test(TABLE, 2)).contains(false);
        assertThat(q.columns()).containsExactly("Murder", "Assault", "region");
    }

    @Test
    void parenthesesAndNotChangeTheMeaning() {
        Query q = Query.parse("not (Murder > 10 and (Assault > 250 or region != south))");
        assertThat(q.test(TABLE, 0)).contains(false);
        assertThat(q.test(TABLE, 2)).contains(true);
    }

    @Test
    void aMissingCellMakesTheAnswerUnknownUnlessTheOtherSideDecides() {
        assertThat(Query.parse("Murder > 10").test(TABLE, 3)).isEqualTo(Optional.empty());
        assertThat(Query.parse("Murder > 10 and Assault < 200").test(TABLE, 3)).contains(false);
        assertThat(Query.parse("Murder > 10 or Assault > 200").test(TABLE, 3)).contains(true);
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        assertThatThrownBy(() -> Query.parse("Murder > ")).hasMessageContaining("a number or a level");
        assertThatThrownBy(() -> Query.parse("Murder = 3")).hasMessageContaining("'=' at character 8");
        assertThatThrownBy(() -> Query.parse("(Murder > 3")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Query.parse("Murder > 3 Assault")).hasMessageContaining("unexpected 'Assault'");
        assertThatThrownBy(() -> Query.parse("")).hasMessageContaining("empty");
    }

    @Test
    void checkNamesUnknownColumnsLevelsAndWrongComparisons() {
        assertThat(Query.parse("Rape > 3").check(TABLE)).get().asString().contains("no column 'Rape'", "Murder");
        assertThat(Query.parse("region == west").check(TABLE)).get().asString().contains("no level 'west'");
        assertThat(Query.parse("region > 2").check(TABLE)).get().asString().contains("only == and != apply");
        assertThat(Query.parse("Murder == high").check(TABLE)).get().asString().contains("compare it with a number");
        assertThat(Query.parse("Murder >= 1e1 and region == 'north east'").check(TABLE)).isEmpty();
    }
}
