package io.modelscout.plugins.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every analytic gradient of the package against central finite differences. */
final class GradientCheckTest {
    private static final double STEP = 1e-6;
    private static final int ROWS = 4;

    /** Central differences of {@code f} with respect to each entry of {@code x}, compared with {@code analytic}. */
    private static void check(String what, double[] x, double[] analytic, DoubleSupplier f) {
        for (int k = 0; k < x.length; k++) {
            double keep = x[k];
            x[k] = keep + STEP;
            double up = f.getAsDouble();
            x[k] = keep - STEP;
            double down = f.getAsDouble();
            x[k] = keep;
            double numeric = (up - down) / (2 * STEP);
            assertThat(analytic[k]).as("%s [%d]", what, k)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(numeric)));
        }
    }

    /** Inputs away from zero, so ReLU kinks are not crossed by the finite-difference step. */
    private static double[] inputs(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            double v = 0.1 + random.nextDouble();
            x[k] = random.nextBoolean() ? v : -v;
        }
        return x;
    }

    /** A random linear read-out {@code sum c_k y_k} of a layer's output, so every output entry matters. */
    private static double readOut(double[] y, double[] c) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += c[k] * y[k];
        }
        return s;
    }

    @Test
    void denseGradientsOfWeightsBiasesAndInputs() {
        var random = new SplittableRandom(1);
        var dense = new Dense(5, 3, random);
        double[] x = inputs(ROWS * 5, random);
        double[] c = inputs(ROWS * 3, random);
        dense.forward(x, ROWS, null);
        double[] gradX = dense.backward(c, ROWS, true);
        DoubleSupplier f = () -> readOut(dense.forward(x, ROWS, null), c);
        check("weights", dense.weights().value(), dense.weights().grad().clone(), f);
        check("bias", dense.bias().value(), dense.bias().grad().clone(), f);
        check("input", x, gradX, f);
    }

    @ParameterizedTest
    @EnumSource(Activation.Kind.class)
    void activationInputGradients(Activation.Kind kind) {
        var random = new SplittableRandom(2);
        var layer = new Activation(kind, 6);
        double[] x = inputs(ROWS * 6, random);
        double[] c = inputs(ROWS * 6, random);
        layer.forward(x, ROWS, null);
        double[] gradX = layer.backward(c, ROWS, true);
        check(kind.name(), x, gradX, () -> readOut(layer.forward(x, ROWS, null), c));
    }

    @Test
    void dropoutPassesGradientsThroughItsMask() {
        var layer = new Dropout(0.5, 6);
        double[] x = inputs(ROWS * 6, new SplittableRandom(3));
        double[] c = inputs(ROWS * 6, new SplittableRandom(4));
        double[] y = layer.forward(x, ROWS, new SplittableRandom(5));
        assertThat(y).contains(0.0);
        double[] gradX = layer.backward(c, ROWS, true);
        check("dropout", x, gradX, () -> readOut(layer.forward(x, ROWS, new SplittableRandom(5)), c));
    }

    @Test
    void outputHeadGradientsWithAndWithoutGumbelNoise() {
        var blocks = List.of(new Block(0, 1, false), new Block(1, 3, true), new Block(4, 1, false),
                new Block(5, 2, true));
        var head = new OutputHead(blocks, 7, 0.5);
        double[] x = inputs(ROWS * 7, new SplittableRandom(6));
        double[] c = inputs(ROWS * 7, new SplittableRandom(7));
        head.forward(x, ROWS, null);
        double[] plain = head.backward(c, ROWS, true);
        check("softmax head", x, plain, () -> readOut(head.forward(x, ROWS, null), c));
        double[] y = head.forward(x, ROWS, new SplittableRandom(8));
        assertThat(y[1] + y[2] + y[3]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        double[] gumbel = head.backward(c, ROWS, true);
        check("gumbel head", x, gumbel, () -> readOut(head.forward(x, ROWS, new SplittableRandom(8)), c));
    }

    @Test
    void batchNormGradientsInTrainingAndInference() {
        var layer = new BatchNorm(3);
        var random = new SplittableRandom(20);
        double[] x = inputs(ROWS * 3, random);
        double[] c = inputs(ROWS * 3, random);
        layer.params().getFirst().value()[1] = 1.7;
        layer.params().getLast().value()[2] = -0.4;
        double[] y = layer.forward(x, ROWS, random);
        double column = 0;
        for (int r = 0; r < ROWS; r++) {
            column += y[r * 3];
        }
        assertThat(column).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        double[] gradX = layer.backward(c, ROWS, true);
        DoubleSupplier f = () -> readOut(layer.forward(x, ROWS, new SplittableRandom(1)), c);
        for (Param p : layer.params()) {
            check("batch norm parameter", p.value(), p.grad().clone(), f);
        }
        check("batch norm input", x, gradX, f);
        layer.forward(x, ROWS, null);
        double[] inference = layer.backward(c, ROWS, true);
        check("batch norm inference", x, inference, () -> readOut(layer.forward(x, ROWS, null), c));
    }

    @Test
    void residualBlockGradients() {
        var random = new SplittableRandom(21);
        var block = Residual.denseBatchNormRelu(3, 4, random);
        assertThat(block.outputSize()).isEqualTo(7);
        double[] x = inputs(ROWS * 3, random);
        double[] c = inputs(ROWS * 7, random);
        double[] y = block.forward(x, ROWS, random);
        assertThat(y[4]).isEqualTo(x[0]);
        double[] gradX = block.backward(c, ROWS, true);
        DoubleSupplier f = () -> readOut(block.forward(x, ROWS, new SplittableRandom(1)), c);
        for (Param p : block.params()) {
            check("residual parameter", p.value(), p.grad().clone(), f);
        }
        check("residual input", x, gradX, f);
    }

    @Test
    void squaredErrorGradient() {
        double[] p = inputs(8, new SplittableRandom(9));
        double[] t = inputs(8, new SplittableRandom(10));
        double[] grad = new double[8];
        Losses.squaredError(p, t, grad, 0.25);
        check("squared error", p, grad, () -> Losses.squaredError(p, t, new double[8], 0.25));
    }

    @Test
    void softmaxCrossEntropyGradientOnABlock() {
        int width = 6;
        double[] logits = inputs(ROWS * width, new SplittableRandom(11));
        double[] target = new double[ROWS * 5];
        for (int r = 0; r < ROWS; r++) {
            target[r * 5 + 1 + r % 3] = 1;
        }
        double[] grad = new double[ROWS * width];
        Losses.softmaxCrossEntropy(logits, target, ROWS, width, 2, 3, 5, 1, grad, 0.5);
        check("cross-entropy", logits, grad, () -> Losses.softmaxCrossEntropy(logits, target, ROWS, width, 2, 3, 5, 1,
                new double[ROWS * width], 0.5));
    }

    @Test
    void gaussianNllGradientsOfMeansAndSpreads() {
        double[] mu = inputs(ROWS * 3, new SplittableRandom(12));
        double[] x = inputs(ROWS * 3, new SplittableRandom(13));
        double[] sigma = {0.3, 0.7, 1.4};
        double[] gradMu = new double[mu.length];
        double[] gradSigma = new double[3];
        Losses.gaussianNll(mu, x, sigma, ROWS, 3, gradMu, gradSigma, 0.5);
        DoubleSupplier f = () -> Losses.gaussianNll(mu, x, sigma, ROWS, 3, new double[mu.length], new double[3], 0.5);
        check("nll mean", mu, gradMu, f);
        check("nll sigma", sigma, gradSigma, f);
    }

    @Test
    void klGradientsOfMeansAndLogVariances() {
        double[] mu = inputs(6, new SplittableRandom(14));
        double[] logVar = inputs(6, new SplittableRandom(15));
        double[] gradMu = new double[6];
        double[] gradLogVar = new double[6];
        double kl = Losses.klStandardNormal(mu, logVar, gradMu, gradLogVar, 1);
        assertThat(kl).isPositive();
        DoubleSupplier f = () -> Losses.klStandardNormal(mu, logVar, new double[6], new double[6], 1);
        check("kl mean", mu, gradMu, f);
        check("kl log variance", logVar, gradLogVar, f);
        assertThat(Losses.klStandardNormal(new double[3], new double[3], new double[3], new double[3], 1)).isZero();
    }

    @Test
    void networkGradientsAndInputGradients() {
        var random = new SplittableRandom(16);
        var net = new Network(Network.mlp(4, new int[] {7, 5}, 1, Activation.Kind.TANH, 0, random));
        double[] x = inputs(ROWS * 4, random);
        double[] c = inputs(ROWS, random);
        net.forward(x, ROWS, null);
        double[] gradX = net.backward(c, ROWS);
        DoubleSupplier f = () -> readOut(net.forward(x, ROWS, null), c);
        for (Param p : net.params()) {
            check("network parameter", p.value(), p.grad().clone(), f);
        }
        check("network input", x, gradX, f);
        // Row r's input gradient is d output_r / d x_r: the read-out with unit weights gives it.
        double[] ones = {1, 1, 1, 1};
        double[] g = net.inputGradient(x, ROWS, null);
        check("input gradient", x, g, () -> readOut(net.forward(x, ROWS, null), ones));
    }

    /** The critic's gradient penalty: d/dθ of sum_r (||d D(x_r)/d x_r|| - 1)^2 by double back-propagation. */
    @Test
    void gradientPenaltyParameterGradients() {
        var random = new SplittableRandom(17);
        var net = new Network(Network.mlp(5, new int[] {9, 6}, 1, Activation.Kind.LEAKY_RELU, 0.3, random));
        double[] x = inputs(ROWS * 5, random);
        long maskSeed = 18;
        DoubleSupplier penalty = () -> {
            double[] g = net.inputGradient(x, ROWS, new SplittableRandom(maskSeed));
            double p = 0;
            for (int r = 0; r < ROWS; r++) {
                double norm = 0;
                for (int k = 0; k < 5; k++) {
                    norm += g[r * 5 + k] * g[r * 5 + k];
                }
                p += (Math.sqrt(norm) - 1) * (Math.sqrt(norm) - 1);
            }
            return p;
        };
        net.zeroGrad();
        double[] g = net.inputGradient(x, ROWS, new SplittableRandom(maskSeed));
        double[] adjoint = new double[g.length];
        for (int r = 0; r < ROWS; r++) {
            double norm = 0;
            for (int k = 0; k < 5; k++) {
                norm += g[r * 5 + k] * g[r * 5 + k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < 5; k++) {
                adjoint[r * 5 + k] = 2 * (norm - 1) * g[r * 5 + k] / norm;
            }
        }
        net.penaltyBackward(adjoint, ROWS);
        boolean anyWeight = false;
        for (Param p : net.params()) {
            double[] grad = p.grad().clone();
            check("penalty", p.value(), grad, penalty);
            anyWeight |= java.util.Arrays.stream(grad).anyMatch(v -> v != 0);
        }
        assertThat(anyWeight).isTrue();
    }

    @Test
    void penaltyNeedsPiecewiseLinearLayers() {
        var net = new Network(Network.mlp(2, new int[] {3}, 1, Activation.Kind.TANH, 0, new SplittableRandom(19)));
        double[] g = net.inputGradient(new double[] {0.5, -0.5}, 1, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.penaltyBackward(g, 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
