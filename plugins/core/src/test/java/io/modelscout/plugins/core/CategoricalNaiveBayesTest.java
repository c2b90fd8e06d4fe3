package io.modelscout.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class CategoricalNaiveBayesTest {

    @Test
    void equalFrequencyBinsSplitTheTrainingValuesEvenly() {
        double[] values = IntStream.rangeClosed(1, 10).asDoubleStream().toArray();
        assertThat(NaiveBayes.Levels.equalFrequencyCuts(NumericColumn.of("v", values), 5))
                .containsExactly(3, 5, 7, 9);
        // ties collapse bins, and missing cells are not counted
        double[] tied = {1, 1, 1, 1, 1, 1, 2, 3, Double.NaN, Double.NaN};
        assertThat(NaiveBayes.Levels.equalFrequencyCuts(NumericColumn.of("t", tied), 4)).containsExactly(2);
        assertThat(NaiveBayes.Levels.equalFrequencyCuts(NumericColumn.of("c", new double[] {4, 4, 4}), 3)).isEmpty();
    }

    @Test
    void binnedNumbersSeparateGaussianClassesAndMoreBinsFitThemCloser() throws Exception {
        Table data = MissingCellsTest.gaussians(900, 8);
        Table train = data.select(IntStream.range(0, 600).toArray());
        Table test = data.select(IntStream.range(600, 900).toArray());
        var plugin = new CategoricalNaiveBayesPlugin();
        double two = accuracy(plugin, train, test, 2);
        double eight = accuracy(plugin, train, test, 8);
        assertThat(two).isGreaterThan(0.6);
        assertThat(eight).isGreaterThan(0.8).isGreaterThan(two);
    }

    private static double accuracy(CategoricalNaiveBayesPlugin plugin, Table train, Table test, int bins) throws Exception {
        var parameters = plugin.parameters().resolve(Map.of("bins", bins));
        var model = (Classifier) plugin.fit(new FitRequest(Goal.CLASSIFY, train.without("class"),
                Optional.of(train.column("class")), parameters, 1));
        int[] labels = model.predict(test.without("class")).labels();
        var truth = (CategoricalColumn) test.column("class");
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += labels[i] == truth.code(i) ? 1 : 0;
        }
        assertThat(model.summary()).contains("3 binned numeric", "1 categorical");
        return correct / (double) labels.length;
    }
}
