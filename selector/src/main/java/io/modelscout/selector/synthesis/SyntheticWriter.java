package io.modelscout.selector.synthesis;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.selector.spec.SynthesisOptions.OutputFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Writes synthetic rows with the data's schema: CSV (header row, empty cell for missing) or ARFF (the original
 * declarations, {@code ?} for missing). The bytes depend only on the rows: numbers are written in plain decimal
 * notation with each column's decimals, lines end with {@code \n}.
 */
public final class SyntheticWriter {
    private static final Pattern ARFF_PLAIN = Pattern.compile("[A-Za-z0-9_.+\\-]+");

    private SyntheticWriter() {
    }

    /**
     * Writes rows to a file, replacing it.
     *
     * @param rows the rows
     * @param decimals decimals per column (numeric columns; ignored for categorical ones)
     * @param format CSV or ARFF
     * @param file the file
     * @throws IOException when the file cannot be written
     */
    static void write(Table rows, int[] decimals, OutputFormat format, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            switch (format) {
                case CSV -> csv(rows, decimals, out);
                case ARFF -> arff(rows, decimals, out);
            }
        }
    }

    private static void csv(Table rows, int[] decimals, Writer out) throws IOException {
        var header = new StringBuilder();
        for (int j = 0; j < rows.columnCount(); j++) {
            header.append(j == 0 ? "" : ",").append(csvField(rows.columnNames().get(j)));
        }
        out.write(header.append('\n').toString());
        var line = new StringBuilder();
        for (int i = 0; i < rows.rowCount(); i++) {
            line.setLength(0);
            for (int j = 0; j < rows.columnCount(); j++) {
                if (j > 0) {
                    line.append(',');
                }
                String cell = cell(rows.column(j), i, decimals[j]);
                line.append(cell == null ? "" : csvField(cell));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static void arff(Table rows, int[] decimals, Writer out) throws IOException {
        out.write("@relation " + arffName(rows.name()) + "\n\n");
        for (Column column : rows.columns()) {
            String type = switch (column) {
                case NumericColumn _ -> "numeric";
                case CategoricalColumn c -> "{" + String.join(",", c.levels().stream().map(SyntheticWriter::arffName)
                        .toList()) + "}";
            };
            out.write("@attribute " + arffName(column.name()) + " " + type + "\n");
        }
        out.write("\n@data\n");
        var line = new StringBuilder();
        for (int i = 0; i < rows.rowCount(); i++) {
            line.setLength(0);
            for (int j = 0; j < rows.columnCount(); j++) {
                if (j > 0) {
                    line.append(',');
                }
                String cell = cell(rows.column(j), i, decimals[j]);
                line.append(cell == null ? "?" : rows.column(j) instanceof NumericColumn ? cell : arffName(cell));
            }
            out.write(line.append('\n').toString());
        }
    }

    /** A cell as text; null when missing. */
    private static String cell(Column column, int row, int decimals) {
        return switch (column) {
            case NumericColumn c -> {
                double v = c.value(row);
                yield Double.isNaN(v) ? null : fixed(v, decimals);
            }
            case CategoricalColumn c -> c.label(row);
        };
    }

    static String fixed(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /**
     * A number with a few significant digits, for labels.
     *
     * @param v the number
     * @param digits significant digits
     * @return plain decimal text
     */
    static String number(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    private static String csvField(String text) {
        boolean quote = text.isEmpty() || text.contains(",") || text.contains("\"") || text.contains("\n")
                || text.contains("\r") || !text.equals(text.strip());
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String arffName(String text) {
        if (ARFF_PLAIN.matcher(text).matches() && !text.equals("?")) {
            return text;
        }
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
