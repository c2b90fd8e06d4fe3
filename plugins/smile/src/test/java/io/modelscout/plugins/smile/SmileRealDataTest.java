package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.Capability;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.Regressor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Smile plugin, on two classic data sets per goal (iris and Pima diabetes; CPU performance and Boston
 * housing), with a quick 3-fold split: it must beat the constant baseline fitted on the same training rows, the
 * majority class for accuracy and the training mean for the root mean squared error. Numeric features are
 * standardised on the training rows for plugins that declare {@link Capability#NEEDS_SCALING}, as the framework
 * does; the ensembles are given fewer trees to keep the test quick.
 */
final class SmileRealDataTest {
    private static final int FOLDS = 3;
    private static final long SEED = 20261125L;
    private static final Map<String, Map<String, Object>> QUICK = Map.of(
            "smile.random-forest", Map.of("trees", 100),
            "smile.gradient-boosting", Map.of("ntrees", 100));

    static Stream<Arguments> classification() {
        var plugins = List.of(new LogisticRegressionPlugin(), new RandomForestPlugin(), new KnnPlugin(),
                new DecisionTreePlugin(), new GradientBoostingPlugin(), new SvmPlugin(), new NaiveBayesPlugin(),
                new LdaPlugin(), new QdaPlugin(), new GaussianMixturePlugin(), new MlpPlugin(), new LinearSvmPlugin());
        return plugins.stream().flatMap(p -> Stream.of(Arguments.of(p, "iris.arff"), Arguments.of(p, "diabetes.arff")));
    }

    static Stream<Arguments> regression() {
        var plugins = List.of(new RandomForestPlugin(), new GradientBoostingPlugin(), new DecisionTreePlugin(),
                new OlsPlugin(), new RidgePlugin(), new LassoPlugin(), new KnnPlugin(), new SvrPlugin(),
                new MlpPlugin());
        return plugins.stream().flatMap(p -> Stream.of(Arguments.of(p, "cpu.arff"), Arguments.of(p, "housing.arff")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("classification")
    void beatsTheMajorityClass(ModelPlugin plugin, String file) throws Exception {
        Table data = read(file);
        String target = data.columnNames().getLast();
        int correct = 0;
        int majorityCorrect = 0;
        for (int[][] fold : folds(data.rowCount())) {
            Table train = data.select(fold[0]);
            Table test = data.select(fold[1]);
            var truth = (CategoricalColumn) test.column(target);
            int majority = majority((CategoricalColumn) train.column(target));
            var model = (Classifier) plugin.fit(request(plugin, Goal.CLASSIFY, train, target));
            int[] labels = model.predict(features(plugin, train, test, target)).labels();
            for (int i = 0; i < labels.length; i++) {
                correct += labels[i] == truth.code(i) ? 1 : 0;
                majorityCorrect += majority == truth.code(i) ? 1 : 0;
            }
        }
        double accuracy = correct / (double) data.rowCount();
        double baseline = majorityCorrect / (double) data.rowCount();
        System.out.printf("%s on %s: accuracy %.3f, majority class %.3f%n", plugin.id(), file, accuracy, baseline);
        assertThat(accuracy).as("%s accuracy on %s against the majority class", plugin.id(), file)
                .isGreaterThan(baseline + 0.02);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("regression")
    void beatsTheMean(ModelPlugin plugin, String file) throws Exception {
        Table data = read(file);
        String target = data.columnNames().getLast();
        double squared = 0;
        double meanSquared = 0;
        for (int[][] fold : folds(data.rowCount())) {
            Table train = data.select(fold[0]);
            Table test = data.select(fold[1]);
            var truth = (NumericColumn) test.column(target);
            double mean = mean((NumericColumn) train.column(target));
            var model = (Regressor) plugin.fit(request(plugin, Goal.REGRESS, train, target));
            double[] predicted = model.predict(features(plugin, train, test, target));
            for (int i = 0; i < predicted.length; i++) {
                squared += Math.pow(truth.value(i) - predicted[i], 2);
                meanSquared += Math.pow(truth.value(i) - mean, 2);
            }
        }
        double rmse = Math.sqrt(squared / data.rowCount());
        double baseline = Math.sqrt(meanSquared / data.rowCount());
        System.out.printf("%s on %s: RMSE %.4g, training mean %.4g%n", plugin.id(), file, rmse, baseline);
        assertThat(rmse).as("%s RMSE on %s against the training mean", plugin.id(), file)
                .isLessThan(0.9 * baseline);
    }

    private static FitRequest request(ModelPlugin plugin, Goal goal, Table train, String target) {
        Table features = scaled(plugin, train, train.without(target));
        var parameters = plugin.parameters().resolve(QUICK.getOrDefault(plugin.id(), Map.of()));
        return new FitRequest(goal, features, Optional.of(train.column(target)), parameters, SEED);
    }

    private static Table features(ModelPlugin plugin, Table train, Table test, String target) {
        return scaled(plugin, train.without(target), test.without(target));
    }

    /** The rows of {@code table} standardised with the means and deviations of {@code train}, when the plugin asks. */
    private static Table scaled(ModelPlugin plugin, Table train, Table table) {
        if (!plugin.capabilities().contains(Capability.NEEDS_SCALING)) {
            return table;
        }
        var columns = new ArrayList<Column>();
        for (int j = 0; j < table.columnCount(); j++) {
            var reference = (NumericColumn) train.column(j);
            double mean = mean(reference);
            double sd = 0;
            for (int i = 0; i < reference.size(); i++) {
                sd += Math.pow(reference.value(i) - mean, 2) / reference.size();
            }
            double scale = sd > 0 ? Math.sqrt(sd) : 1;
            var column = (NumericColumn) table.column(j);
            double[] values = new double[column.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (column.value(i) - mean) / scale;
            }
            columns.add(NumericColumn.of(column.name(), values));
        }
        return table.withColumns(columns);
    }

    private static double mean(NumericColumn column) {
        double sum = 0;
        for (int i = 0; i < column.size(); i++) {
            sum += column.value(i);
        }
        return sum / column.size();
    }

    private static int majority(CategoricalColumn column) {
        int[] counts = new int[column.levels().size()];
        for (int i = 0; i < column.size(); i++) {
            counts[column.code(i)]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Three folds of shuffled rows: {training rows, test rows} each. */
    private static List<int[][]> folds(int rows) {
        int[] order = new SplittableRandom(SEED).ints(0, Integer.MAX_VALUE).limit(rows).toArray();
        Integer[] index = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i;
        }
        Arrays.sort(index, (a, b) -> Integer.compare(order[a], order[b]));
        var folds = new ArrayList<int[][]>();
        for (int f = 0; f < FOLDS; f++) {
            var train = new ArrayList<Integer>();
            var test = new ArrayList<Integer>();
            for (int i = 0; i < rows; i++) {
                (i % FOLDS == f ? test : train).add(index[i]);
            }
            folds.add(new int[][] {
                train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray()});
        }
        return folds;
    }

    /**
     * A test-side reader for the ARFF files used here: numeric attributes, and nominal ones; a nominal target (the
     * last attribute) becomes a nominal column, a nominal feature whose levels are numbers (housing's CHAS) a
     * numeric one. No file here has missing cells.
     */
    private static Table read(String file) throws IOException {
        var names = new ArrayList<String>();
        var levels = new ArrayList<List<String>>();
        var rows = new ArrayList<String[]>();
        try (var in = SmileRealDataTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as("%s on the test class path", file).isNotNull();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean data = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("%")) {
                    continue;
                }
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                if (data) {
                    rows.add(text.split("\\s*,\\s*"));
                } else if (lower.startsWith("@attribute")) {
                    String rest = text.substring("@attribute".length()).strip();
                    int space = rest.indexOf(' ') < 0 || (rest.indexOf('\t') >= 0 && rest.indexOf('\t') < rest.indexOf(' '))
                            ? rest.indexOf('\t') : rest.indexOf(' ');
                    names.add(rest.substring(0, space).replace("'", ""));
                    String type = rest.substring(space).strip();
                    levels.add(type.startsWith("{")
                            ? Arrays.stream(type.substring(1, type.indexOf('}')).split(",")).map(String::strip).toList()
                            : null);
                } else if (lower.startsWith("@data")) {
                    data = true;
                }
            }
        }
        var columns = new ArrayList<Column>();
        int last = names.size() - 1;
        for (int j = 0; j < names.size(); j++) {
            if (j == last && levels.get(j) != null) {
                int[] codes = new int[rows.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = levels.get(j).indexOf(rows.get(i)[j]);
                }
                columns.add(NominalColumn.of(names.get(j), levels.get(j), codes));
            } else {
                double[] values = new double[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(rows.get(i)[j]);
                }
                columns.add(NumericColumn.of(names.get(j), values));
            }
        }
        return new Table(file, columns);
    }
}
