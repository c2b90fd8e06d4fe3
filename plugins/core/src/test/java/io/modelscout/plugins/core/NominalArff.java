package io.modelscout.plugins.core;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an ARFF file whose attributes are all nominal, enough for the example votes; the real reader is elsewhere. */
final class NominalArff {
    private NominalArff() {
    }

    static Table read(Path file) throws IOException {
        var names = new ArrayList<String>();
        var levels = new ArrayList<List<String>>();
        var rows = new ArrayList<String[]>();
        boolean data = false;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            if (data) {
                rows.add(line.split(","));
            } else if (line.toLowerCase().startsWith("@attribute")) {
                int open = line.indexOf('{');
                String name = line.substring("@attribute".length(), open).strip();
                names.add(unquote(name));
                var values = new ArrayList<String>();
                for (String v : line.substring(open + 1, line.lastIndexOf('}')).split(",")) {
                    values.add(unquote(v.strip()));
                }
                levels.add(values);
            } else if (line.toLowerCase().startsWith("@data")) {
                data = true;
            }
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < names.size(); j++) {
            int[] codes = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String cell = rows.get(i)[j].strip();
                codes[i] = cell.equals("?") ? CategoricalColumn.MISSING : levels.get(j).indexOf(unquote(cell));
                if (codes[i] == -1 && !cell.equals("?")) {
                    throw new IOException(file + ": '" + cell + "' is not a level of " + names.get(j));
                }
            }
            columns.add(NominalColumn.of(names.get(j), levels.get(j), codes));
        }
        return new Table(file.getFileName().toString(), columns);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
