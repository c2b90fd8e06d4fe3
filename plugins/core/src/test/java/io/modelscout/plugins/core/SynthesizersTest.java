package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import io.modelscout.plugins.core.synth.ChowLiuTree;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class SynthesizersTest {
    private static final int ROWS = 2000;

    private static Generator fit(ModelPlugin plugin, Table table, Map<String, ?> parameters) throws Exception {
        return (Generator) plugin.fit(new FitRequest(Goal.GENERATE, table, Optional.empty(),
                plugin.parameters().resolve(parameters), 3));
    }

    /** x normal, y = exp of a normal correlated 0.7 with x: Spearman's rho is (6 / pi) asin(0.35). */
    private static Table correlated(long seed) {
        var random = new SplittableRandom(seed);
        double[] x = new double[ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double a = random.nextGaussian();
            double b = 0.7 * a + Math.sqrt(1 - 0.49) * random.nextGaussian();
            x[i] = a;
            y[i] = Math.exp(b);
        }
        return new Table("correlated", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y)));
    }

    @Test
    void copulaReproducesAKnownRankCorrelationThatMarginalsLose() throws Exception {
        double truth = 6 / Math.PI * Math.asin(0.35);
        Table synthetic = fit(new GaussianCopulaPlugin(), correlated(1), Map.of()).sample(ROWS, 9);
        assertThat(spearman(synthetic, "x", "y")).as("copula rank correlation").isCloseTo(truth, offset(0.1));
        Table independent = fit(new MarginalSamplerPlugin(), correlated(1), Map.of()).sample(ROWS, 9);
        assertThat(Math.abs(spearman(independent, "x", "y"))).as("independent marginals lose it").isLessThan(0.1);
    }

    @Test
    void copulaConditionsOnANominalLevel() throws Exception {
        var random = new SplittableRandom(4);
        double[] x = new double[ROWS];
        int[] group = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            group[i] = random.nextDouble() < 0.8 ? 0 : 1;
            x[i] = 4.0 * group[i] + random.nextGaussian();
        }
        var table = new Table("groups", List.of(NumericColumn.of("x", x),
                NominalColumn.of("group", List.of("common", "rare"), group)));
        var model = fit(new GaussianCopulaPlugin(), table, Map.of());
        Table rare = model.sampleWhere(2000, 1, "group", "rare");
        assertThat(share(rare, "group", "rare")).isEqualTo(1.0);
        // exact conditioning draws from the same distribution as keeping the matching rows of plain draws
        Table plain = model.sample(20_000, 2);
        double rejected = conditionalMean(plain, "group", "rare", "x");
        assertThat(mean((NumericColumn) rare.column("x"))).as("mean of x given rare, against rejection (%.3f)", rejected)
                .isCloseTo(rejected, offset(0.15));
        assertThat(mean((NumericColumn) model.sampleWhere(2000, 1, "group", "common").column("x")))
                .as("mean of x given common").isCloseTo(conditionalMean(plain, "group", "common", "x"), offset(0.15));
        assertThat(rejected - conditionalMean(plain, "group", "common", "x")).as("the copula keeps the groups apart")
                .isGreaterThan(1.0);
    }

    private static double conditionalMean(Table table, String column, String level, String numeric) {
        var categorical = (CategoricalColumn) table.column(column);
        var values = (NumericColumn) table.column(numeric);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (level.equals(categorical.label(i))) {
                sum += values.value(i);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void marginalsAreSmoothedNotCopied() throws Exception {
        Table train = correlated(2);
        Table synthetic = fit(new MarginalSamplerPlugin(), train, Map.of()).sample(ROWS, 1);
        var seen = new HashSet<Double>();
        for (double v : ((NumericColumn) train.column("y")).toArray()) {
            seen.add(v);
        }
        double[] fake = ((NumericColumn) synthetic.column("y")).toArray();
        long copies = Arrays.stream(fake).filter(seen::contains).count();
        assertThat(copies).as("synthetic values equal to a training value").isLessThan(ROWS / 100);
        double[] real = ((NumericColumn) train.column("y")).toArray();
        assertThat(Arrays.stream(fake).min().orElseThrow()).isGreaterThanOrEqualTo(Arrays.stream(real).min().orElseThrow());
        assertThat(Arrays.stream(fake).max().orElseThrow()).isLessThanOrEqualTo(Arrays.stream(real).max().orElseThrow());
        assertThat(median(fake)).as("median of the synthetic column").isCloseTo(median(real), offset(0.1));
    }

    /** Three classes with means 0, 5 and 10 of x and 10, 0, -10 of z, and a nominal column that follows the class. */
    private static Table classes(long seed) {
        var random = new SplittableRandom(seed);
        double[] x = new double[ROWS];
        double[] z = new double[ROWS];
        int[] colour = new int[ROWS];
        int[] label = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            int k = random.nextDouble() < 0.5 ? 0 : random.nextDouble() < 0.6 ? 1 : 2;
            label[i] = k;
            x[i] = 5.0 * k + random.nextGaussian();
            z[i] = 10 - 10.0 * k + 2 * random.nextGaussian();
            colour[i] = random.nextDouble() < 0.8 ? k : random.nextInt(3);
        }
        return new Table("classes", List.of(NominalColumn.of("colour", List.of("red", "green", "blue"), colour),
                NumericColumn.of("x", x), NumericColumn.of("z", z),
                NominalColumn.of("class", List.of("a", "b", "c"), label)));
    }

    @Test
    void naiveBayesSamplerReproducesClassConditionalMeans() throws Exception {
        Table train = classes(5);
        for (String numeric : List.of("empirical", "gaussian")) {
            Table synthetic = fit(new NaiveBayesSamplerPlugin(), train, Map.of("numeric", numeric)).sample(ROWS, 2);
            for (String level : List.of("a", "b", "c")) {
                for (String column : List.of("x", "z")) {
                    assertThat(classMean(synthetic, column, level)).as("%s: mean of %s in class %s", numeric, column, level)
                            .isCloseTo(classMean(train, column, level), offset(0.5));
                }
                assertThat(share(synthetic, "class", level)).as("%s: share of class %s", numeric, level)
                        .isCloseTo(share(train, "class", level), offset(0.04));
            }
        }
    }

    @Test
    void naiveBayesSamplerConditionsOnTheClassAndOnOtherLevels() throws Exception {
        Table train = classes(6);
        var model = fit(new NaiveBayesSamplerPlugin(), train, Map.of());
        Table c = model.sampleWhere(500, 1, "class", "c");
        assertThat(mean((NumericColumn) c.column("x"))).as("x given class c").isCloseTo(classMean(train, "x", "c"), offset(0.5));
        // the class of a blue row is mostly c: its x is drawn given that posterior
        Table blue = model.sampleWhere(1000, 1, "colour", "blue");
        assertThat(share(blue, "colour", "blue")).isEqualTo(1.0);
        assertThat(share(blue, "class", "c")).as("posterior share of class c among blue rows").isGreaterThan(0.6);
    }

    @Test
    void naiveBayesSamplerTakesTheNamedClassColumnOrTheLastNominalOne() throws Exception {
        Table train = classes(7);
        var byDefault = fit(new NaiveBayesSamplerPlugin(), train, Map.of());
        assertThat(byDefault.summary()).contains("'class'");
        var byColour = fit(new NaiveBayesSamplerPlugin(), train, Map.of("classColumn", "colour"));
        assertThat(byColour.summary()).contains("'colour'");
        assertThatThrownBy(() -> fit(new NaiveBayesSamplerPlugin(), train, Map.of("classColumn", "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classColumn").hasMessageContaining("'nope'");
        var byNumber = fit(new NaiveBayesSamplerPlugin(), train, Map.of("classColumn", "x"));
        assertThat(byNumber.summary()).contains("'x' in 5 quantile bins");
    }

    @Test
    void naiveBayesSamplerBinsANumericClassOfAnAllNumericTable() throws Exception {
        Table train = correlated(3);
        var model = fit(new NaiveBayesSamplerPlugin(), train, Map.of());
        assertThat(model.summary()).contains("'y' in 5 quantile bins");
        Table synthetic = model.sample(ROWS, 1);
        // x is drawn given the bin of y: most of the rank correlation survives five bins
        assertThat(spearman(synthetic, "x", "y")).as("rank correlation through the bins (truth %.3f)",
                spearman(train, "x", "y")).isBetween(0.45, 0.75);
    }

    /** b copies a nine times in ten; c is noise; x follows a. */
    private static Table dependent(long seed) {
        var random = new SplittableRandom(seed);
        int[] a = new int[ROWS];
        int[] b = new int[ROWS];
        int[] c = new int[ROWS];
        double[] x = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            a[i] = random.nextInt(4);
            b[i] = random.nextDouble() < 0.9 ? a[i] : random.nextInt(4);
            c[i] = random.nextInt(3);
            x[i] = 3.0 * a[i] + random.nextGaussian();
        }
        var levels = List.of("p", "q", "r", "s");
        return new Table("dependent", List.of(NominalColumn.of("c", List.of("u", "v", "w"), c),
                NominalColumn.of("a", levels, a), NumericColumn.of("x", x), NominalColumn.of("b", levels, b)));
    }

    @Test
    void bayesNetKeepsAStrongNominalDependenceThatMarginalsLose() throws Exception {
        Table train = dependent(8);
        double real = agreement(train);
        var model = fit(new BayesNetSamplerPlugin(), train, Map.of());
        assertThat(((ChowLiuTree) model).edges()).as("the tree links a and b")
                .anyMatch(e -> Set.of(e[0], e[1]).equals(Set.of("a", "b")));
        assertThat(agreement(model.sample(ROWS, 4))).as("share of rows with a = b (real %.3f)", real)
                .isCloseTo(real, offset(0.05));
        assertThat(agreement(fit(new MarginalSamplerPlugin(), train, Map.of()).sample(ROWS, 4)))
                .as("independent marginals").isLessThan(0.4);
        // conditioned on b, a leaf or the root depending on the tree: a still mostly equals b
        Table given = model.sampleWhere(1000, 2, "b", "r");
        assertThat(share(given, "b", "r")).isEqualTo(1.0);
        assertThat(share(given, "a", "r")).as("share of a = r given b = r").isGreaterThan(0.85);
        assertThat(classMean(given, "x", "r")).as("x follows a through the tree").isCloseTo(6.0, offset(0.7));
        Table plain = model.sample(20_000, 3);
        for (String column : List.of("c", "a")) {
            Table byRejection = plain.select(rowsWhere(plain, "b", "r"));
            for (String level : List.of("p", "r", "u")) {
                if (((CategoricalColumn) plain.column(column)).levels().contains(level)) {
                    assertThat(share(given, column, level)).as("share of %s = %s given b = r, against rejection", column, level)
                            .isCloseTo(share(byRejection, column, level), offset(0.05));
                }
            }
        }
    }

    private static int[] rowsWhere(Table table, String column, String level) {
        var categorical = (CategoricalColumn) table.column(column);
        return IntStream.range(0, table.rowCount()).filter(i -> level.equals(categorical.label(i))).toArray();
    }

    private static double agreement(Table table) {
        var a = (CategoricalColumn) table.column("a");
        var b = (CategoricalColumn) table.column("b");
        int same = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (a.code(i) == b.code(i)) {
                same++;
            }
        }
        return same / (double) table.rowCount();
    }

    private static double share(Table table, String column, String level) {
        var categorical = (CategoricalColumn) table.column(column);
        return Arrays.stream(categorical.toCodes()).filter(c -> c == categorical.levels().indexOf(level)).count()
                / (double) table.rowCount();
    }

    private static double classMean(Table table, String column, String level) {
        var categorical = (CategoricalColumn) table.column(table.columnNames().contains("class") ? "class" : "a");
        var numeric = (NumericColumn) table.column(column);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (level.equals(categorical.label(i))) {
                sum += numeric.value(i);
                n++;
            }
        }
        return sum / n;
    }

    private static double mean(NumericColumn column) {
        return Arrays.stream(column.toArray()).average().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double spearman(Table table, String first, String second) {
        double[] a = ranks(((NumericColumn) table.column(first)).toArray());
        double[] b = ranks(((NumericColumn) table.column(second)).toArray());
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; ) {
            int s = r;
            while (s + 1 < order.length && values[order[s + 1]] == values[order[r]]) {
                s++;
            }
            for (int t = r; t <= s; t++) {
                ranks[order[t]] = (r + s) / 2.0;
            }
            r = s + 1;
        }
        return ranks;
    }

}
