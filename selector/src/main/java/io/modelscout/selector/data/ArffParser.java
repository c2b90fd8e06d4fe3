package io.modelscout.selector.data;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.data.Problems.LineError;
import io.modelscout.selector.spec.SpecException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weka's attribute-relation file format, dense and sparse rows. Cells go straight into one primitive array per
 * column (doubles for numeric and date attributes, level codes for nominal and string ones); a row is first
 * parsed into scratch arrays and committed only when all of it is valid, so one bad row cannot shift the
 * columns of the rows after it.
 */
final class ArffParser {
    /** Weka's default when a date attribute gives no format. */
    static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";
    private static final int SHOWN_LEVELS = 20;

    private enum Kind { NUMERIC, NOMINAL, STRING, DATE }

    private static final class Attribute {
        final String name;
        final Kind kind;
        final List<String> levels = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        final DateTimeFormatter dateFormat;
        final String datePattern;
        boolean sparseDefaultUsed;

        Attribute(String name, Kind kind, String datePattern, DateTimeFormatter dateFormat) {
            this.name = name;
            this.kind = kind;
            this.datePattern = datePattern;
            this.dateFormat = dateFormat;
        }

        boolean numeric() {
            return kind == Kind.NUMERIC || kind == Kind.DATE;
        }
    }

    private final String text;
    private final Problems problems;
    private String relation;
    private final List<Attribute> attributes = new ArrayList<>();
    private int pos;
    private int lineNo;

    private double[][] numbers;
    private int[][] codes;
    private int rows;
    private double[] rowNumbers;
    private int[] rowCodes;

    private ArffParser(String text, Problems problems, String defaultName) {
        this.text = text;
        this.problems = problems;
        this.relation = defaultName;
    }

    static Table parse(String text, Problems problems, String defaultName) throws SpecException {
        return new ArffParser(text, problems, defaultName).parse();
    }

    private Table parse() throws SpecException {
        header();
        data();
        problems.throwIfAny();
        var columns = new ArrayList<Column>(attributes.size());
        for (int j = 0; j < attributes.size(); j++) {
            Attribute a = attributes.get(j);
            if (a.numeric()) {
                columns.add(NumericColumn.of(a.name, Arrays.copyOf(numbers[j], rows)));
            } else {
                if (a.kind == Kind.STRING && a.levels.isEmpty() && a.sparseDefaultUsed) {
                    // Sparse rows point at "the first string" of an attribute that never got one.
                    a.levels.add("");
                }
                columns.add(NominalColumn.of(a.name, a.levels, Arrays.copyOf(codes[j], rows)));
            }
        }
        return new Table(relation, columns);
    }

    /** The next line without its terminator, or null at the end of the text. */
    private String nextLine() {
        if (pos >= text.length()) {
            return null;
        }
        int end = text.indexOf('\n', pos);
        int next = end < 0 ? text.length() : end + 1;
        if (end < 0) {
            end = text.length();
        }
        if (end > pos && text.charAt(end - 1) == '\r') {
            end--;
        }
        String line = text.substring(pos, end);
        pos = next;
        lineNo++;
        return line;
    }

    private static boolean skippable(String line) {
        String t = line.strip();
        return t.isEmpty() || t.charAt(0) == '%';
    }

    private void header() throws SpecException {
        boolean anything = false;
        String line;
        while ((line = nextLine()) != null) {
            if (skippable(line)) {
                continue;
            }
            anything = true;
            var c = new LineCursor(line, lineNo);
            try {
                if (c.peek() != '@') {
                    throw c.errorHere("expected @relation, @attribute or @data, got '" + abbreviate(line.strip()) + "'");
                }
                String keyword = c.word("{").toLowerCase(Locale.ROOT);
                switch (keyword) {
                    case "@relation" -> relation(c);
                    case "@attribute" -> attribute(c);
                    case "@data" -> {
                        if (!c.atEnd()) {
                            throw c.errorHere("expected nothing after @data");
                        }
                        if (attributes.isEmpty()) {
                            throw c.error("expected @attribute declarations before @data, found none");
                        }
                        problems.throwIfAny();
                        return;
                    }
                    default -> throw c.error("unknown keyword '" + keyword
                            + "'; expected @relation, @attribute or @data");
                }
            } catch (LineError e) {
                problems.add(e);
            }
        }
        if (!anything) {
            throw problems.fail("the file is empty; expected an ARFF header (@relation, @attribute, @data)", 0, 0);
        }
        throw problems.fail("expected a @data line after the attributes, found the end of the file", lineNo, 1);
    }

