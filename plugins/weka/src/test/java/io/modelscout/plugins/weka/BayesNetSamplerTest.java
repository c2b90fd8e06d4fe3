package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class BayesNetSamplerTest {
    private static final int ROWS = 2000;

    @TestFactory
    List<DynamicNode> contract() {
        Set<ModelPlugin> plugins = Guice.createInjector(new WekaSynthesisModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        assertThat(plugins).extracting(ModelPlugin::id).containsExactly(BayesNetSamplerPlugin.ID);
        return PluginContract.of(plugins);
    }

    /** b copies a nine times in ten; c is noise; x follows a; whole-number counts follow b. */
    private static Table dependent(long seed) {
        var random = new SplittableRandom(seed);
        int[] a = new int[ROWS];
        int[] b = new int[ROWS];
        int[] c = new int[ROWS];
        double[] x = new double[ROWS];
        double[] count = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            a[i] = random.nextInt(4);
            b[i] = random.nextDouble() < 0.9 ? a[i] : random.nextInt(4);
            c[i] = random.nextInt(3);
            x[i] = 3.0 * a[i] + random.nextGaussian();
            count[i] = b[i] + random.nextInt(2);
        }
        var levels = List.of("p", "q", "r", "s");
        return new Table("dependent", List.of(NominalColumn.of("c", List.of("u", "v", "w"), c),
                NominalColumn.of("a", levels, a), NumericColumn.of("x", x), NumericColumn.of("count", count),
                NominalColumn.of("b", levels, b)));
    }

    @Test
    void keepsAStrongNominalDependenceAndANumberThatFollowsALevel() throws Exception {
        Table train = dependent(8);
        for (String search : List.of("hill-climber", "k2")) {
            var plugin = new BayesNetSamplerPlugin();
            var model = (Generator) plugin.fit(new FitRequest(Goal.GENERATE, train, Optional.empty(),
                    plugin.parameters().resolve(Map.of("search", search)), 1));
            Table synthetic = model.sample(ROWS, 4);
            assertThat(agreement(synthetic)).as("%s: share of rows with a = b (real %.3f)", search, agreement(train))
                    .isCloseTo(agreement(train), offset(0.05));
            for (String level : List.of("p", "s")) {
                assertThat(meanWhere(synthetic, "a", level, "x")).as("%s: mean of x where a = %s", search, level)
                        .isCloseTo(meanWhere(train, "a", level, "x"), offset(0.5));
            }
            var count = (NumericColumn) synthetic.column("count");
            for (int i = 0; i < count.size(); i++) {
                assertThat(count.value(i)).isBetween(0.0, 4.0).isEqualTo(Math.rint(count.value(i)));
            }
        }
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

    private static double meanWhere(Table table, String column, String level, String numeric) {
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
}
