package io.modelscout.plugins.core.hmm;

import static java.util.Objects.requireNonNull;

/**
 * A hidden Markov model with a discrete state space: initial probabilities, a transition matrix and an
 * {@link Emission}. Inference uses the scaled forward-backward recursions (Rabiner, 1989): each forward vector is
 * normalised to sum to one and the normalisers multiply to the likelihood, so long sequences do not underflow; the
 * emission log-densities of a position are shifted by their maximum before exponentiating, for the same reason with
 * Gaussian or many-feature emissions. Viterbi decoding runs in log space. Immutable and safe to share.
 */
public final class Hmm {
    private final double[] initial;
    private final double[][] transition;
    private final Emission emission;

    /**
     * Creates a model.
     *
     * @param initial the probability of each state at the first position; sums to one
     * @param transition row {@code i}, column {@code j}: the probability of state {@code j} after state {@code i}
     * @param emission the emission distributions, one per state
     */
    public Hmm(double[] initial, double[][] transition, Emission emission) {
        requireNonNull(initial, "initial is null");
        requireNonNull(transition, "transition is null");
        this.emission = requireNonNull(emission, "emission is null");
        int k = initial.length;
        if (transition.length != k || emission.states() != k) {
            throw new IllegalArgumentException("initial, transition and emission disagree on the number of states: "
                    + k + ", " + transition.length + ", " + emission.states());
        }
        this.initial = initial.clone();
        this.transition = new double[k][];
        for (int i = 0; i < k; i++) {
            if (transition[i].length != k) {
                throw new IllegalArgumentException("transition row " + i + " has " + transition[i].length
                        + " columns, expected " + k);
            }
            this.transition[i] = transition[i].clone();
        }
    }

    /**
     * The number of hidden states.
     *
     * @return at least one
     */
    public int states() {
        return initial.length;
    }

    /**
     * The initial state probabilities.
     *
     * @return a copy
     */
    public double[] initial() {
        return initial.clone();
    }

    /**
     * The transition matrix.
     *
     * @return a copy
     */
    public double[][] transition() {
        double[][] out = new double[transition.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = transition[i].clone();
        }
        return out;
    }

    /**
     * The emission distributions.
     *
     * @return the emission
     */
    public Emission emission() {
        return emission;
    }

    /**
     * What forward-backward finds for one sequence.
     *
     * @param logLikelihood the natural log of p(sequence)
     * @param gamma row {@code t}: p(state at t | sequence)
     * @param expectedTransitions row {@code i}, column {@code j}: the expected number of moves from i to j
     */
    public record Posterior(double logLikelihood, double[][] gamma, double[][] expectedTransitions) {
    }

    /** The scaled forward pass of one sequence. */
    private record Forward(double[][] alpha, double[] scale, double[][] emissions, double logLikelihood) {
    }

