package io.modelscout.plugins.smile;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-hot indicators of a nominal feature sum to one, so their covariance is singular, and an indicator may be
 * constant within a class: the discriminant analyses shrink their covariances and still fit, and learn.
 */
final class DiscriminantShrinkageTest {

    @ParameterizedTest
    @ValueSource(strings = {"lda", "qda"})
    void fitsCollinearOneHotColumnsAndBeatsChance(String which) throws Exception {
        ModelPlugin plugin = which.equals("lda") ? new LdaPlugin() : new QdaPlugin();
        var random = new SplittableRandom(3);
        int n = 300;
        double[][] indicators = new double[3][n];
        double[] noise = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 2;
            int level = random.nextDouble() < 0.8 ? label[i] : 2;
            indicators[level][i] = 1.0;
            noise[i] = random.nextGaussian();
        }
        var table = new Table("onehot", List.of(NumericColumn.of("a=0", indicators[0]),
                NumericColumn.of("a=1", indicators[1]), NumericColumn.of("a=2", indicators[2]),
                NumericColumn.of("noise", noise), NominalColumn.of("y", List.of("p", "q"), label)));
        var features = table.without("y");
        var request = new FitRequest(Goal.CLASSIFY, features, Optional.of(table.column("y")),
                plugin.parameters().defaults(), 1);
        var prediction = ((Classifier) plugin.fit(request)).predict(features);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (prediction.labels()[i] == label[i]) {
                correct++;
            }
        }
        assertThat(correct / (double) n).as("%s training accuracy", plugin.id()).isGreaterThan(0.75);
    }
}
