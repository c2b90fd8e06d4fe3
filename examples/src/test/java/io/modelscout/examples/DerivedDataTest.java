package io.modelscout.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The example data derived from the original files of {@code examples/data}, re-derived by their recipes and compared
 * with the committed files. Run with {@code -Dderive.write=true} to write them instead.
 */
final class DerivedDataTest {
    private static final Path DATA = Path.of("../examples/data");
    /** The share of anomalies in the derived anomaly sets. */
    private static final double RARE_SHARE = 0.05;
    /** The seed of every down-sampling. */
    private static final long SEED = 20_240_601L;
    /** The classes of the synthetic control charts, in the order of their blocks of 100 rows (UCI documentation). */
    private static final List<String> CONTROL_CLASSES = List.of("normal", "cyclic", "increasing", "decreasing",
            "upward-shift", "downward-shift");

    /**
     * WDBC with the malignant cases down-sampled to 5 %: every benign row, and {@code round(357 * 5 / 95) = 19}
     * malignant rows drawn by {@code Collections.shuffle(rows, new Random(SEED))}, all in their original order.
     */
    static String wdbc() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("breastcancer-wdbc.csv"), StandardCharsets.UTF_8);
        var benign = new ArrayList<Integer>();
        var malignant = new ArrayList<Integer>();
        for (int i = 1; i < lines.size(); i++) {
            String diagnosis = lines.get(i).split(",", -1)[1];
            (diagnosis.equals("M") ? malignant : benign).add(i);
        }
        int keep = (int) Math.round(benign.size() * RARE_SHARE / (1 - RARE_SHARE));
        Collections.shuffle(malignant, new Random(SEED));
        var rows = new TreeSet<>(benign);
        rows.addAll(malignant.subList(0, keep));
        var out = new StringBuilder(lines.getFirst()).append('\n');
        rows.forEach(i -> out.append(lines.get(i)).append('\n'));
        return out.toString();
    }

    /**
     * Pen digits with the digit 0 made rare: the first 200 rows of each digit 1 to 9 in file order (1,800 rows), and
     * {@code round(1800 * 5 / 95) = 95} rows of digit 0 drawn by {@code Collections.shuffle(rows, new Random(SEED))};
     * rows in their original order, written as CSV with a header {@code x1..x16,digit}.
     */
    static String pendigits() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("pendigits.txt"), StandardCharsets.UTF_8);
        int[] taken = new int[10];
        var zeros = new ArrayList<Integer>();
        var rows = new TreeSet<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).strip().split("\\s+");
            int digit = Integer.parseInt(cells[16]);
            if (digit == 0) {
                zeros.add(i);
            } else if (taken[digit] < 200) {
                taken[digit]++;
                rows.add(i);
            }
        }
        int keep = (int) Math.round(rows.size() * RARE_SHARE / (1 - RARE_SHARE));
        Collections.shuffle(zeros, new Random(SEED));
        rows.addAll(zeros.subList(0, keep));
        var out = new StringBuilder();
        for (int j = 1; j <= 16; j++) {
            out.append('x').append(j).append(',');
        }
        out.append("digit\n");
        rows.forEach(i -> out.append(String.join(",", lines.get(i).strip().split("\\s+"))).append('\n'));
        return out.toString();
    }

    /**
     * The synthetic control charts as CSV: columns {@code t1..t60} as in the file, and the class of each row's block
     * of 100 (normal, cyclic, increasing, decreasing, upward-shift, downward-shift) in a last column {@code class}.
     */
    static String syntheticControl() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("synthetic_control.data"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList();
        var out = new StringBuilder();
        for (int j = 1; j <= 60; j++) {
            out.append('t').append(j).append(',');
        }
        out.append("class\n");
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.join(",", lines.get(i).strip().split("\\s+"))).append(',')
                    .append(CONTROL_CLASSES.get(i / 100)).append('\n');
        }
        return out.toString();
    }

    @Test
    void committedFilesFollowTheirRecipes() throws IOException {
        var derived = List.of(
                new String[] {"wdbc-anomalies.csv", wdbc()},
                new String[] {"pendigits-anomalies.csv", pendigits()},
                new String[] {"synthetic-control.csv", syntheticControl()});
        for (String[] file : derived) {
            Path path = DATA.resolve(file[0]);
            if (Boolean.getBoolean("derive.write")) {
                Files.writeString(path, file[1], StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(path, StandardCharsets.UTF_8)).as(file[0]).isEqualTo(file[1]);
        }
    }

    @Test
    void anomaliesAreFivePercent() throws IOException {
        long malignant = wdbc().lines().skip(1).filter(l -> l.split(",")[1].equals("M")).count();
        long rows = wdbc().lines().skip(1).count();
        assertThat(malignant).isEqualTo(19);
        assertThat(malignant / (double) rows).isBetween(0.045, 0.055);
        long zeros = pendigits().lines().skip(1).filter(l -> l.endsWith(",0")).count();
        assertThat(zeros / (double) pendigits().lines().skip(1).count()).isBetween(0.045, 0.055);
    }
}
