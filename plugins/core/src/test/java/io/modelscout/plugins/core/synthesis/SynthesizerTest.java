package io.modelscout.plugins.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import io.modelscout.plugins.core.nn.Batches;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

final class SynthesizerTest {

    static Stream<ModelPlugin> plugins() {
        return Stream.of(new TvaePlugin(), new CtganPlugin());
    }

    static Generator fit(ModelPlugin plugin, Table table, long seed, Map<String, Object> overrides) throws Exception {
        var values = new HashMap<String, Object>(Map.of("hiddenWidth", 64, "embedding", 16));
        values.putAll(overrides);
        return (Generator) plugin.fit(new FitRequest(Goal.GENERATE, table, Optional.empty(),
                plugin.parameters().resolve(values), seed));
    }

    private static double[] numbers(Table t, String column) {
        return ((NumericColumn) t.column(column)).toArray();
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void samplesKeepTheSchemaAndAreReproducible(ModelPlugin plugin) throws Exception {
        Table table = TabularEncoderTest.mixed(300, 5);
        var model = fit(plugin, table, 11, Map.of("epochs", 5, "batchSize", 100));
        Table a = model.sample(150, 3);
        Table b = model.sample(150, 3);
        Table c = model.sample(150, 4);
        assertThat(a.rowCount()).isEqualTo(150);
        assertThat(a.columnNames()).isEqualTo(table.columnNames());
        for (int j = 0; j < table.columnCount(); j++) {
            Column original = table.column(j);
            Column drawn = a.column(j);
            assertThat(drawn.kind()).isEqualTo(original.kind());
            if (original instanceof CategoricalColumn cat) {
                assertThat(((CategoricalColumn) drawn).levels()).isEqualTo(cat.levels());
                assertThat(((CategoricalColumn) drawn).toCodes()).isEqualTo(((CategoricalColumn) b.column(j)).toCodes());
            } else {
                assertThat(numbers(a, original.name())).isEqualTo(numbers(b, original.name()));
            }
        }
        assertThat(Arrays.stream(numbers(a, "count")).boxed().toList()).allMatch(v -> v == Math.rint(v) && v >= 0 && v <= 13);
        assertThat(numbers(a, "constant")).containsOnly(7.25);
        assertThat(numbers(a, "absent")).containsOnly(Double.NaN);
        assertThat(numbers(a, "bimodal")).isNotEqualTo(numbers(c, "bimodal"));
        // the same seed gives the same model
        var again = fit(plugin, table, 11, Map.of("epochs", 5, "batchSize", 100));
        assertThat(numbers(again.sample(150, 3), "bimodal")).isEqualTo(numbers(a, "bimodal"));
        assertThat(model.trainingCurves()).isNotEmpty().allSatisfy((name, curve) -> {
            assertThat(curve).hasSize(5);
            assertThat(Arrays.stream(curve).boxed().toList()).allMatch(Double::isFinite);
        });
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void conditionalSamplesHaveOnlyTheAskedLevel(ModelPlugin plugin) throws Exception {
        Table table = TabularEncoderTest.mixed(300, 6);
        var model = fit(plugin, table, 12, Map.of("epochs", 5, "batchSize", 100));
        Table rows = model.sampleWhere(80, 7, "colour", "green");
        assertThat(rows.rowCount()).isEqualTo(80);
        assertThat(((CategoricalColumn) rows.column("colour")).toCodes()).containsOnly(1);
        assertThatThrownBy(() -> model.sampleWhere(5, 7, "colour", "purple")).hasMessageContaining("purple");
    }

    /** Two correlated standard normals (rho 0.8) and a nominal column: correlation and marginals come back. */
    @ParameterizedTest
    @MethodSource("plugins")
    void samplesFollowTheCorrelationAndMarginals(ModelPlugin plugin) throws Exception {
        int n = 2000;
        var random = new SplittableRandom(21);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Batches.gaussian(random);
            y[i] = 3 + 2 * (0.8 * x[i] + 0.6 * Batches.gaussian(random));
        }
        Table table = new Table("pair", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y)));
        var model = fit(plugin, table, 13, Map.of("epochs", plugin instanceof CtganPlugin ? 60 : 40));
        Table sample = model.sample(n, 5);
        double[] sx = numbers(sample, "x");
        double[] sy = numbers(sample, "y");
        assertThat(correlation(sx, sy)).isCloseTo(correlation(x, y), org.assertj.core.data.Offset.offset(0.15));
        assertThat(ks(x, sx)).isLessThan(0.15);
        assertThat(ks(y, sy)).isLessThan(0.15);
    }

    @Test
    void theGanKeepsARareCategory() throws Exception {
        int n = 1000;
        var random = new SplittableRandom(31);
        int[] codes = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i % 20 == 0 ? 1 : 0;
            v[i] = (codes[i] == 1 ? 4 : 0) + Batches.gaussian(random);
        }
        Table table = new Table("rare", List.of(NominalColumn.of("kind", List.of("common", "rare"), codes),
                NumericColumn.of("v", v)));
        var model = fit(new CtganPlugin(), table, 14, Map.of("epochs", 60));
        int[] drawn = ((CategoricalColumn) model.sample(2000, 9).column("kind")).counts();
        assertThat(drawn[1]).as("rare rows among 2000").isGreaterThanOrEqualTo(20);
        Table rare = model.sampleWhere(200, 10, "kind", "rare");
        assertThat(((CategoricalColumn) rare.column("kind")).toCodes()).containsOnly(1);
        // v averages 0 on common rows and 4 on rare ones: generated rare rows must lean clearly towards 4
        assertThat(mean(numbers(rare, "v"))).as("v given the rare level").isGreaterThan(1.5);
    }

    private static double mean(double[] a) {
        return Arrays.stream(a).average().orElseThrow();
    }

    static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
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

    /** The two-sample Kolmogorov-Smirnov statistic. */
    static double ks(double[] a, double[] b) {
        double[] sa = a.clone();
        double[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < sa.length && j < sb.length) {
            double v = Math.min(sa[i], sb[j]);
            while (i < sa.length && sa[i] <= v) {
                i++;
            }
            while (j < sb.length && sb[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) sa.length - j / (double) sb.length));
        }
        return d;
    }
}
