package io.modelscout.plugins.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

final class TrainingTest {

    @Test
    void adamFindsTheMinimumOfAConvexQuadratic() {
        // f(w) = sum_k a_k (w_k - m_k)^2 with very different curvatures
        double[] a = {0.1, 1, 10, 100};
        double[] m = {3, -2, 0.5, 7};
        var w = new Param(4);
        var adam = new Adam(List.of(w), 0.05, 0.9, 0.999, 0);
        for (int step = 0; step < 3000; step++) {
            for (int k = 0; k < 4; k++) {
                w.grad()[k] = 2 * a[k] * (w.value()[k] - m[k]);
            }
            adam.step();
        }
        for (int k = 0; k < 4; k++) {
            assertThat(w.value()[k]).isCloseTo(m[k], Offset.offset(1e-3));
        }
        assertThat(w.grad()).containsOnly(0.0);
    }

    @Test
    void aSmallNetworkLearnsXor() {
        double[] x = {0, 0, 0, 1, 1, 0, 1, 1};
        double[] y = {0, 1, 1, 0};
        var random = new SplittableRandom(3);
        var layers = new ArrayList<Layer>(Network.mlp(2, new int[] {8}, 1, Activation.Kind.TANH, 0, random));
        layers.add(new Activation(Activation.Kind.SIGMOID, 1));
        var net = new Network(layers);
        var adam = new Adam(net.params(), 0.05, 0.9, 0.999, 0);
        double loss = Double.NaN;
        for (int epoch = 0; epoch < 2000; epoch++) {
            double[] p = net.forward(x, 4, null);
            double[] grad = new double[4];
            loss = Losses.squaredError(p, y, grad, 0.25);
            net.backward(grad, 4);
            adam.step();
        }
        double[] p = net.forward(x, 4, null);
        assertThat(loss).isLessThan(0.01);
        for (int r = 0; r < 4; r++) {
            assertThat(p[r] > 0.5).as("row %d: %f", r, p[r]).isEqualTo(y[r] == 1);
        }
    }

    @Test
    void trainingIsReproducibleForASeed() {
        assertThat(trainedWeights(5)).containsExactly(trainedWeights(5));
        assertThat(trainedWeights(5)).isNotEqualTo(trainedWeights(6));
    }

    private static double[] trainedWeights(long seed) {
        var random = new SplittableRandom(seed);
        var net = new Network(Network.mlp(3, new int[] {6}, 2, Activation.Kind.LEAKY_RELU, 0.2, random));
        var adam = new Adam(net.params(), 0.01, 0.9, 0.999, 1e-4);
        for (int step = 0; step < 20; step++) {
            double[] x = Batches.gaussian(8 * 3, random);
            double[] p = net.forward(x, 8, random);
            double[] grad = new double[p.length];
            Losses.squaredError(p, new double[p.length], grad, 1.0 / 8);
            net.backward(grad, 8);
            adam.step();
        }
        return net.params().getFirst().value().clone();
    }

    @Test
    void aNonFiniteLossNamesTheModelEpochAndLoss() {
        assertThatThrownBy(() -> Losses.requireFinite("m", 12, "critic", Double.NaN))
                .isInstanceOf(ArithmeticException.class).hasMessage("m diverged at epoch 12: critic loss is NaN");
    }

    @Test
    void mismatchedLayersAreRefused() {
        var random = new SplittableRandom(1);
        assertThatThrownBy(() -> new Network(List.of(new Dense(2, 3, random), new Dense(4, 1, random))))
                .hasMessageContaining("layer 1 takes 4 inputs but layer 0 gives 3");
    }
}