    private void relation(LineCursor c) {
        char first = c.peek();
        String name = first == '\'' || first == '"' ? c.word("") : c.rest();
        if (name.isEmpty()) {
            throw c.errorHere("expected a name after @relation");
        }
        relation = name;
    }

    private void attribute(LineCursor c) throws SpecException {
        String name = c.word("{");
        if (name.isEmpty() && !c.quoted()) {
            throw c.errorHere("expected an attribute name after @attribute");
        }
        for (Attribute a : attributes) {
            if (a.name.equals(name)) {
                throw c.error("attribute '" + name + "' is declared twice");
            }
        }
        Attribute attribute;
        if (c.peek() == '{') {
            attribute = nominal(name, c);
        } else {
            String type = c.word("{").toLowerCase(Locale.ROOT);
            attribute = switch (type) {
                case "numeric", "real", "integer" -> new Attribute(name, Kind.NUMERIC, null, null);
                case "string" -> new Attribute(name, Kind.STRING, null, null);
                case "date" -> date(name, c);
                case "relational" -> throw problems.fail("attribute '" + name
                        + "': relational attributes are not supported", c.lineNo(), c.tokenColumn());
                case "" -> throw c.errorHere("expected a type after attribute '" + name
                        + "': numeric, real, integer, string, date or {level, ...}");
                default -> throw c.error("unknown type '" + type + "' of attribute '" + name
                        + "'; known: numeric, real, integer, string, date, {level, ...}");
            };
        }
        if (!c.atEnd()) {
            throw c.errorHere("unexpected text after the type of attribute '" + name + "'");
        }
        attributes.add(attribute);
    }

    private static Attribute nominal(String name, LineCursor c) {
        c.accept('{');
        var attribute = new Attribute(name, Kind.NOMINAL, null, null);
        if (c.accept('}')) {
            throw c.error("attribute '" + name + "' declares no levels");
        }
        while (true) {
            String level = c.value(",}");
            if (level.isEmpty() && !c.quoted()) {
                throw c.error("attribute '" + name + "': expected a level, found nothing");
            }
            if (attribute.index.putIfAbsent(level, attribute.levels.size()) != null) {
                throw c.error("attribute '" + name + "' declares level '" + level + "' twice");
            }
            attribute.levels.add(level);
            if (c.accept(',')) {
                continue;
            }
            if (c.accept('}')) {
                return attribute;
            }
            throw c.errorHere("attribute '" + name + "': expected ',' or '}' in the list of levels");
        }
    }

