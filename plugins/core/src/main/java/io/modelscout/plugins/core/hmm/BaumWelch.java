package io.modelscout.plugins.core.hmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximum-likelihood training of an {@link Hmm} by expectation-maximisation (Baum-Welch), from several seeded random
 * starts, and the choice of the number of states by the likelihood of held-out sequences.
 *
 * <p>The M step is a maximum a posteriori estimate with small pseudo-counts (see {@link #PSEUDO_COUNT}) so that no
 * transition or symbol becomes impossible: a held-out sequence that does something unseen then costs a large but
 * finite log-likelihood instead of minus infinity.
 *
 * @param iterations the most EM iterations per start
 * @param restarts the number of random starts; the one of highest training likelihood is kept
 * @param tolerance EM stops when the log-likelihood per position improves by less than this
 */
public record BaumWelch(int iterations, int restarts, double tolerance) {
    /** The pseudo-count added to every initial, transition and emission count in the M step. */
    public static final double PSEUDO_COUNT = 0.01;
    private static final long RESTART = 0x9E3779B97F4A7C15L;

    /** Checks the settings. */
    public BaumWelch {
        if (iterations < 1 || restarts < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("iterations and restarts must be positive, tolerance non-negative; got "
                    + iterations + ", " + restarts + ", " + tolerance);
        }
    }

    /**
     * A trained model with its training log-likelihood.
     *
     * @param model the model
     * @param logLikelihood the sum of the training sequences' log-likelihoods
     * @param iterations the EM iterations the kept start ran
     */
    public record Fit(Hmm model, double logLikelihood, int iterations) {
    }

    /**
     * The result of choosing the number of states.
     *
     * @param fit the model refitted on all given sequences with the chosen number of states
     * @param heldOut per candidate number of states, the held-out log-likelihood per position (NaN when not tried)
     * @param candidates the candidate numbers of states
     */
    public record Tuned(Fit fit, double[] heldOut, int[] candidates) {
    }

    /**
     * Trains from several random starts and keeps the best.
     *
     * @param data the observations
     * @param sequences the sequences to train on
     * @param states the number of hidden states
     * @param seed the seed of the random starts
     * @return the best fit
     */
    public Fit fit(Observations data, int[] sequences, int states, long seed) {
        if (sequences.length == 0) {
            throw new IllegalArgumentException("no training sequences");
        }
        long[] seeds = new SplittableRandom(seed ^ RESTART).longs(restarts).toArray();
        Fit best = null;
        for (long s : seeds) {
            Fit fit = fromStart(data, sequences, start(data, sequences, states, new SplittableRandom(s)));
            if (best == null || fit.logLikelihood() > best.logLikelihood()) {
                best = fit;
            }
        }
        return best;
    }

    /**
     * Chooses the number of states among candidates by the log-likelihood of held-out sequences (a seeded fifth of
     * them, at least one), then refits on all sequences with the chosen number from all the random starts. Each
     * candidate is tried from one start only, which keeps the choice affordable; the refit's restarts guard the final
     * model against a poor local optimum. With fewer than five sequences there is nothing to hold out and the
     * smallest candidate is taken.
     *
     * @param data the observations
     * @param sequences the sequences to train on
     * @param candidates the numbers of states to try, each at least one
     * @param seed the seed
     * @return the tuned fit
     */
    public Tuned tune(Observations data, int[] sequences, int[] candidates, long seed) {
        double[] heldOut = new double[candidates.length];
        Arrays.fill(heldOut, Double.NaN);
        int chosen = candidates[0];
        if (candidates.length > 1 && sequences.length >= 5) {
            int[] shuffled = sequences.clone();
            var random = new SplittableRandom(seed);
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = tmp;
            }
            int validation = Math.max(1, shuffled.length / 5);
            int[] inner = Arrays.copyOfRange(shuffled, validation, shuffled.length);
            int[] outer = Arrays.copyOfRange(shuffled, 0, validation);
            long positions = 0;
            for (int s : outer) {
                positions += data.length(s);
            }
            double best = Double.NEGATIVE_INFINITY;
            var single = new BaumWelch(iterations, 1, tolerance);
            for (int c = 0; c < candidates.length; c++) {
                Hmm model = single.fit(data, inner, candidates[c], seed + c + 1).model();
                double sum = 0;
                for (int s : outer) {
                    sum += model.logLikelihood(data, s);
                }
                heldOut[c] = sum / positions;
                if (heldOut[c] > best) {
                    best = heldOut[c];
                    chosen = candidates[c];
                }
            }
        }
        return new Tuned(fit(data, sequences, chosen, seed), heldOut, candidates.clone());
    }

    /**
     * Runs EM from a given model until convergence or the iteration limit.
     *
     * @param data the observations
     * @param sequences the sequences
     * @param start the starting model
     * @return the trained model
     */
    public Fit fromStart(Observations data, int[] sequences, Hmm start) {
        long positions = 0;
        for (int s : sequences) {
            positions += data.length(s);
        }
        Hmm model = start;
        double previous = Double.NEGATIVE_INFINITY;
        double logLikelihood = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < iterations) {
            iteration++;
            int k = model.states();
            double[] initial = new double[k];
            double[][] transition = new double[k][k];
            var emission = model.emission().accumulator(PSEUDO_COUNT);
            logLikelihood = 0;
            for (int s : sequences) {
                Hmm.Posterior posterior = model.posterior(data, s);
                logLikelihood += posterior.logLikelihood();
                for (int j = 0; j < k; j++) {
                    initial[j] += posterior.gamma()[0][j];
                    for (int i = 0; i < k; i++) {
                        transition[i][j] += posterior.expectedTransitions()[i][j];
                    }
                }
                emission.add(data, s, posterior.gamma());
            }
            Hmm next = new Hmm(normalise(initial), normaliseRows(transition), emission.estimate());
            boolean converged = (logLikelihood - previous) / positions < tolerance;
            previous = logLikelihood;
            if (converged) {
                // The estimate from the last E step is no worse than the model it came from (EM never decreases).
                model = next;
                break;
            }
            model = next;
        }
        double finalLikelihood = 0;
        for (int s : sequences) {
            finalLikelihood += model.logLikelihood(data, s);
        }
        return new Fit(model, finalLikelihood, iteration);
    }

    /**
     * A random starting model: initial and transition rows drawn around uniform (with some weight on staying), and a
     * perturbed copy of the overall emission distribution per state.
     *
     * @param data the observations
     * @param sequences the training sequences
     * @param states the number of states
     * @param random the randomness
     * @return the model
     */
    static Hmm start(Observations data, int[] sequences, int states, SplittableRandom random) {
        double[] initial = new double[states];
        double[][] transition = new double[states][states];
        for (int i = 0; i < states; i++) {
            initial[i] = 0.5 + random.nextDouble();
            for (int j = 0; j < states; j++) {
                transition[i][j] = 0.5 + random.nextDouble() + (i == j ? states / 2.0 : 0);
            }
        }
        return new Hmm(normalise(initial), normaliseRows(transition),
                Emission.random(data, sequences, states, random));
    }

    static double[] normalise(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c + PSEUDO_COUNT;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (counts[i] + PSEUDO_COUNT) / total;
        }
        return out;
    }

    static double[][] normaliseRows(double[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = normalise(counts[i]);
        }
        return out;
    }

    /**
     * The numbers of states from two to a most, for {@link #tune}: 2, 3, 4, then steps of doubling.
     *
     * @param most the largest number of states, at least two
     * @return the candidates
     */
    public static int[] candidates(int most) {
        List<Integer> out = new ArrayList<>();
        for (int k = 2; k <= most; k = k < 4 ? k + 1 : k * 2) {
            out.add(k);
        }
        if (out.isEmpty() || out.getLast() != most) {
            out.add(most);
        }
        return out.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
}
