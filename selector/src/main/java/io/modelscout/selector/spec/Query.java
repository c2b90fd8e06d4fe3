package io.modelscout.selector.spec;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A joint-probability query of a density task: a condition on the cells of one row, such as
 * {@code Murder > 10 and Assault > 250}. Comparisons ({@code < <= > >= == !=}) take a column on the left and a
 * number (numeric columns) or a level (nominal columns, {@code ==} and {@code !=} only) on the right; conditions
 * combine with {@code and}, {@code or}, {@code not} and parentheses. A column name with spaces or symbols is written
 * in back-quotes, a level with spaces in single or double quotes.
 *
 * @param text the condition as written
 * @param condition the parsed condition
 */
public record Query(String text, Condition condition) {
    /** Checks for nulls. */
    public Query {
        requireNonNull(text, "text is null");
        requireNonNull(condition, "condition is null");
    }

    /** A node of a parsed condition. */
    public sealed interface Condition permits Comparison, And, Or, Not {
    }

    /**
     * A comparison of a column with a value.
     *
     * @param column the column's name
     * @param operator one of {@code < <= > >= == !=}
     * @param value the value as written (a number or a level)
     * @param numeric whether the value was written as a number
     */
    public record Comparison(String column, String operator, String value, boolean numeric) implements Condition {
    }

    /**
     * Both conditions hold.
     *
     * @param left the first
     * @param right the second
     */
    public record And(Condition left, Condition right) implements Condition {
    }

    /**
     * Either condition holds.
     *
     * @param left the first
     * @param right the second
     */
    public record Or(Condition left, Condition right) implements Condition {
    }

    /**
     * The condition does not hold.
     *
     * @param inner the condition
     */
    public record Not(Condition inner) implements Condition {
    }