    /**
     * The emission probabilities of each position, each row divided by its largest entry; the logs of the divisors are
     * returned in {@code shift}.
     */
    private double[][] emissions(Observations data, int sequence, double[] shift) {
        int n = data.length(sequence);
        double[][] b = new double[n][states()];
        emission.logDensities(data, sequence, b);
        for (int t = 0; t < n; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : b[t]) {
                max = Math.max(max, v);
            }
            if (!Double.isFinite(max)) {
                throw new IllegalArgumentException("position " + t + " of sequence " + sequence
                        + " is impossible under every state");
            }
            shift[t] = max;
            for (int k = 0; k < b[t].length; k++) {
                b[t][k] = Math.exp(b[t][k] - max);
            }
        }
        return b;
    }

    private Forward forward(Observations data, int sequence) {
        int n = data.length(sequence);
        int k = states();
        double[] shift = new double[n];
        double[][] b = emissions(data, sequence, shift);
        double[][] alpha = new double[n][k];
        double[] scale = new double[n];
        double logLikelihood = 0;
        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double prior;
                if (t == 0) {
                    prior = initial[j];
                } else {
                    prior = 0;
                    for (int i = 0; i < k; i++) {
                        prior += alpha[t - 1][i] * transition[i][j];
                    }
                }
                alpha[t][j] = prior * b[t][j];
                sum += alpha[t][j];
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("position " + t + " of sequence " + sequence
                        + " has probability zero under the model");
            }
            for (int j = 0; j < k; j++) {
                alpha[t][j] /= sum;
            }
            scale[t] = sum;
            logLikelihood += Math.log(sum) + shift[t];
        }
        return new Forward(alpha, scale, b, logLikelihood);
    }

    /**
     * The log-likelihood of one sequence, by the forward recursion.
     *
     * @param data the observations
     * @param sequence the sequence
     * @return the natural log of p(sequence)
     */
    public double logLikelihood(Observations data, int sequence) {
        return forward(data, sequence).logLikelihood();
    }

    /**
     * The filtered state distributions: row {@code t} is p(state at t | positions 0..t).
     *
     * @param data the observations
     * @param sequence the sequence
     * @return one row per position
     */
    public double[][] filtered(Observations data, int sequence) {
        return forward(data, sequence).alpha();
    }

    /**
     * The state posteriors and expected transition counts of one sequence, by forward-backward.
     *
     * @param data the observations
     * @param sequence the sequence
     * @return the posterior
     */
    public Posterior posterior(Observations data, int sequence) {
        Forward f = forward(data, sequence);
        int n = f.alpha().length;
        int k = states();
        double[][] beta = new double[n][k];
        java.util.Arrays.fill(beta[n - 1], 1);
        double[][] xi = new double[k][k];
        double[] next = new double[k];
        for (int t = n - 2; t >= 0; t--) {
            for (int j = 0; j < k; j++) {
                next[j] = f.emissions()[t + 1][j] * beta[t + 1][j] / f.scale()[t + 1];
            }
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double move = transition[i][j] * next[j];
                    sum += move;
                    xi[i][j] += f.alpha()[t][i] * move;
                }
                beta[t][i] = sum;
            }
        }
        double[][] gamma = new double[n][k];
        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                gamma[t][j] = f.alpha()[t][j] * beta[t][j];
                sum += gamma[t][j];
            }
            for (int j = 0; j < k; j++) {
                gamma[t][j] /= sum;
            }
        }
        return new Posterior(f.logLikelihood(), gamma, xi);
    }

    /**
     * The most probable state path of one sequence (Viterbi, in log space; ties go to the lower state).
     *
     * @param data the observations
     * @param sequence the sequence
     * @return one state per position
     */
    public int[] viterbi(Observations data, int sequence) {
        int n = data.length(sequence);
        int k = states();
        double[][] logB = new double[n][k];
        emission.logDensities(data, sequence, logB);
        double[][] logA = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                logA[i][j] = Math.log(transition[i][j]);
            }
        }
        double[][] delta = new double[n][k];
        int[][] back = new int[n][k];
        for (int j = 0; j < k; j++) {
            delta[0][j] = Math.log(initial[j]) + logB[0][j];
        }
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < k; j++) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    double score = delta[t - 1][i] + logA[i][j];
                    if (score > bestScore) {
                        bestScore = score;
                        best = i;
                    }
                }
                delta[t][j] = bestScore + logB[t][j];
                back[t][j] = best;
            }
        }
        int[] path = new int[n];
        path[n - 1] = argMax(delta[n - 1]);
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    /**
     * The state with the largest posterior at each position (forward-backward decoding).
     *
     * @param data the observations
     * @param sequence the sequence
     * @return one state per position
     */
    public int[] posteriorDecode(Observations data, int sequence) {
        double[][] gamma = posterior(data, sequence).gamma();
        int[] out = new int[gamma.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = argMax(gamma[t]);
        }
        return out;
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "HMM of " + states() + " states, " + emission.describe();
    }
}
