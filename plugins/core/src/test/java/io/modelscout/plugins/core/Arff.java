package io.modelscout.plugins.core;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain ARFF files of the examples (numeric and nominal attributes, no commas inside quotes) for tests of
 * this module, which sees the plugin API only; the product's reader lives in the selector.
 */
final class Arff {
    static final Path DATA = Path.of("../../examples/data");

    private Arff() {
    }

    static Table read(String file) throws IOException {
        var names = new ArrayList<String>();
        var levels = new ArrayList<List<String>>();
        var rows = new ArrayList<String[]>();
        boolean data = false;
        for (String raw : Files.readAllLines(DATA.resolve(file))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            if (data) {
                rows.add(line.split(","));
            } else if (line.toLowerCase().startsWith("@attribute")) {
                String rest = line.substring("@attribute".length()).strip();
                int end = rest.startsWith("'") ? rest.indexOf('\'', 1) + 1 : rest.split("\\s+")[0].length();
                names.add(unquote(rest.substring(0, end)));
                String type = rest.substring(end).strip();
                if (type.startsWith("{")) {
                    var values = new ArrayList<String>();
                    for (String v : type.substring(1, type.lastIndexOf('}')).split(",")) {
                        values.add(unquote(v.strip()));
                    }
                    levels.add(values);
                } else {
                    levels.add(null);
                }
            } else if (line.toLowerCase().startsWith("@data")) {
                data = true;
            }
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < names.size(); j++) {
            List<String> declared = levels.get(j);
            int[] codes = new int[rows.size()];
            double[] values = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String cell = unquote(rows.get(i)[j].strip());
                boolean missing = cell.equals("?");
                if (declared == null) {
                    values[i] = missing ? Double.NaN : Double.parseDouble(cell);
                } else {
                    codes[i] = missing ? CategoricalColumn.MISSING : declared.indexOf(cell);
                    if (codes[i] == -1 && !missing) {
                        throw new IOException(file + ": '" + cell + "' is not a level of " + names.get(j));
                    }
                }
            }
            columns.add(declared == null ? NumericColumn.of(names.get(j), values)
                    : NominalColumn.of(names.get(j), declared, codes));
        }
        return new Table(file, columns);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