    /**
     * Parses a condition.
     *
     * @param text the condition
     * @return the query
     * @throws IllegalArgumentException with what is wrong and where, when it does not parse
     */
    public static Query parse(String text) {
        requireNonNull(text, "text is null");
        var parser = new Parser(text, tokens(text));
        Condition condition = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.error("unexpected '" + parser.tokens.get(parser.position).text() + "'");
        }
        return new Query(text, condition);
    }

    /**
     * The columns the condition names, in order of first appearance.
     *
     * @return the column names
     */
    public List<String> columns() {
        var names = new ArrayList<String>();
        collect(condition, names);
        return List.copyOf(names);
    }

    private static void collect(Condition condition, List<String> names) {
        switch (condition) {
            case Comparison c -> {
                if (!names.contains(c.column())) {
                    names.add(c.column());
                }
            }
            case And a -> {
                collect(a.left(), names);
                collect(a.right(), names);
            }
            case Or o -> {
                collect(o.left(), names);
                collect(o.right(), names);
            }
            case Not n -> collect(n.inner(), names);
        }
    }

    /**
     * Checks the query against a table's columns.
     *
     * @param table the data (its columns and levels)
     * @return what is wrong, or empty when the query fits the table
     */
    public Optional<String> check(Table table) {
        var problems = new ArrayList<String>();
        check(condition, table, problems);
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void check(Condition condition, Table table, List<String> problems) {
        switch (condition) {
            case Comparison c -> {
                Optional<Column> column = table.find(c.column());
                if (column.isEmpty()) {
                    problems.add("no column '" + c.column() + "'; columns: " + String.join(", ", table.columnNames()));
                } else if (column.get() instanceof NumericColumn && !c.numeric()) {
                    problems.add("'" + c.column() + "' is numeric: compare it with a number, not '" + c.value() + "'");
                } else if (column.get() instanceof CategoricalColumn categorical) {
                    if (!c.operator().equals("==") && !c.operator().equals("!=")) {
                        problems.add("'" + c.column() + "' is " + categorical.kind() + ": only == and != apply, not "
                                + c.operator());
                    } else if (!categorical.levels().contains(c.value())) {
                        problems.add("'" + c.column() + "' has no level '" + c.value() + "'; levels: "
                                + String.join(", ", categorical.levels()));
                    }
                }
            }
            case And a -> {
                check(a.left(), table, problems);
                check(a.right(), table, problems);
            }
            case Or o -> {
                check(o.left(), table, problems);
                check(o.right(), table, problems);
            }
            case Not n -> check(n.inner(), table, problems);
        }
    }

    /**
     * Whether a row meets the condition; a comparison on a missing cell is unknown, and so is the row.
     *
     * @param table a table with the query's columns (checked by {@link #check(Table)})
     * @param row the row
     * @return true or false, or empty when a cell it needs is missing
     */
    public Optional<Boolean> test(Table table, int row) {
        return Optional.ofNullable(eval(condition, table, row));
    }

    private static Boolean eval(Condition condition, Table table, int row) {
        return switch (condition) {
            case Comparison c -> compare(c, table.column(c.column()), row);
            case And a -> {
                Boolean left = eval(a.left(), table, row);
                Boolean right = eval(a.right(), table, row);
                // Kleene logic: false and unknown is false.
                yield Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right) ? Boolean.FALSE
                        : left == null || right == null ? null : Boolean.TRUE;
            }
            case Or o -> {
                Boolean left = eval(o.left(), table, row);
                Boolean right = eval(o.right(), table, row);
                yield Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right) ? Boolean.TRUE
                        : left == null || right == null ? null : Boolean.FALSE;
            }
            case Not n -> {
                Boolean inner = eval(n.inner(), table, row);
                yield inner == null ? null : !inner;
            }
        };
    }

    private static Boolean compare(Comparison c, Column column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn numeric) {
            double x = numeric.value(row);
            double v = Double.parseDouble(c.value());
            return switch (c.operator()) {
                case "<" -> x < v;
                case "<=" -> x <= v;
                case ">" -> x > v;
                case ">=" -> x >= v;
                case "==" -> x == v;
                default -> x != v;
            };
        }
        boolean equal = ((CategoricalColumn) column).label(row).equals(c.value());
        return c.operator().equals("==") == equal;
    }

    private enum Kind { NAME, NUMBER, TEXT, OPERATOR, OPEN, CLOSE, AND, OR, NOT }

    private record Token(Kind kind, String text, int at) {
    }

    private static List<Token> tokens(String text) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                int start = i;
                i++;
                if (i < text.length() && text.charAt(i) == '=') {
                    i++;
                }
                String op = text.substring(start, i);
                if (op.equals("=") || op.equals("!")) {
                    throw new IllegalArgumentException("'" + op + "' at character " + (start + 1)
                            + " is not an operator; use ==, !=, <, <=, > or >=");
                }
                tokens.add(new Token(Kind.OPERATOR, op, start));
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("the quote " + c + " at character " + (i + 1) + " is not closed");
                }
                tokens.add(new Token(c == '`' ? Kind.NAME : Kind.TEXT, text.substring(i + 1, end), i));
                i = end + 1;
            } else if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
                int start = i;
                i++;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || (text.charAt(i) == '-' || text.charAt(i) == '+')
                        && Character.toLowerCase(text.charAt(i - 1)) == 'e')) {
                    i++;
                }
                String number = text.substring(start, i);
                try {
                    if (!Double.isFinite(Double.parseDouble(number))) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + number + "' at character " + (start + 1)
                            + " is not a number");
                }
                tokens.add(new Token(Kind.NUMBER, number, start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.')) {
                    i++;
                }
                String word = text.substring(start, i);
                Kind kind = switch (word.toLowerCase(Locale.ROOT)) {
                    case "and" -> Kind.AND;
                    case "or" -> Kind.OR;
                    case "not" -> Kind.NOT;
                    default -> Kind.NAME;
                };
                tokens.add(new Token(kind, word, start));
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' at character " + (i + 1));
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the condition is empty");
        }
        return tokens;
    }

    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private int position;

        Parser(String text, List<Token> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Condition or() {
            Condition left = and();
            while (peek(Kind.OR)) {
                position++;
                left = new Or(left, and());
            }
            return left;
        }

        Condition and() {
            Condition left = unary();
            while (peek(Kind.AND)) {
                position++;
                left = new And(left, unary());
            }
            return left;
        }

        Condition unary() {
            if (peek(Kind.NOT)) {
                position++;
                return new Not(unary());
            }
            if (peek(Kind.OPEN)) {
                position++;
                Condition inner = or();
                if (!peek(Kind.CLOSE)) {
                    throw error("expected ')'");
                }
                position++;
                return inner;
            }
            Token column = next("a column name");
            if (column.kind() != Kind.NAME) {
                throw error(column, "expected a column name, found '" + column.text() + "'");
            }
            Token operator = next("a comparison (<, <=, >, >=, ==, !=) after '" + column.text() + "'");
            if (operator.kind() != Kind.OPERATOR) {
                throw error(operator, "expected a comparison (<, <=, >, >=, ==, !=) after '" + column.text()
                        + "', found '" + operator.text() + "'");
            }
            Token value = next("a number or a level after '" + operator.text() + "'");
            if (value.kind() != Kind.NUMBER && value.kind() != Kind.TEXT && value.kind() != Kind.NAME) {
                throw error(value, "expected a number or a level, found '" + value.text() + "'");
            }
            return new Comparison(column.text(), operator.text(), value.text(), value.kind() == Kind.NUMBER);
        }

        private boolean peek(Kind kind) {
            return position < tokens.size() && tokens.get(position).kind() == kind;
        }

        private Token next(String expected) {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("expected " + expected + " at the end of '" + text + "'");
            }
            return tokens.get(position++);
        }

        IllegalArgumentException error(String message) {
            return position < tokens.size() ? error(tokens.get(position), message)
                    : new IllegalArgumentException(message + " at the end of '" + text + "'");
        }

        private IllegalArgumentException error(Token token, String message) {
            return new IllegalArgumentException(message + " at character " + (token.at() + 1));
        }
    }
}
