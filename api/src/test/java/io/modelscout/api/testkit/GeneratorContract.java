package io.modelscout.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicNode;

/**
 * The contract checks of goal generate, called by {@link PluginContract}. A synthesizer is fitted on a small seeded
 * table of mixed columns (continuous, integer counts, a constant number, a nominal column with a rare level, an
 * ordinal column, a nominal column with one level occurring of two declared, and a class) and must: keep the schema
 * (names, kinds, levels in order), give the rows asked for, keep integer columns whole and constant columns
 * constant, leave no cell missing, give the same rows for the same seed (also after fitting again with the same
 * seed) and other rows for another seed, condition on a level with {@code sampleWhere} (a common and a rare one)
 * and refuse an unknown level or column naming it, and report finite training curves.
 */
final class GeneratorContract {
    private static final long SEED = 20261125L;
    private static final int TRAIN = 300;
    private static final int DRAW = 200;

    private GeneratorContract() {
    }

    static List<DynamicNode> tests(ModelPlugin plugin, Goal goal) {
        if (goal != Goal.GENERATE) {
            return List.of();
        }
        var model = new Fitted(plugin);
        var tests = new ArrayList<DynamicNode>();
        tests.add(dynamicTest("generate: capabilities", () -> checkCapabilities(plugin)));
        tests.add(dynamicTest("generate: schema, rows, integers, constants, no missing cells",
                () -> checkSchema(plugin, model.get())));
        tests.add(dynamicTest("generate: same seed, same rows; another seed, other rows",
                () -> checkSeeds(plugin, model.get())));
        tests.add(dynamicTest("generate: sampleWhere keeps to the level asked for",
                () -> checkSampleWhere(plugin, model.get())));
        tests.add(dynamicTest("generate: training curves are finite", () -> checkCurves(plugin, model.get())));
        return tests;
    }

    /**
     * The seeded training table: 300 rows of continuous, integer, constant, nominal (with a rare level), ordinal,
     * single-level nominal and class columns, related through the class.
     *
     * @param seed the seed
     * @return the table
     */
    static Table table(long seed) {
        var random = new SplittableRandom(seed);
        double[] age = new double[TRAIN];
        double[] visits = new double[TRAIN];
        double[] version = new double[TRAIN];
        int[] colour = new int[TRAIN];
        int[] size = new int[TRAIN];
        int[] site = new int[TRAIN];
        int[] label = new int[TRAIN];
        for (int i = 0; i < TRAIN; i++) {
            int k = random.nextInt(3);
            label[i] = k;
            age[i] = 30 + 8 * k + 5 * random.nextGaussian();
            visits[i] = Math.floor(Math.exp(1 + 0.5 * k + 0.4 * random.nextGaussian()));
            version[i] = 3.0;
            double u = random.nextDouble();
            colour[i] = u < 0.04 ? 3 : random.nextDouble() < 0.6 ? k : random.nextInt(3);
            size[i] = Math.min(2, Math.max(0, k + (random.nextDouble() < 0.3 ? random.nextInt(3) - 1 : 0)));
            site[i] = 0;
        }
        colour[7] = 3; // the rare level occurs whatever the seed
        List<Column> columns = List.of(
                NumericColumn.of("age", age),
                NumericColumn.of("visits", visits),
                NumericColumn.of("version", version),
                NominalColumn.of("colour", List.of("red", "green", "blue", "violet"), colour),
                OrdinalColumn.of("size", List.of("small", "medium", "large"), size),
                NominalColumn.of("site", List.of("main", "other"), site),
                NominalColumn.of("class", List.of("a", "b", "c"), label));
        return new Table("contract-synthesis", columns);
    }

    private static Generator fit(ModelPlugin plugin, long seed) throws Exception {
        Table train = table(SEED);
        FittedModel model = plugin.fit(new FitRequest(Goal.GENERATE, train, Optional.empty(),
                plugin.parameters().defaults(), seed));
        assertThat(model).as("%s returns a generator", plugin.id()).isInstanceOf(Generator.class);
        return (Generator) model;
    }

    /** Fits once, on first use, for the checks that only read the model. */
    private static final class Fitted {
        private final ModelPlugin plugin;
        private Generator model;

        Fitted(ModelPlugin plugin) {
            this.plugin = plugin;
        }

        synchronized Generator get() throws Exception {
            if (model == null) {
                model = fit(plugin, SEED);
            }
            return model;
        }
    }

    private static void checkCapabilities(ModelPlugin plugin) {
        assertThat(plugin.capabilities()).as("%s: a synthesizer samples new data and takes nominal columns", plugin.id())
                .contains(Capability.SAMPLES_NEW_DATA, Capability.NOMINAL_FEATURES);
    }