    private static Attribute date(String name, LineCursor c) {
        String pattern = c.atEnd() ? DEFAULT_DATE_FORMAT : c.word("");
        try {
            return new Attribute(name, Kind.DATE, pattern, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw c.error("attribute '" + name + "': date format '" + pattern + "' is not valid: " + e.getMessage());
        }
    }

    private void data() {
        int n = attributes.size();
        int capacity = 1024;
        numbers = new double[n][];
        codes = new int[n][];
        for (int j = 0; j < n; j++) {
            if (attributes.get(j).numeric()) {
                numbers[j] = new double[capacity];
            } else {
                codes[j] = new int[capacity];
            }
        }
        rowNumbers = new double[n];
        rowCodes = new int[n];
        int dataLine = lineNo;
        String line;
        while ((line = nextLine()) != null && !problems.full()) {
            if (skippable(line)) {
                continue;
            }
            var c = new LineCursor(line, lineNo);
            try {
                if (c.peek() == '{') {
                    sparseRow(c);
                } else {
                    denseRow(c);
                }
                commit();
            } catch (LineError e) {
                problems.add(e);
            }
        }
        if (rows == 0 && problems.isEmpty()) {
            problems.add("expected data rows after @data, found none", dataLine, 1);
        }
    }

    private void denseRow(LineCursor c) {
        int n = attributes.size();
        for (int j = 0; j < n; j++) {
            if (j > 0 && !c.accept(',')) {
                throw c.atEnd()
                        ? c.errorHere("expected " + n + " values, got " + j)
                        : c.errorHere("expected ',' after value " + j);
            }
            if (c.atEnd()) {
                throw c.errorHere("expected " + n + " values, got " + j);
            }
            cell(j, c.value(","), c);
        }
        trailer(c, n);
    }

    private void sparseRow(LineCursor c) {
        int n = attributes.size();
        for (int j = 0; j < n; j++) {
            Attribute a = attributes.get(j);
            rowNumbers[j] = 0;
            rowCodes[j] = 0;
            if (a.kind == Kind.STRING) {
                a.sparseDefaultUsed = true;
            }
        }
        c.accept('{');
        if (!c.accept('}')) {
            int previous = -1;
            while (true) {
                String indexText = c.word(",}");
                int index;
                try {
                    index = Integer.parseInt(indexText);
                } catch (NumberFormatException e) {
                    throw c.error("expected an attribute index in a sparse row, got '" + indexText + "'");
                }
                if (index < 0 || index >= n) {
                    throw c.error("sparse index " + index + " is outside [0, " + n + ")");
                }
                if (index <= previous) {
                    throw c.error("sparse indices must increase, got " + index + " after " + previous);
                }
                previous = index;
                cell(index, c.value(",}"), c);
                if (c.accept(',')) {
                    continue;
                }
                if (c.accept('}')) {
                    break;
                }
                throw c.errorHere("expected ',' or '}' in a sparse row");
            }
        }
        trailer(c, n);
    }

    /** Only an instance weight, {@code ,{w}}, may follow the values; it does not matter for model choice. */
    private static void trailer(LineCursor c, int n) {
        if (c.atEnd()) {
            return;
        }
        if (c.accept(',') && c.peek() == '{') {
            c.accept('{');
            c.value("}");
            if (c.accept('}') && c.atEnd()) {
                return;
            }
            throw c.errorHere("expected an instance weight {w} at the end of the row");
        }
        throw c.errorHere("expected " + n + " values, got more");
    }

    private void cell(int j, String value, LineCursor c) {
        Attribute a = attributes.get(j);
        if (!c.quoted() && value.equals("?")) {
            rowNumbers[j] = Double.NaN;
            rowCodes[j] = CategoricalColumn.MISSING;
            return;
        }
        switch (a.kind) {
            case NUMERIC -> {
                if (Numbers.isNumber(value)) {
                    rowNumbers[j] = Numbers.parse(value);
                } else if (value.equals("NaN") && !c.quoted()) {
                    rowNumbers[j] = Double.NaN;
                } else {
                    throw c.error("attribute '" + a.name + "': expected a number or ?, got '" + abbreviate(value) + "'");
                }
            }
            case DATE -> rowNumbers[j] = epochMillis(a, value, c);
            case NOMINAL -> {
                Integer code = a.index.get(value);
                if (code == null) {
                    throw c.error("attribute '" + a.name + "': value '" + abbreviate(value)
                            + "' is not among the declared levels " + shown(a.levels));
                }
                rowCodes[j] = code;
            }
            case STRING -> {
                Integer code = a.index.get(value);
                if (code == null) {
                    code = a.levels.size();
                    a.index.put(value, code);
                    a.levels.add(value);
                }
                rowCodes[j] = code;
            }
        }
    }

    private static double epochMillis(Attribute a, String value, LineCursor c) {
        try {
            TemporalAccessor t = a.dateFormat.parse(value);
            if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                return t.getLong(ChronoField.INSTANT_SECONDS) * 1000
                        + (t.isSupported(ChronoField.MILLI_OF_SECOND) ? t.getLong(ChronoField.MILLI_OF_SECOND) : 0);
            }
            LocalDate date = t.query(TemporalQueries.localDate());
            if (date == null && t.isSupported(ChronoField.YEAR)) {
                date = LocalDate.of(t.get(ChronoField.YEAR),
                        t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1, 1);
            }
            if (date == null) {
                throw new DateTimeException("no date in it");
            }
            LocalTime time = t.query(TemporalQueries.localTime());
            // No zone in the data: read as UTC, so the same file gives the same numbers everywhere.
            return LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time)
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            throw c.error("attribute '" + a.name + "': expected a date in the format '" + a.datePattern
                    + "', got '" + abbreviate(value) + "'");
        }
    }

    private void commit() {
        if (rows == capacity()) {
            int grown = rows * 2;
            for (int j = 0; j < attributes.size(); j++) {
                if (numbers[j] != null) {
                    numbers[j] = Arrays.copyOf(numbers[j], grown);
                } else {
                    codes[j] = Arrays.copyOf(codes[j], grown);
                }
            }
        }
        for (int j = 0; j < attributes.size(); j++) {
            if (numbers[j] != null) {
                numbers[j][rows] = rowNumbers[j];
            } else {
                codes[j][rows] = rowCodes[j];
            }
        }
        rows++;
    }

    private int capacity() {
        return numbers[0] != null ? numbers[0].length : codes[0].length;
    }

    private static String shown(List<String> levels) {
        if (levels.size() <= SHOWN_LEVELS) {
            return "{" + String.join(", ", levels) + "}";
        }
        return "{" + String.join(", ", levels.subList(0, SHOWN_LEVELS)) + ", ... (" + levels.size() + " levels)}";
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
