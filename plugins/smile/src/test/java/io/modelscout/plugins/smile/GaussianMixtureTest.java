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
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The class-conditional mixture on classes made of two clumps each, interleaved along a line: fitted with one
 * Gaussian each, both classes get the same spread and the boundary falls in the middle of a clump; two per class
 * follow the clumps. Here k-means draws its starting centres, so this is also where the seed must be followed.
 */
final class GaussianMixtureTest {

    /** Class "a" around x = 0 and x = 10, class "b" around x = 5 and x = 15; y is noise; unit spread. */
    private static Table clumps(int rows, long seed) {
        var random = new SplittableRandom(seed);
        double[] x = new double[rows];
        double[] y = new double[rows];
        int[] label = new int[rows];
        for (int i = 0; i < rows; i++) {
            int clump = random.nextInt(4);
            x[i] = 5 * clump + random.nextGaussian();
            y[i] = random.nextGaussian();
            label[i] = clump % 2;
        }
        return new Table("clumps", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                NominalColumn.of("class", List.of("a", "b"), label)));
    }

    private static double accuracy(ModelPlugin plugin, Map<String, ?> parameters, long seed) throws Exception {
        Table train = clumps(400, 1);
        Table test = clumps(400, 2);
        var model = (Classifier) plugin.fit(new FitRequest(Goal.CLASSIFY, train.without("class"),
                Optional.of(train.column("class")), plugin.parameters().resolve(parameters), seed));
        int[] labels = model.predict(test.without("class")).labels();
        var truth = (NominalColumn) test.column("class");
        return IntStream.range(0, labels.length).filter(i -> labels[i] == truth.code(i)).count() / 400.0;
    }

    private static double[][] probabilities(long seed) throws Exception {
        var plugin = new GaussianMixturePlugin();
        Table train = clumps(400, 1);
        var model = (Classifier) plugin.fit(new FitRequest(Goal.CLASSIFY, train.without("class"),
                Optional.of(train.column("class")), plugin.parameters().defaults(), seed));
        return model.predict(clumps(50, 3).without("class")).probabilities();
    }

    @Test
    void twoComponentsPerClassSeparateWhatOneGaussianPerClassCannot() throws Exception {
        double mixture = accuracy(new GaussianMixturePlugin(), Map.of(), 7);
        double single = accuracy(new GaussianMixturePlugin(), Map.of("maxComponents", 1), 7);
        double qda = accuracy(new QdaPlugin(), Map.of(), 7);

        System.out.printf("interleaved clumps: mixtures %.3f, one Gaussian per class %.3f, QDA %.3f%n", mixture, single,
                qda);
        assertThat(mixture).as("mixtures chosen by BIC").isGreaterThan(0.9);
        assertThat(single).as("one Gaussian per class").isLessThan(0.75);
        assertThat(qda).as("QDA").isLessThan(0.75);
    }

    @Test
    void aFeatureConstantWithinEachClassStillFits() throws Exception {
        // an indicator that happens to be 1 for every row of class "b" and 0 for every row of class "a"
        Table clumps = clumps(200, 4);
        var label = (NominalColumn) clumps.column("class");
        double[] indicator = IntStream.range(0, 200).mapToDouble(label::code).toArray();
        Table train = clumps.withColumns(List.of(clumps.column("x"), NumericColumn.of("z", indicator),
                clumps.column("class")));
        var request = new FitRequest(Goal.CLASSIFY, train.without("class"), Optional.of(train.column("class")),
                new GaussianMixturePlugin().parameters().defaults(), 1);

        var model = (Classifier) new GaussianMixturePlugin().fit(request);

        int[] labels = model.predict(train.without("class")).labels();
        assertThat(IntStream.range(0, 200).filter(i -> labels[i] == label.code(i)).count())
                .as("rows told apart by the indicator").isEqualTo(200);
    }

    @Test
    void theSummaryNamesTheComponentsBicChose() throws Exception {
        var plugin = new GaussianMixturePlugin();
        Table train = clumps(400, 1);
        var model = plugin.fit(new FitRequest(Goal.CLASSIFY, train.without("class"),
                Optional.of(train.column("class")), plugin.parameters().defaults(), 7));

        assertThat(model.summary()).contains("of 2, 2 components for 2 classes");
    }

    @Test
    void theSeedFixesTheMixturesAlsoOnConcurrentThreads() throws Exception {
        double[][] alone = probabilities(42);
        List<double[][]> together = IntStream.range(0, 4).parallel().mapToObj(i -> {
            try {
                return probabilities(42);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        // k-means finds these well separated clumps from any start, so another seed may well give the same model
        for (double[][] answer : together) {
            assertThat(answer).isDeepEqualTo(alone);
        }
    }
}
