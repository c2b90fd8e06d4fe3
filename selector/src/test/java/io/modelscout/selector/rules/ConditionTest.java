package io.modelscout.selector.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.Goal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ConditionTest {
    private static final Set<String> KNOWN = Set.of("labelled", "missing_values", "little_data", "large_data");

    private static boolean holds(String text, Goal goal, Map<String, Boolean> facts) {
        return Condition.parse(text, KNOWN).test(goal, facts);
    }

    private static boolean holds(String text, Map<String, Boolean> facts) {
        return holds(text, Goal.CLASSIFY, facts);
    }

    @Test
    void aFactIsItsValueAndAnAbsentFactIsFalse() {
        assertThat(Condition.parse("labelled", KNOWN)).isEqualTo(new Condition.Fact("labelled"));
        assertThat(holds("labelled", Map.of("labelled", true))).isTrue();
        assertThat(holds("labelled", Map.of("labelled", false))).isFalse();
        assertThat(holds("labelled", Map.of())).isFalse();
    }

    @Test
    void alwaysHolds() {
        assertThat(Condition.parse("always", KNOWN)).isEqualTo(new Condition.Always());
        assertThat(holds("always", Map.of())).isTrue();
        assertThat(holds("not always", Map.of())).isFalse();
    }

    @Test
    void andOrNot() {
        var facts = Map.of("labelled", true, "missing_values", false, "little_data", true);

        assertThat(holds("labelled and little_data", facts)).isTrue();
        assertThat(holds("labelled and missing_values", facts)).isFalse();
        assertThat(holds("missing_values or little_data", facts)).isTrue();
        assertThat(holds("missing_values or large_data", facts)).isFalse();
        assertThat(holds("not missing_values", facts)).isTrue();
        assertThat(holds("not not missing_values", facts)).isFalse();
        assertThat(holds("labelled and not missing_values and little_data", facts)).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        var facts = Map.of("labelled", true, "missing_values", false, "little_data", false);

        // labelled or (missing_values and little_data): true. (labelled or missing_values) and little_data: false.
        assertThat(Condition.parse("labelled or missing_values and little_data", KNOWN)).isEqualTo(new Condition.Or(
                java.util.List.of(new Condition.Fact("labelled"), new Condition.And(java.util.List.of(
                        new Condition.Fact("missing_values"), new Condition.Fact("little_data"))))));
        assertThat(holds("labelled or missing_values and little_data", facts)).isTrue();
        assertThat(holds("missing_values and little_data or labelled", facts)).isTrue();
        assertThat(holds("(labelled or missing_values) and little_data", facts)).isFalse();
    }

    @Test
    void notBindsTighterThanAnd() {
        var facts = Map.of("labelled", false, "missing_values", false);

        assertThat(holds("not labelled and missing_values", facts)).isFalse();
        assertThat(holds("not (labelled and missing_values)", facts)).isTrue();
    }

    @Test
    void parenthesesNest() {
        var facts = Map.of("labelled", true, "missing_values", true, "little_data", false, "large_data", false);

        assertThat(holds("labelled and not (missing_values or little_data)", facts)).isFalse();
        assertThat(holds("((labelled)) and ((little_data) or (missing_values and not large_data))", facts)).isTrue();
    }

    @Test
    void goalComparisons() {
        assertThat(holds("goal == classify", Goal.CLASSIFY, Map.of())).isTrue();
        assertThat(holds("goal == classify", Goal.REGRESS, Map.of())).isFalse();
        assertThat(holds("goal != classify", Goal.REGRESS, Map.of())).isTrue();
        assertThat(holds("goal != classify", Goal.CLASSIFY, Map.of())).isFalse();
        assertThat(holds("goal in [classify, regress]", Goal.REGRESS, Map.of())).isTrue();
        assertThat(holds("goal in [classify,regress]", Goal.CLASSIFY, Map.of())).isTrue();
        assertThat(holds("goal in [classify, regress]", Goal.DETECT_ANOMALIES, Map.of())).isFalse();
        assertThat(holds("goal in [detect-anomalies]", Goal.DETECT_ANOMALIES, Map.of())).isTrue();
        assertThat(Condition.parse("goal in [classify, regress]", KNOWN))
                .isEqualTo(new Condition.GoalIn(Set.of(Goal.CLASSIFY, Goal.REGRESS)));
    }

    @Test
    void goalComparisonsCombineWithFacts() {
        assertThat(holds("goal == regress and labelled or goal == classify", Goal.REGRESS, Map.of("labelled", false)))
                .isFalse();
        assertThat(holds("goal == regress and labelled or goal == classify", Goal.CLASSIFY, Map.of())).isTrue();
        assertThat(holds("not goal in [cluster] and labelled", Goal.CLASSIFY, Map.of("labelled", true))).isTrue();
    }

    @Test
    void anUnknownFactIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> Condition.parse("labelled and lots_of_data", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fact 'lots_of_data' in 'labelled and lots_of_data'; known: "
                        + "labelled, large_data, little_data, missing_values");
    }

    @Test
    void anUnknownGoalIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> Condition.parse("goal == predict", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown goal 'predict'")
                .hasMessageContaining("classify, regress, cluster");
    }

    @Test
    void unbalancedParenthesesAreRejected() {
        assertThatThrownBy(() -> Condition.parse("(labelled and little_data", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected ')' in '(labelled and little_data' at its end");
        assertThatThrownBy(() -> Condition.parse("labelled and little_data)", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unexpected ')' in 'labelled and little_data)'");
        assertThatThrownBy(() -> Condition.parse("goal in [classify, regress", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected ']' in 'goal in [classify, regress' at its end");
    }

    @Test
    void aMisplacedKeywordOrBracketIsNotCalledAnUnknownFact() {
        assertThatThrownBy(() -> Condition.parse("labelled and )", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a fact, 'not', '(' or 'goal' in 'labelled and )', found ')'");
        assertThatThrownBy(() -> Condition.parse("()", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a fact, 'not', '(' or 'goal' in '()', found ')'");
        assertThatThrownBy(() -> Condition.parse("or labelled", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a fact, 'not', '(' or 'goal' in 'or labelled', found 'or'");
        assertThatThrownBy(() -> Condition.parse("labelled and and little_data", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a fact, 'not', '(' or 'goal' in 'labelled and and little_data', found 'and'");
    }

    @Test
    void trailingTokensAreRejected() {
        assertThatThrownBy(() -> Condition.parse("labelled little_data", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unexpected 'little_data' in 'labelled little_data'");
        assertThatThrownBy(() -> Condition.parse("goal == classify regress", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unexpected 'regress' in 'goal == classify regress'");
    }

    @Test
    void incompleteExpressionsAreRejected() {
        assertThatThrownBy(() -> Condition.parse("labelled and", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a fact, 'not', '(' or 'goal' at the end of 'labelled and'");
        assertThatThrownBy(() -> Condition.parse("goal", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 'in' in 'goal' at its end");
        assertThatThrownBy(() -> Condition.parse("goal = classify", KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unexpected character '=' in 'goal = classify'");
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> Condition.parse("", KNOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("empty condition");
        assertThatThrownBy(() -> Condition.parse("   \t ", KNOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("empty condition");
    }
}
