package io.modelscout.plugins.smile;

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

final class GmmSamplerTest {

    @TestFactory
    List<DynamicNode> contract() {
        Set<ModelPlugin> plugins = Guice.createInjector(new SmileSynthesisModule())
                .getInstance(Key.get(new TypeLiteral<Set<ModelPlugin>>() { }));
        assertThat(plugins).extracting(ModelPlugin::id).contains(GmmSamplerPlugin.ID);
        return PluginContract.of(new GmmSamplerPlugin());
    }

    /** Two clusters of rows: a nominal column names the cluster nine times in ten; y follows x within each. */
    private static Table clusters(long seed) {
        int n = 1000;
        var random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] count = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextDouble() < 0.6 ? 0 : 1;
            double a = random.nextGaussian();
            x[i] = 6.0 * k + a;
            y[i] = (k == 0 ? 1 : -1) * 0.8 * a + 0.6 * random.nextGaussian() + 3.0 * k;
            count[i] = Math.floor(2 + 3 * k + random.nextDouble() * 2);
            group[i] = random.nextDouble() < 0.9 ? k : 1 - k;
        }
        return new Table("clusters", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                NumericColumn.of("count", count), NominalColumn.of("group", List.of("left", "right"), group)));
    }

    @Test
    void keepsClustersTheirLevelsAndTheTrendWithinEach() throws Exception {
        Table train = clusters(3);
        var plugin = new GmmSamplerPlugin();
        var model = (Generator) plugin.fit(new FitRequest(Goal.GENERATE, train, Optional.empty(),
                plugin.parameters().resolve(Map.of("maxComponents", 4)), 5));
        assertThat(model.summary()).doesNotContain("of 1 components");
        Table synthetic = model.sample(3000, 8);
        for (boolean right : List.of(false, true)) {
            assertThat(agreement(synthetic, right)).as("share of %s-cluster rows labelled as such", right ? "right" : "left")
                    .isCloseTo(agreement(train, right), offset(0.06));
            assertThat(correlation(synthetic, right)).as("correlation of x and y within the cluster")
                    .isCloseTo(correlation(train, right), offset(0.15));
        }
        var count = (NumericColumn) synthetic.column("count");
        for (int i = 0; i < count.size(); i++) {
            assertThat(count.value(i)).isBetween(2.0, 6.0).isEqualTo(Math.rint(count.value(i)));
        }
    }

    private static double agreement(Table table, boolean right) {
        var x = (NumericColumn) table.column("x");
        var group = (CategoricalColumn) table.column("group");
        int n = 0;
        int same = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if ((x.value(i) > 3) == right) {
                n++;
                same += group.code(i) == (right ? 1 : 0) ? 1 : 0;
            }
        }
        return same / (double) n;
    }

    private static double correlation(Table table, boolean right) {
        var x = (NumericColumn) table.column("x");
        var y = (NumericColumn) table.column("y");
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if ((x.value(i) > 3) == right) {
                double a = x.value(i);
                double b = y.value(i);
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
                n++;
            }
        }
        double cov = sxy / n - sx / n * sy / n;
        return cov / Math.sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    }
}