    /**
     * Checks that a synthetic table keeps the training schema and its integer, constant and complete columns.
     *
     * @param plugin the plugin, for messages
     * @param train the training table
     * @param synthetic the synthetic rows
     * @param rows the rows asked for
     */
    static void checkTable(ModelPlugin plugin, Table train, Table synthetic, int rows) {
        assertThat(synthetic.rowCount()).as("%s: rows drawn", plugin.id()).isEqualTo(rows);
        assertThat(synthetic.columnNames()).as("%s: column names in order", plugin.id())
                .containsExactlyElementsOf(train.columnNames());
        for (int j = 0; j < train.columnCount(); j++) {
            Column real = train.column(j);
            Column fake = synthetic.column(j);
            assertThat(fake.kind()).as("%s: kind of column '%s'", plugin.id(), real.name()).isEqualTo(real.kind());
            assertThat(fake.missingCount()).as("%s: missing cells of column '%s'", plugin.id(), real.name()).isZero();
            if (real instanceof CategoricalColumn categorical) {
                assertThat(((CategoricalColumn) fake).levels()).as("%s: levels of '%s' in order", plugin.id(),
                        real.name()).containsExactlyElementsOf(categorical.levels());
            } else {
                NumericColumn numeric = (NumericColumn) fake;
                for (int i = 0; i < numeric.size(); i++) {
                    assertThat(Double.isFinite(numeric.value(i))).as("%s: value %d of '%s' is finite", plugin.id(), i,
                            real.name()).isTrue();
                }
            }
        }
        var visits = (NumericColumn) synthetic.column("visits");
        for (int i = 0; i < visits.size(); i++) {
            assertThat(visits.value(i)).as("%s: the integer column 'visits' stays whole (row %d)", plugin.id(), i)
                    .isEqualTo(Math.rint(visits.value(i)));
        }
        var version = (NumericColumn) synthetic.column("version");
        for (int i = 0; i < version.size(); i++) {
            assertThat(version.value(i)).as("%s: the constant column 'version' stays constant (row %d)", plugin.id(),
                    i).isEqualTo(3.0);
        }
        var site = (CategoricalColumn) synthetic.column("site");
        for (int i = 0; i < site.size(); i++) {
            assertThat(site.label(i)).as("%s: the single-level column 'site' keeps its level (row %d)", plugin.id(), i)
                    .isEqualTo("main");
        }
    }

    private static void checkSchema(ModelPlugin plugin, Generator model) {
        Table train = table(SEED);
        Table synthetic = model.sample(DRAW, 1);
        checkTable(plugin, train, synthetic, DRAW);
        assertThat(((CategoricalColumn) synthetic.column("size")).ordered())
                .as("%s: the ordinal column stays ordinal", plugin.id()).isTrue();
        checkTable(plugin, train, model.sample(1, 2), 1);
    }

    private static void checkSeeds(ModelPlugin plugin, Generator model) throws Exception {
        Table first = model.sample(DRAW, 11);
        assertThat(cells(model.sample(DRAW, 11))).as("%s: the same seed gives the same rows", plugin.id())
                .isEqualTo(cells(first));
        assertThat(cells(fit(plugin, SEED).sample(DRAW, 11)))
                .as("%s: a model fitted again with the same seed gives the same rows", plugin.id())
                .isEqualTo(cells(first));
        assertThat(cells(model.sample(DRAW, 12))).as("%s: another seed gives other rows", plugin.id())
                .isNotEqualTo(cells(first));
    }

    private static void checkSampleWhere(ModelPlugin plugin, Generator model) {
        Table train = table(SEED);
        for (String[] ask : List.of(new String[] {"class", "b"}, new String[] {"colour", "violet"})) {
            Table rows = model.sampleWhere(50, 5, ask[0], ask[1]);
            checkTable(plugin, train, rows, 50);
            var column = (CategoricalColumn) rows.column(ask[0]);
            for (int i = 0; i < column.size(); i++) {
                assertThat(column.label(i)).as("%s: sampleWhere %s = %s, row %d", plugin.id(), ask[0], ask[1], i)
                        .isEqualTo(ask[1]);
            }
            assertThat(cells(model.sampleWhere(50, 5, ask[0], ask[1])))
                    .as("%s: sampleWhere with the same seed gives the same rows", plugin.id()).isEqualTo(cells(rows));
        }
        assertThatThrownBy(() -> model.sampleWhere(10, 5, "class", "no-such-level"))
                .as("%s: sampleWhere on an unknown level", plugin.id())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-level");
        assertThatThrownBy(() -> model.sampleWhere(10, 5, "no-such-column", "b"))
                .as("%s: sampleWhere on an unknown column", plugin.id())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-column");
    }

    private static void checkCurves(ModelPlugin plugin, Generator model) {
        Map<String, double[]> curves = model.trainingCurves();
        assertThat(curves).as("%s: training curves", plugin.id()).isNotNull();
        curves.forEach((name, values) -> {
            assertThat(name).as("%s: curve name", plugin.id()).isNotBlank();
            for (int i = 0; i < values.length; i++) {
                assertThat(Double.isFinite(values[i])).as("%s: curve '%s' at %d is finite", plugin.id(), name, i)
                        .isTrue();
            }
        });
    }

    /** Every cell as text (a number's exact bits, a level's name), row by row, for comparing whole tables. */
    private static List<String> cells(Table table) {
        var out = new ArrayList<String>();
        for (Column column : table.columns()) {
            var cells = new StringBuilder(column.name()).append(':');
            for (int i = 0; i < column.size(); i++) {
                cells.append(switch (column) {
                    case NumericColumn numeric -> Double.toHexString(numeric.value(i));
                    case CategoricalColumn categorical -> categorical.label(i);
                }).append(',');
            }
            out.add(cells.toString());
        }
        return out;
    }
}
