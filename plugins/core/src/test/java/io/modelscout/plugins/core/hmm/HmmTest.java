package io.modelscout.plugins.core.hmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class HmmTest {
    /*
     * The hand-computed example. Two states, two symbols:
     *   initial      (0.6, 0.4)
     *   transitions  [[0.7, 0.3], [0.4, 0.6]]
     *   emissions    state 0: p(0) = 0.9, p(1) = 0.1; state 1: p(0) = 0.2, p(1) = 0.8
     * observed 0, 1, 0.
     *
     * Forward:  a1 = (0.6*0.9, 0.4*0.2)                              = (0.54, 0.08)
     *           a2 = ((0.54*0.7 + 0.08*0.4)*0.1, (0.54*0.3 + 0.08*0.6)*0.8) = (0.041, 0.168)
     *           a3 = ((0.041*0.7 + 0.168*0.4)*0.9, (0.041*0.3 + 0.168*0.6)*0.2) = (0.08631, 0.02262)
     *           p(0, 1, 0) = 0.08631 + 0.02262 = 0.10893
     * Backward: b3 = (1, 1)
     *           b2 = (0.7*0.9 + 0.3*0.2, 0.4*0.9 + 0.6*0.2) = (0.69, 0.48)
     *           b1 = (0.7*0.1*0.69 + 0.3*0.8*0.48, 0.4*0.1*0.69 + 0.6*0.8*0.48) = (0.1635, 0.258)
     *           check: 0.54*0.1635 + 0.08*0.258 = 0.10893
     * Posteriors (a*b/p): t1 state 0: 0.08829/0.10893 = 0.810521; t2 state 0: 0.02829/0.10893 = 0.259708;
     *           t3 state 0: 0.08631/0.10893 = 0.792344
     * Expected move 0 -> 1 between t1 and t2: a1(0)*0.3*0.8*b2(1)/p = 0.54*0.3*0.8*0.48/0.10893 = 0.571082
     * Viterbi:  d1 = (0.54, 0.08); d2 = (0.54*0.7*0.1, 0.54*0.3*0.8) = (0.0378, 0.1296), both from state 0;
     *           d3 = (max(0.02646, 0.05184)*0.9, max(0.01134, 0.07776)*0.2) = (0.046656, 0.015552), both from 1;
     *           best path 0, 1, 0 of probability 0.046656.
     */
    private static Hmm example() {
        return new Hmm(new double[] {0.6, 0.4}, new double[][] {{0.7, 0.3}, {0.4, 0.6}},
                new Emission.Categorical(new double[][][] {{{0.9, 0.1}}, {{0.2, 0.8}}}));
    }

    private static final Observations OBSERVED = Observations.ofSymbols(2, new int[][] {{0, 1, 0}});

    @Test
    void forwardGivesTheHandComputedLikelihood() {
        assertThat(example().logLikelihood(OBSERVED, 0)).isCloseTo(Math.log(0.10893), within(1e-12));
    }

    @Test
    void forwardBackwardGivesTheHandComputedPosteriors() {
        var posterior = example().posterior(OBSERVED, 0);
        assertThat(posterior.gamma()[0][0]).isCloseTo(0.08829 / 0.10893, within(1e-12));
        assertThat(posterior.gamma()[1][0]).isCloseTo(0.02829 / 0.10893, within(1e-12));
        assertThat(posterior.gamma()[2][0]).isCloseTo(0.08631 / 0.10893, within(1e-12));
        for (double[] row : posterior.gamma()) {
            assertThat(row[0] + row[1]).isCloseTo(1, within(1e-12));
        }
        // 0 -> 1 only between t1 and t2 contributes 0.571082 by hand; t2 -> t3 adds a2(0)*0.3*0.2*b3(1)/p.
        double second = 0.041 * 0.3 * 0.2 / 0.10893;
        assertThat(posterior.expectedTransitions()[0][1])
                .isCloseTo(0.54 * 0.3 * 0.8 * 0.48 / 0.10893 + second, within(1e-12));
    }

    @Test
    void viterbiGivesTheHandComputedPath() {
        assertThat(example().viterbi(OBSERVED, 0)).containsExactly(0, 1, 0);
        assertThat(example().posteriorDecode(OBSERVED, 0)).containsExactly(0, 1, 0);
    }

    @Test
    void baumWelchRecoversTheParametersOfTheModelThatMadeTheData() {
        var truth = new Hmm(new double[] {0.5, 0.5}, new double[][] {{0.9, 0.1}, {0.2, 0.8}},
                new Emission.Categorical(new double[][][] {{{0.7, 0.2, 0.1}}, {{0.1, 0.1, 0.8}}}));
        var random = new SplittableRandom(42);
        int[][] sequences = new int[300][];
        for (int s = 0; s < sequences.length; s++) {
            sequences[s] = sample(truth, 60, random);
        }
        var data = Observations.ofSymbols(3, sequences);
        var fit = new BaumWelch(200, 3, 1e-7).fit(data, range(sequences.length), 2, 7);
        Hmm learnt = fit.model();
        // States may come out in either order: match them by the emission of symbol 2.
        var emission = (Emission.Categorical) learnt.emission();
        int second = emission.probability(1, 0, 2) > emission.probability(0, 0, 2) ? 1 : 0;
        int first = 1 - second;
        assertThat(learnt.transition()[first][first]).isCloseTo(0.9, within(0.03));
        assertThat(learnt.transition()[second][second]).isCloseTo(0.8, within(0.03));
        assertThat(emission.probability(first, 0, 0)).isCloseTo(0.7, within(0.03));
        assertThat(emission.probability(first, 0, 1)).isCloseTo(0.2, within(0.03));
        assertThat(emission.probability(second, 0, 2)).isCloseTo(0.8, within(0.03));
        double trueLikelihood = 0;
        for (int s = 0; s < sequences.length; s++) {
            trueLikelihood += truth.logLikelihood(data, s);
        }
        assertThat(fit.logLikelihood()).as("maximum likelihood is at least the truth's").isGreaterThan(trueLikelihood);
    }

    @Test
    void gaussianEmissionsAreRecoveredAndHeldOutLikelihoodPrefersTwoStatesToOne() {
        var random = new SplittableRandom(3);
        double[][][] sequences = new double[120][40][1];
        for (double[][] sequence : sequences) {
            int state = random.nextInt(2);
            for (double[] position : sequence) {
                if (random.nextDouble() < 0.1) {
                    state = 1 - state;
                }
                double u = 1 - random.nextDouble();
                double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
                position[0] = (state == 0 ? -2 : 3) + z;
            }
        }
        var data = Observations.ofValues(sequences);
        var tuned = new BaumWelch(100, 2, 1e-6).tune(data, range(sequences.length), new int[] {1, 2, 3}, 5);
        assertThat(tuned.heldOut()[1]).as("held-out log-likelihood per position, 2 states vs 1")
                .isGreaterThan(tuned.heldOut()[0] + 0.5);
        assertThat(tuned.fit().model().states()).isGreaterThanOrEqualTo(2);
        var two = new BaumWelch(100, 2, 1e-6).fit(data, range(sequences.length), 2, 5).model();
        var gaussian = (Emission.Gaussian) two.emission();
        double low = Math.min(gaussian.mean(0, 0), gaussian.mean(1, 0));
        double high = Math.max(gaussian.mean(0, 0), gaussian.mean(1, 0));
        assertThat(low).isCloseTo(-2, within(0.1));
        assertThat(high).isCloseTo(3, within(0.1));
        assertThat(gaussian.variance(0, 0)).isCloseTo(1, within(0.15));
    }

    @Test
    void bernoulliEmissionsUseEveryActiveFeature() {
        // Two features active: a state that explains both beats one that explains one.
        var emission = new Emission.Bernoulli(new double[][] {{0.9, 0.9, 0.1}, {0.9, 0.1, 0.1}});
        var hmm = new Hmm(new double[] {0.5, 0.5}, new double[][] {{0.5, 0.5}, {0.5, 0.5}}, emission);
        var table = new io.modelscout.api.data.Table("t", java.util.List.of(
                io.modelscout.api.data.NumericColumn.of("a", new double[] {1}),
                io.modelscout.api.data.NumericColumn.of("b", new double[] {1}),
                io.modelscout.api.data.NumericColumn.of("c", new double[] {0})));
        var sequences = new io.modelscout.api.data.Sequences(table, new int[] {0, 1}, java.util.Optional.empty(),
                java.util.Optional.empty());
        var layout = Observations.Layout.of(table);
        assertThat(layout.kind()).isEqualTo(Observations.Kind.BINARY);
        var data = layout.encode(sequences);
        // p(x | 0) = 0.9*0.9*0.9, p(x | 1) = 0.9*0.1*0.9; the likelihood is their average.
        assertThat(hmm.logLikelihood(data, 0)).isCloseTo(Math.log(0.5 * 0.729 + 0.5 * 0.081), within(1e-12));
        assertThat(hmm.viterbi(data, 0)).containsExactly(0);
    }

    @Test
    void wittenBellMatchesTheHandComputedProbabilities() {
        // Order 1 over 0, 1, 0, 1, 1. Unigram: c = (2, 3), N = 5, T = 2: p = ((2 + 2/2)/7, (3 + 2/2)/7) = (3/7, 4/7).
        // After 0: c = (0, 2), T = 1: p(1 | 0) = (2 + 4/7)/3 = 6/7. After 1: c = (1, 1), T = 2:
        // p(0 | 1) = (1 + 2*3/7)/4 = 13/28.
        var chain = new MarkovChain(1, 2, new int[][] {{0, 1, 0, 1, 1}});
        assertThat(chain.next(new int[] {0}, 0)).containsExactly(new double[] {3 / 7.0, 4 / 7.0}, within(1e-12));
        assertThat(chain.next(new int[] {0, 0}, 1)).containsExactly(new double[] {1 / 7.0, 6 / 7.0}, within(1e-12));
        assertThat(chain.next(new int[] {1, 0}, 1)).containsExactly(new double[] {13 / 28.0, 15 / 28.0},
                within(1e-12));
        assertThat(chain.logLikelihood(new int[] {1, 0}))
                .isCloseTo(Math.log(4 / 7.0) + Math.log(13 / 28.0), within(1e-12));
    }

    private static int[] sample(Hmm hmm, int length, SplittableRandom random) {
        int[] out = new int[length];
        var emission = (Emission.Categorical) hmm.emission();
        int state = MarkovChain.draw(hmm.initial(), random);
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                state = MarkovChain.draw(hmm.transition()[state], random);
            }
            double[] p = new double[emission.levels(0)];
            for (int v = 0; v < p.length; v++) {
                p[v] = emission.probability(state, 0, v);
            }
            out[t] = MarkovChain.draw(p, random);
        }
        return out;
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
