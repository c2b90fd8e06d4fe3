package io.modelscout.selector.unsupervised;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a table as CSV (RFC 4180 quoting, a header row, empty cells for missing values). */
final class Csv {
    private Csv() {
    }

    static void write(Table table, Path file) throws IOException {
        var out = new StringBuilder();
        for (int j = 0; j < table.columnCount(); j++) {
            out.append(j == 0 ? "" : ",").append(quote(table.column(j).name()));
        }
        out.append('\n');
        for (int i = 0; i < table.rowCount(); i++) {
            for (int j = 0; j < table.columnCount(); j++) {
                Column column = table.column(j);
                out.append(j == 0 ? "" : ",");
                if (!column.isMissing(i)) {
                    out.append(switch (column) {
                        case NumericColumn n -> n.value(i) == Math.rint(n.value(i)) && Math.abs(n.value(i)) < 1e15
                                ? Long.toString((long) n.value(i)) : Double.toString(n.value(i));
                        case CategoricalColumn c -> quote(c.label(i));
                    });
                }
            }
            out.append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
