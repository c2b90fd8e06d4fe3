package io.modelscout.plugins.core;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import io.modelscout.plugins.core.synthesis.CtganPlugin;
import io.modelscout.plugins.core.synthesis.TvaePlugin;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Times the fit of the neural synthesizers with their default parameters on example tables: credit-g (1,000 x 21),
 * the first 10,000 rows of cal_housing (9 numeric columns) and of letter (16 numeric columns and a 26-level class).
 * Not a test: run its {@code main} with the test class path from {@code plugins/core}.
 */
final class SynthesisBenchmark {
    private SynthesisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var tables = Map.of(
                "credit-g", Arff.read("credit-g.arff"),
                "cal_housing[10k]", head(Arff.read("cal_housing.arff"), 10_000),
                "letter[10k]", head(Arff.read("letter.arff"), 10_000));
        String only = args.length > 0 ? args[0] : "";
        for (String name : new String[] {"credit-g", "cal_housing[10k]", "letter[10k]"}) {
            for (ModelPlugin plugin : new ModelPlugin[] {new TvaePlugin(), new CtganPlugin()}) {
                if (!only.isEmpty() && !(name + " " + plugin.id()).contains(only)) {
                    continue;
                }
                Table table = tables.get(name);
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                var model = (Generator) plugin.fit(new FitRequest(Goal.GENERATE, table, Optional.empty(),
                        plugin.parameters().defaults(), 42));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                long sampleStart = System.nanoTime();
                model.sample(table.rowCount(), 7);
                double sampleSeconds = (System.nanoTime() - sampleStart) / 1e9;
                System.out.printf("%-18s %-10s %5d x %2d  fit %6.1f s (cpu %6.1f s)  sample %5.2f s  %s%n", name,
                        plugin.id(), table.rowCount(), table.columnCount(), seconds, cpu, sampleSeconds, model.summary());
            }
        }
    }

    private static Table head(Table table, int rows) {
        return table.select(IntStream.range(0, Math.min(rows, table.rowCount())).toArray());
    }
}
