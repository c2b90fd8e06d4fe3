package io.modelscout.selector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.modelscout.api.Goal;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.selector.eval.Diagnoser.Part;
import io.modelscout.selector.eval.Diagnoser.Predictions;
import io.modelscout.selector.result.CandidateResult.Curve;
import io.modelscout.selector.result.CandidateResult.Diagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DiagnoserTest {
    private static Predictions classes(double[][] probabilities) {
        int[] rows = new int[probabilities.length];
        Arrays.setAll(rows, i -> i);
        return Predictions.collect(rows.length, List.of(Part.classes(rows, ClassPrediction.fromProbabilities(
                probabilities)))).orElseThrow();
    }

    @Test
    void binaryGivesOneCurveForTheSecondClassWithTheRankArea() {
        var target = NominalColumn.of("y", List.of("bad", "good"), new int[] {0, 0, 1, 1, 0, 1});
        // Scores for "good": positives 0.9, 0.6, 0.4; negatives 0.1, 0.6, 0.5.
        double[] good = {0.1, 0.6, 0.9, 0.6, 0.5, 0.4};
        double[][] p = new double[good.length][];
        for (int i = 0; i < good.length; i++) {
            p[i] = new double[] {1 - good[i], good[i]};
        }

        Diagnostics d = Diagnoser.diagnose(classes(p), target);

        assertThat(d.classes()).containsExactly("bad", "good");
        // Labels by argmax (0.5 goes to "bad"): truth bad -> bad, good, bad; truth good -> good, good, bad.
        assertThat(d.confusion()).containsExactly(List.of(2, 1), List.of(1, 2));
        assertThat(d.roc()).hasSize(1);
        Curve curve = d.roc().getFirst();
        assertThat(curve.label()).isEqualTo("good");
        // Pairs (pos, neg) won: 0.9 beats 3; 0.6 beats 2 and ties 1; 0.4 beats 1: (3 + 2.5 + 1) / 9.
        assertThat(curve.auc()).isCloseTo(6.5 / 9, within(1e-12));
        assertThat(curve.falsePositiveRate()).startsWith(0.0).endsWith(1.0).isSorted();
        assertThat(curve.truePositiveRate()).startsWith(0.0).endsWith(1.0).isSorted();
        assertThat(d.actual()).isEmpty();
    }

    @Test
    void manyClassesGiveOneCurvePerClassThinnedToTwoHundredPoints() {
        int n = 3000;
        int[] codes = new int[n];
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            codes[i] = i % 3;
            double s = (i * 7919 % 1000) / 1000.0; // distinct-ish scores, unrelated to the class
            p[i] = new double[] {s / 2, (1 - s) / 2, 0.5};
        }
        var target = NominalColumn.of("y", List.of("a", "b", "c"), codes);

        Diagnostics d = Diagnoser.diagnose(classes(p), target);

        assertThat(d.roc()).extracting(Curve::label).containsExactly("a", "b", "c");
        assertThat(d.roc()).allSatisfy(c -> {
            assertThat(c.falsePositiveRate()).hasSizeLessThanOrEqualTo(Diagnoser.MAX_CURVE_POINTS).startsWith(0.0)
                    .endsWith(1.0);
            assertThat(c.truePositiveRate()).hasSameSizeAs(c.falsePositiveRate());
            assertThat(c.auc()).isBetween(0.4, 0.6);
        });
        assertThat(d.confusion().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum()).isEqualTo(n);
        assertThat(d.confusion()).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(3));
    }

    @Test
    void regressionKeepsAnEvenSampleOfAtMostAThousandRows() {
        int n = 2500;
        double[] y = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i;
            predicted[i] = i + 0.5;
        }
        int[] first = new int[n / 2];
        int[] second = new int[n - n / 2];
        Arrays.setAll(first, i -> 2 * i);
        Arrays.setAll(second, i -> 2 * i + 1);
        double[] firstValues = Arrays.stream(first).mapToDouble(i -> predicted[i]).toArray();
        double[] secondValues = Arrays.stream(second).mapToDouble(i -> predicted[i]).toArray();
        var parts = new ArrayList<Part>();
        parts.add(Part.values(first, firstValues));
        parts.add(null);
        parts.add(Part.values(second, secondValues));

        Diagnostics d = Diagnoser.diagnose(Predictions.collect(n, parts).orElseThrow(), NumericColumn.of("y", y));

        assertThat(d.actual()).hasSize(Diagnoser.MAX_SAMPLE).startsWith(0.0, 2.0, 5.0).isSorted();
        assertThat(d.predicted()).hasSize(Diagnoser.MAX_SAMPLE);
        for (int i = 0; i < d.actual().size(); i++) {
            assertThat(d.predicted().get(i)).isEqualTo(d.actual().get(i) + 0.5);
        }
        assertThat(d.classes()).isEmpty();
        assertThat(d.roc()).isEmpty();
    }

    @Test
    void theEvaluatorKeepsEveryRowOfTheFirstRepeatOnce() throws InterruptedException {
        int rows = 40;
        double[] x = new double[rows];
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = i % 2;
            x[i] = codes[i] * 10 + i * 0.01;
        }
        var features = new Table("t", List.of(NumericColumn.of("x", x)));
        var target = NominalColumn.of("y", List.of("no", "yes"), codes);
        var plugin = new TestPlugins.NearestMean("test.nearest-mean");
        var evaluator = new Evaluator(Goal.CLASSIFY, features, target, Folds.make(target, 4, 3, 7L),
                Metric.forGoal(Goal.CLASSIFY, 2), 7L, 2, Duration.ofSeconds(60));

        var outcome = evaluator.evaluate(List.of(new Evaluator.Candidate(plugin, ParameterValues.NONE,
                Recipe.of(plugin, features)))).getFirst();

        Predictions predictions = outcome.outOfFold().orElseThrow();
        assertThat(predictions.labels()).hasSize(rows).doesNotContain(-1);
        assertThat(Arrays.stream(predictions.probabilities()).filter(java.util.Objects::isNull).count()).isZero();
        Diagnostics d = Diagnoser.diagnose(predictions, target);
        assertThat(d.confusion()).containsExactly(List.of(20, 0), List.of(0, 20));
        assertThat(d.roc().getFirst().auc()).isEqualTo(1.0);
    }
}
