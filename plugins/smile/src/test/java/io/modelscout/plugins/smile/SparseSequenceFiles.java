package io.modelscout.plugins.smile;

import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Sequences;
import io.modelscout.api.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the sparse sequence files of the examples (header {@code sequences labels features}, then per position
 * {@code seqId pos nActive f1..fn label}) into the shape the framework gives plugins: numeric 0/1 columns
 * {@code f0..f{F-1}} and a nominal per-position label.
 */
final class SparseSequenceFiles {
    static final Path DATA = Path.of("../../examples/data");

    private SparseSequenceFiles() {
    }

    static Sequences read(String file) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(file));
        String[] header = lines.getFirst().trim().split("\\s+");
        int labels = Integer.parseInt(header[1]);
        int features = Integer.parseInt(header[2]);
        var active = new ArrayList<int[]>();
        var label = new ArrayList<Integer>();
        var offsets = new ArrayList<Integer>();
        String previous = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (!f[0].equals(previous)) {
                offsets.add(label.size());
                previous = f[0];
            }
            int n = Integer.parseInt(f[2]);
            int[] on = new int[n];
            for (int j = 0; j < n; j++) {
                on[j] = Integer.parseInt(f[3 + j]);
            }
            active.add(on);
            label.add(Integer.parseInt(f[3 + n]));
        }
        offsets.add(label.size());
        double[][] values = new double[features][label.size()];
        for (int i = 0; i < active.size(); i++) {
            for (int f : active.get(i)) {
                values[f][i] = 1;
            }
        }
        var columns = new ArrayList<Column>();
        for (int f = 0; f < features; f++) {
            columns.add(NumericColumn.of("f" + f, values[f]));
        }
        var levels = new ArrayList<String>();
        for (int l = 0; l < labels; l++) {
            levels.add(String.valueOf(l));
        }
        return new Sequences(new Table(file, columns), offsets.stream().mapToInt(Integer::intValue).toArray(),
                Optional.of(NominalColumn.of("label", levels, label.stream().mapToInt(Integer::intValue).toArray())),
                Optional.empty());
    }
}
