package io.modelscout.selector.rules;

import io.modelscout.api.Goal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's condition: a small boolean expression over facts and the goal, e.g.
 * {@code labelled and not (missing_values or little_data)} or {@code goal in [classify, regress]}.
 * Grammar: {@code expr := and ('or' and)*; and := unary ('and' unary)*; unary := 'not' unary | '(' expr ')' |
 * 'always' | 'goal' ('==' | '!=') NAME | 'goal' 'in' '[' NAME (',' NAME)* ']' | FACT}.
 */
public sealed interface Condition {

    /**
     * Evaluates the condition.
     *
     * @param goal the task's goal
     * @param facts every fact by name
     * @return whether it holds
     */
    boolean test(Goal goal, Map<String, Boolean> facts);

    /** Always true. */
    record Always() implements Condition {
        @Override
        public boolean test(Goal goal, Map<String, Boolean> facts) {
            return true;
        }
    }

    /**
     * A fact is true; an unknown or absent fact counts as false.
     *
     * @param name the fact
     */
    record Fact(String name) implements Condition {
        @Override
        public boolean test(Goal goal, Map<String, Boolean> facts) {
            return facts.getOrDefault(name, false);
        }
    }

    /**
     * The goal is one of some goals.
     *
     * @param goals the goals
     */
    record GoalIn(Set<Goal> goals) implements Condition {
        @Override
        public boolean test(Goal goal, Map<String, Boolean> facts) {
            return goals.contains(goal);
        }
    }

    /**
     * Negation.
     *
     * @param inner the negated condition
     */
    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(Goal goal, Map<String, Boolean> facts) {
            return !inner.test(goal, facts);
        }
    }

    /**
     * Conjunction.
     *
     * @param parts the conditions that must all hold
     */
    record And(List<Condition> parts) implements Condition {
        @Override
        public boolean test(Goal goal, Map<String, Boolean> facts) {
            return parts.stream().allMatch(p -> p.test(goal, facts));
        }
    }

    /**
     * Disjunction.
     *
     * @param parts the conditions of which one must hold
     */
    record Or(List<Condition> parts) implements Condition {
        @Override
        public boolean test(Goal goal, Map<String, Boolean> facts) {
            return parts.stream().anyMatch(p -> p.test(goal, facts));
        }
    }

    /**
     * Parses a condition.
     *
     * @param text the expression
     * @param knownFacts the fact names it may use
     * @return the condition
     * @throws IllegalArgumentException saying where the text is wrong and what was expected
     */
    static Condition parse(String text, Set<String> knownFacts) {
        return new Parser(text, knownFacts).parseAll();
    }

    /** Recursive-descent parser over whitespace-separated tokens. */
    final class Parser {
        private final String text;
        private final List<String> tokens;
        private final Set<String> knownFacts;
        private int position;

        private Parser(String text, Set<String> knownFacts) {
            this.text = text;
            this.knownFacts = knownFacts;
            this.tokens = tokenize(text);
        }

        private static List<String> tokenize(String text) {
            var out = new ArrayList<String>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if ("()[],".indexOf(c) >= 0) {
                    out.add(String.valueOf(c));
                    i++;
                } else if ((c == '=' || c == '!') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                    out.add(text.substring(i, i + 2));
                    i += 2;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                    int j = i;
                    while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                            || text.charAt(j) == '-')) {
                        j++;
                    }
                    out.add(text.substring(i, j));
                    i = j;
                } else {
                    throw new IllegalArgumentException("unexpected character '" + c + "' in '" + text + "'");
                }
            }
            return out;
        }

        private Condition parseAll() {
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("empty condition");
            }
            Condition condition = or();
            if (position < tokens.size()) {
                throw new IllegalArgumentException("unexpected '" + tokens.get(position) + "' in '" + text + "'");
            }
            return condition;
        }

        private Condition or() {
            var parts = new ArrayList<Condition>();
            parts.add(and());
            while (accept("or")) {
                parts.add(and());
            }
            return parts.size() == 1 ? parts.getFirst() : new Or(List.copyOf(parts));
        }

        private Condition and() {
            var parts = new ArrayList<Condition>();
            parts.add(unary());
            while (accept("and")) {
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.getFirst() : new And(List.copyOf(parts));
        }

        private Condition unary() {
            if (accept("not")) {
                return new Not(unary());
            }
            if (accept("(")) {
                Condition inner = or();
                expect(")");
                return inner;
            }
            String token = next("a fact, 'not', '(' or 'goal'");
            if (Set.of(")", "[", "]", ",", "==", "!=", "and", "or", "in").contains(token)) {
                // Not a fact name with a typo: say what belongs here rather than "unknown fact ')'".
                throw new IllegalArgumentException("expected a fact, 'not', '(' or 'goal' in '" + text + "', found '"
                        + token + "'");
            }
            if (token.equals("always")) {
                return new Always();
            }
            if (token.equals("goal")) {
                if (accept("==")) {
                    return new GoalIn(Set.of(goal(next("a goal"))));
                }
                if (accept("!=")) {
                    return new Not(new GoalIn(Set.of(goal(next("a goal")))));
                }
                expect("in");
                expect("[");
                var goals = new java.util.HashSet<Goal>();
                goals.add(goal(next("a goal")));
                while (accept(",")) {
                    goals.add(goal(next("a goal")));
                }
                expect("]");
                return new GoalIn(Set.copyOf(goals));
            }
            if (!knownFacts.contains(token)) {
                throw new IllegalArgumentException("unknown fact '" + token + "' in '" + text + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(knownFacts)));
            }
            return new Fact(token);
        }

        private Goal goal(String id) {
            return Goal.fromId(id);
        }

        private boolean accept(String token) {
            if (position < tokens.size() && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new IllegalArgumentException("expected '" + token + "' in '" + text + "'"
                        + (position < tokens.size() ? ", found '" + tokens.get(position) + "'" : " at its end"));
            }
        }

        private String next(String expected) {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("expected " + expected + " at the end of '" + text + "'");
            }
            return tokens.get(position++);
        }
    }
}
