package com.example.centroid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.testkit.PluginContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class NearestCentroidPluginTest {

    /** The checks every ModelScout plugin passes: one line, from the API's test kit. */
    @TestFactory
    List<DynamicNode> contract() {
        return PluginContract.of(new NearestCentroidPlugin());
    }

    /** The checks every ModelScout plugin passes: one line, from the API's test kit. */
    @Test
    void aFeatureOfPureNoiseIsShrunkAwayWhileTheInformativeOneStays() {
        var random = new SplittableRandom(5);
        int rows = 300;
        double[] signal = new double[rows];
        double[] noise = new double[rows];
        int[] label = new int[rows];
        for (int i = 0; i < rows; i++) {
            label[i] = i % 3;
            signal[i] = 3.0 * label[i] + random.nextGaussian();
            noise[i] = random.nextGaussian();
        }
        Table features = new Table("t", List.of(NumericColumn.of("signal", signal), NumericColumn.of("noise", noise)));
        var target = NominalColumn.of("class", List.of("a", "b", "c"), label);
        var plugin = new NearestCentroidPlugin();

        var shrunk = (Classifier) plugin.fit(new FitRequest(Goal.CLASSIFY, features, Optional.of(target),
                plugin.parameters().resolve(Map.of("threshold", 4.0)), 1));
        var plain = (Classifier) plugin.fit(new FitRequest(Goal.CLASSIFY, features, Optional.of(target),
                plugin.parameters().resolve(Map.of("threshold", 0.0)), 1));

        assertThat(shrunk.summary()).contains("1 of 2 features");
        assertThat(plain.summary()).contains("2 of 2 features");
        assertThat(shrunk.predict(features).probabilities()[0]).as("probabilities of a row")
                .hasSize(3).satisfies(p -> assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12)));
    }
}
