package io.modelscout.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.Regressor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Every Weka plugin, on two classic data sets per goal (iris and Pima diabetes; CPU performance and Boston housing,
 * whose CHAS feature is nominal), with a quick 3-fold split and Weka's default settings: it must beat the constant
 * baseline fitted on the same training rows, the majority class for accuracy and the training mean for the root
 * mean squared error.
 */
final class WekaRealDataTest {
    private static final int FOLDS = 3;
    private static final long SEED = 20261125L;

    static Stream<Arguments> classification() {
        var plugins = List.of(new J48Plugin(), new NaiveBayesPlugin(), new BayesNetPlugin(), new LogisticPlugin(),
                new RandomForestPlugin(), new IbkPlugin(), new SmoPlugin(), new RepTreePlugin(),
                new MultilayerPerceptronPlugin());
        return plugins.stream().flatMap(p -> Stream.of(Arguments.of(p, "iris.arff"), Arguments.of(p, "diabetes.arff")));
    }

    static Stream<Arguments> regression() {
        var plugins = List.of(new LinearRegressionPlugin(), new M5pPlugin(), new SmoRegPlugin(),
                new RandomForestPlugin(), new IbkPlugin(), new RepTreePlugin(), new MultilayerPerceptronPlugin());
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
            int[] labels = model.predict(test.without(target)).labels();
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
            double mean = 0;
            var trainTarget = (NumericColumn) train.column(target);
            for (int i = 0; i < trainTarget.size(); i++) {
                mean += trainTarget.value(i) / trainTarget.size();
            }
            var model = (Regressor) plugin.fit(request(plugin, Goal.REGRESS, train, target));
            double[] predicted = model.predict(test.without(target));
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
        return new FitRequest(goal, train.without(target), Optional.of(train.column(target)),
                plugin.parameters().defaults(), SEED);
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

    private static Table read(String file) throws Exception {
        try (InputStream in = WekaRealDataTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as("%s on the test class path", file).isNotNull();
            Instances instances = new DataSource(in).getDataSet();
            return WekaAgreementTest.toTable(instances);
        }
    }
}
