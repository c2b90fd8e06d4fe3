package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-house models on the example data sets, with their missing cells and nominal features as they are. */
final class ExampleDataTest {

    /** Two thirds of the rows in a seeded order for training, the rest for testing. */
    private static Table[] split(Table data, long seed) {
        int[] order = IntStream.range(0, data.rowCount()).toArray();
        var random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int cut = data.rowCount() * 2 / 3;
        return new Table[] {data.select(Arrays.copyOfRange(order, 0, cut)),
                data.select(Arrays.copyOfRange(order, cut, order.length))};
    }

    private static ClassPrediction fitAndPredict(ModelPlugin plugin, Table train, Table test, String target)
            throws Exception {
        var model = (Classifier) plugin.fit(new FitRequest(Goal.CLASSIFY, train.without(target),
                Optional.of(train.column(target)), plugin.parameters().defaults(), 1));
        return model.predict(test.without(target));
    }

    private static double accuracy(int[] labels, CategoricalColumn truth) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += labels[i] == truth.code(i) ? 1 : 0;
        }
        return correct / (double) labels.length;
    }

    @ParameterizedTest
    @CsvSource({
        "iris.arff,          class, 0.85",
        "diabetes.arff,      class, 0.70",
        "credit-g.arff,      class, 0.70",
        "soybean.arff,       class, 0.85",
        "vote.arff,          Class, 0.85",
        "labor.arff,         class, 0.75",
        "breast-cancer.arff, Class, 0.70",
        "hypothyroid.arff,   Class, 0.92",
        "car.arff,           class, 0.80"})
    void naiveBayesModelsTakeTheDataAsItIs(String file, String target, double floor) throws Exception {
        Table[] parts = split(Arff.read(file), 5);
        var truth = (CategoricalColumn) parts[1].column(target);
        int[] counts = ((CategoricalColumn) parts[0].column(target)).counts();
        int majority = IntStream.range(0, counts.length).reduce((a, b) -> counts[b] > counts[a] ? b : a).orElseThrow();
        double majorityAccuracy = Arrays.stream(truth.toCodes()).filter(c -> c == majority).count()
                / (double) truth.size();
        for (ModelPlugin plugin : List.of(new MixedNaiveBayesPlugin(), new CategoricalNaiveBayesPlugin())) {
            ClassPrediction prediction = fitAndPredict(plugin, parts[0], parts[1], target);
            double accuracy = accuracy(prediction.labels(), truth);
            System.out.printf("%s on %s: accuracy %.3f (majority class %.3f)%n", plugin.id(), file, accuracy,
                    majorityAccuracy);
            assertThat(accuracy).as("%s accuracy on %s", plugin.id(), file).isGreaterThanOrEqualTo(floor)
                    .isGreaterThan(majorityAccuracy);
            for (double[] p : prediction.probabilities()) {
                assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void ordinalLogisticRegressionRanksCarsWithTheirRatingsAsRanks() throws Exception {
        Table car = Arff.read("car.arff");
        // every rating of a car is ordered; the file declares price and maintenance from very high to low
        var columns = new ArrayList<Column>();
        for (Column column : car.columns()) {
            var nominal = (CategoricalColumn) column;
            columns.add(OrdinalColumn.of(nominal.name(), nominal.levels(), nominal.toCodes()));
        }
        Table[] parts = split(new Table("car", columns), 5);
        var truth = (CategoricalColumn) parts[1].column("class");
        int[] predicted = fitAndPredict(new OrdinalLogisticPlugin(), parts[0], parts[1], "class").labels();
        int[] constant = fitAndPredict(new ConstantBaselinePlugin(), parts[0], parts[1], "class").labels();
        double ordinalMae = rankMae(truth.toCodes(), predicted);
        double constantMae = rankMae(truth.toCodes(), constant);
        System.out.printf("car: ordinal logistic rank MAE %.3f, accuracy %.3f; constant rank MAE %.3f%n", ordinalMae,
                accuracy(predicted, truth), constantMae);
        assertThat(ordinalMae).isLessThan(constantMae / 2);
        assertThat(accuracy(predicted, truth)).isGreaterThan(0.8);
    }

    private static double rankMae(int[] truth, int[] predicted) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(truth[i] - predicted[i]);
        }
        return sum / truth.length;
    }
}
