package io.modelscout.selector.data;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Comma- or tab-separated values with a header row, quoted as RFC 4180 says: a field in double quotes may hold
 * the delimiter, line breaks and doubled quotes. Unquoted fields are trimmed. The types are not declared, so
 * cells are held as text until the end and each column is then typed as a whole.
 */
final class DelimitedParser {
    /** Cells that mean "no value", quoted or not. */
    static final Set<String> MISSING = Set.of("", "?", "NA", "N/A", "NaN", "null");

    private final String text;
    private final char delimiter;
    private final Problems problems;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean wasQuoted;
    private final StringBuilder quoted = new StringBuilder();

    private DelimitedParser(String text, char delimiter, Problems problems) {
        this.text = text;
        this.delimiter = delimiter;
        this.problems = problems;
    }

    static Table parse(String text, char delimiter, Problems problems, String name) throws SpecException {
        return new DelimitedParser(text, delimiter, problems).parse(name);
    }

    private Table parse(String name) throws SpecException {
        var fields = new ArrayList<String>();
        List<String> header = null;
        List<List<String>> cells = null;
        int headerLine = 0;
        while (pos < text.length() && !problems.full()) {
            int recordLine = line;
            if (!record(fields)) {
                continue;
            }
            if (fields.size() == 1 && fields.getFirst().isEmpty() && !wasQuoted) {
                continue;
            }
            if (header == null) {
                header = List.copyOf(fields);
                headerLine = recordLine;
                checkHeader(header, recordLine);
                cells = new ArrayList<>();
                for (int j = 0; j < header.size(); j++) {
                    cells.add(new ArrayList<>());
                }
                continue;
            }
            if (fields.size() != header.size()) {
                problems.add("expected " + header.size() + " fields as in the header, got " + fields.size(),
                        recordLine, 1);
                continue;
            }
            for (int j = 0; j < fields.size(); j++) {
                String cell = fields.get(j);
                cells.get(j).add(MISSING.contains(cell) ? null : cell);
            }
        }
        if (header == null) {
            throw problems.fail("the file is empty; expected a header row of column names", 0, 0);
        }
        if (cells.getFirst().isEmpty() && problems.isEmpty()) {
            problems.add("expected data rows after the header, found none", headerLine, 1);
        }
        problems.throwIfAny();
        var columns = new ArrayList<Column>(header.size());
        for (int j = 0; j < header.size(); j++) {
            columns.add(column(header.get(j), cells.get(j)));
            cells.set(j, null);
        }
        return new Table(name, columns);
    }

    /**
     * Reads one record into {@code fields}.
     *
     * @return false when the record was malformed (already reported) and must be skipped
     */
    private boolean record(List<String> fields) {
        fields.clear();
        wasQuoted = false;
        int n = text.length();
        while (true) {
            int start = pos;
            while (pos < n && text.charAt(pos) == ' ' && delimiter != ' ') {
                pos++;
            }
            if (pos < n && text.charAt(pos) == '"') {
                int openLine = line;
                int openColumn = pos - lineStart + 1;
                pos++;
                quoted.setLength(0);
                boolean closed = false;
                while (pos < n) {
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        if (pos < n && text.charAt(pos) == '"') {
                            quoted.append('"');
                            pos++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                            lineStart = pos;
                        }
                        quoted.append(c);
                    }
                }
                if (!closed) {
                    problems.add("a quoted field opened here is not closed before the end of the file",
                            openLine, openColumn);
                    return false;
                }
                while (pos < n && text.charAt(pos) == ' ' && delimiter != ' ') {
                    pos++;
                }
                if (pos < n && !endOfField(text.charAt(pos))) {
                    problems.add("expected a delimiter or the end of the line after a closing quote, got '"
                            + text.charAt(pos) + "'", line, pos - lineStart + 1);
                    skipToNextLine();
                    return false;
                }
                fields.add(quoted.toString());
                wasQuoted = true;
            } else {
                pos = start;
                while (pos < n && !endOfField(text.charAt(pos))) {
                    pos++;
                }
                fields.add(text.substring(start, pos).strip());
            }
            if (pos < n && text.charAt(pos) == delimiter) {
                pos++;
                continue;
            }
            skipLineBreak();
            return true;
        }
    }

    private boolean endOfField(char c) {
        return c == delimiter || c == '\n' || c == '\r';
    }

    private void skipLineBreak() {
        int n = text.length();
        if (pos < n && text.charAt(pos) == '\r') {
            pos++;
            if (pos < n && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            lineStart = pos;
        } else if (pos < n && text.charAt(pos) == '\n') {
            pos++;
            line++;
            lineStart = pos;
        }
    }

    private void skipToNextLine() {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
        skipLineBreak();
    }

    private void checkHeader(List<String> header, int headerLine) {
        var seen = new HashSet<String>();
        var twice = new LinkedHashSet<String>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name.isEmpty()) {
                problems.add("the header names no column " + (j + 1) + "; every column needs a name", headerLine, 1);
            } else if (!seen.add(name)) {
                twice.add(name);
            }
        }
        if (!twice.isEmpty()) {
            problems.add("the header names these columns more than once: " + String.join(", ", twice),
                    headerLine, 1);
        }
    }

    /** Numeric when every present cell is a number (also when none is present); nominal otherwise. */
    private static Column column(String name, List<String> cells) {
        boolean numeric = true;
        for (String cell : cells) {
            if (cell != null && !Numbers.isNumber(cell)) {
                numeric = false;
                break;
            }
        }
        int rows = cells.size();
        if (numeric) {
            double[] values = new double[rows];
            for (int i = 0; i < rows; i++) {
                String cell = cells.get(i);
                values[i] = cell == null ? Double.NaN : Numbers.parse(cell);
            }
            return NumericColumn.of(name, values);
        }
        var distinct = new TreeSet<String>();
        for (String cell : cells) {
            if (cell != null) {
                distinct.add(cell);
            }
        }
        List<String> levels = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            index.put(levels.get(k), k);
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            String cell = cells.get(i);
            codes[i] = cell == null ? CategoricalColumn.MISSING : index.get(cell);
        }
        return NominalColumn.of(name, levels, codes);
    }
}
