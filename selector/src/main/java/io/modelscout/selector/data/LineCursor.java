package io.modelscout.selector.data;

import io.modelscout.selector.data.Problems.LineError;

/**
 * Reads the tokens of one ARFF line: quoted values ({@code '...'} or {@code "..."}, backslash escapes), bare
 * values up to a stop character, words up to white space. A {@code %} outside quotes starts a comment, as in
 * Weka's tokenizer. The last token's quoting and column are kept in fields rather than in a token object, so
 * reading a cell allocates nothing but its text.
 */
final class LineCursor {
    private final String s;
    private final int lineNo;
    private int p;
    private boolean quoted;
    private int tokenColumn;

    LineCursor(String s, int lineNo) {
        this.s = s;
        this.lineNo = lineNo;
    }

    int lineNo() {
        return lineNo;
    }

    /** Whether the last value read was quoted; a quoted {@code '?'} is a value, not a missing cell. */
    boolean quoted() {
        return quoted;
    }

    /** The 1-based column where the last token began. */
    int tokenColumn() {
        return tokenColumn;
    }

    /** The 1-based column of the next character that is not white space. */
    int column() {
        skipSpace();
        return p + 1;
    }

    boolean atEnd() {
        skipSpace();
        return p >= s.length() || s.charAt(p) == '%';
    }

    /** The next character that is not white space, or 0 at the end of the line. */
    char peek() {
        return atEnd() ? 0 : s.charAt(p);
    }

    boolean accept(char c) {
        skipSpace();
        if (p < s.length() && s.charAt(p) == c) {
            p++;
            return true;
        }
        return false;
    }

    /** A value: quoted, or bare up to one of {@code stops} (or a comment, or the end), trimmed. */
    String value(String stops) {
        skipSpace();
        tokenColumn = p + 1;
        if (p < s.length() && (s.charAt(p) == '\'' || s.charAt(p) == '"')) {
            quoted = true;
            return quotedText();
        }
        quoted = false;
        int start = p;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '%' || stops.indexOf(c) >= 0) {
                break;
            }
            p++;
        }
        int end = p;
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** A name or keyword: quoted, or bare up to white space or one of {@code stops}. */
    String word(String stops) {
        skipSpace();
        tokenColumn = p + 1;
        if (p < s.length() && (s.charAt(p) == '\'' || s.charAt(p) == '"')) {
            quoted = true;
            return quotedText();
        }
        quoted = false;
        int start = p;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (isSpace(c) || c == '%' || stops.indexOf(c) >= 0) {
                break;
            }
            p++;
        }
        return s.substring(start, p);
    }

    /** The rest of the line before any comment, trimmed. */
    String rest() {
        skipSpace();
        tokenColumn = p + 1;
        int start = p;
        int end = s.indexOf('%', p);
        p = s.length();
        return s.substring(start, end < 0 ? s.length() : end).strip();
    }

    LineError error(String message) {
        return new LineError(message, lineNo, tokenColumn);
    }

    LineError errorHere(String message) {
        return new LineError(message, lineNo, column());
    }

    private String quotedText() {
        char quote = s.charAt(p++);
        var text = new StringBuilder();
        while (p < s.length()) {
            char c = s.charAt(p++);
            if (c == quote) {
                return text.toString();
            }
            if (c == '\\' && p < s.length()) {
                char e = s.charAt(p++);
                text.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                text.append(c);
            }
        }
        throw new LineError("quote " + quote + " opened here is not closed on this line", lineNo, tokenColumn);
    }

    private void skipSpace() {
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }
}
