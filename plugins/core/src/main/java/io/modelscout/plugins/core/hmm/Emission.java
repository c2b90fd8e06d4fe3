package io.modelscout.plugins.core.hmm;

import java.util.SplittableRandom;

/**
 * The emission distributions of the hidden states of an HMM, one per kind of {@link Observations}: a categorical
 * distribution per nominal column, a product of independent Bernoulli distributions over binary features (so a set
 * of active features is used as it is, without collapsing it to one symbol), or a Gaussian with a diagonal
 * covariance over numeric columns. Instances are immutable; estimation goes through an {@link Accumulator}.
 */
public sealed interface Emission permits Emission.Categorical, Emission.Bernoulli, Emission.Gaussian {

    /**
     * The number of hidden states.
     *
     * @return at least one
     */
    int states();

    /**
     * The log-density of each position of a sequence under each state.
     *
     * @param data the observations
     * @param sequence the sequence
     * @param out filled: row {@code t}, column {@code k}, the natural log of p(position t | state k)
     */
    void logDensities(Observations data, int sequence, double[][] out);

    /**
     * A fresh accumulator of weighted statistics for the next estimate.
     *
     * @param pseudoCount the Dirichlet (categorical) or Beta (Bernoulli) pseudo-count added to every outcome, which
     *     keeps every symbol possible in every state; unused by the Gaussian
     * @return the accumulator
     */
    Accumulator accumulator(double pseudoCount);

    /**
     * A short account of the parameters' size.
     *
     * @return e.g. {@code categorical over 4 symbols}
     */
    String describe();

    /** Collects posterior-weighted statistics of positions (the E step) and gives the new estimate (the M step). */
    interface Accumulator {
        /**
         * Adds a sequence's positions weighted by the state posteriors.
         *
         * @param data the observations
         * @param sequence the sequence
         * @param gamma row {@code t}: the probability of each state at position {@code t}
         */
        void add(Observations data, int sequence, double[][] gamma);

        /**
         * The maximum a posteriori estimate from what was added.
         *
         * @return the new emission
         */
        Emission estimate();
    }

    /**
     * An untrained emission of the right kind with randomised parameters, for a random restart of Baum-Welch.
     *
     * @param data the training observations (their overall statistics centre the random start)
     * @param sequences the training sequences
     * @param states the number of states
     * @param random the source of randomness
     * @return the emission
     */
    static Emission random(Observations data, int[] sequences, int states, SplittableRandom random) {
        // One pass of overall statistics with all weight on a single state, then perturbed per state.
        var accumulator = empty(data.layout(), 1).accumulator(0.5);
        for (int s : sequences) {
            double[][] gamma = new double[data.length(s)][1];
            for (double[] g : gamma) {
                g[0] = 1;
            }
            accumulator.add(data, s, gamma);
        }
        return accumulator.estimate().perturbed(states, data, sequences, random);
    }

    /**
     * An emission of the right kind for a layout, with uniform parameters.
     *
     * @param layout the layout
     * @param states the number of states
     * @return the emission
     */
    static Emission empty(Observations.Layout layout, int states) {
        return switch (layout.kind()) {
            case CATEGORICAL -> {
                double[][][] p = new double[states][layout.width()][];
                for (int k = 0; k < states; k++) {
                    for (int c = 0; c < layout.width(); c++) {
                        int levels = layout.levels().get(c).size();
                        p[k][c] = new double[levels];
                        java.util.Arrays.fill(p[k][c], 1.0 / levels);
                    }
                }
                yield new Categorical(p);
            }
            case BINARY -> {
                double[][] p = new double[states][layout.width()];
                for (double[] row : p) {
                    java.util.Arrays.fill(row, 0.5);
                }
                yield new Bernoulli(p);
            }
            case GAUSSIAN -> {
                double[][] mean = new double[states][layout.width()];
                double[][] variance = new double[states][layout.width()];
                for (double[] row : variance) {
                    java.util.Arrays.fill(row, 1);
                }
                yield new Gaussian(mean, variance, 1e-9);
            }
        };
    }

    /**
     * This single-state emission spread to several states with random perturbations.
     *
     * @param states the number of states
     * @param data the training observations
     * @param sequences the training sequences
     * @param random the source of randomness
     * @return the emission
     */
    Emission perturbed(int states, Observations data, int[] sequences, SplittableRandom random);

    /** A categorical distribution per nominal column and state. */
    final class Categorical implements Emission {
        private final double[][][] p;
        private final double[][][] logP;

        /**
         * Creates the emission.
         *
         * @param p state, column, level: the probability; each innermost row sums to one
         */
        public Categorical(double[][][] p) {
            this.p = deepCopy(p);
            this.logP = new double[p.length][][];
            for (int k = 0; k < p.length; k++) {
                logP[k] = new double[p[k].length][];
                for (int c = 0; c < p[k].length; c++) {
                    logP[k][c] = new double[p[k][c].length];
                    for (int v = 0; v < p[k][c].length; v++) {
                        logP[k][c][v] = Math.log(p[k][c][v]);
                    }
                }
            }
        }

        /**
         * The probability of a level of a column in a state.
         *
         * @param state the state
         * @param column the column
         * @param level the level
         * @return the probability
         */
        public double probability(int state, int column, int level) {
            return p[state][column][level];
        }

        /**
         * The number of levels of a column.
         *
         * @param column the column
         * @return the count
         */
        public int levels(int column) {
            return p[0][column].length;
        }

        @Override
        public int states() {
            return p.length;
        }

        @Override
        public void logDensities(Observations data, int sequence, double[][] out) {
            for (int t = 0; t < out.length; t++) {
                int[] codes = data.ints(sequence, t);
                for (int k = 0; k < p.length; k++) {
                    double sum = 0;
                    for (int c = 0; c < codes.length; c++) {
                        sum += logP[k][c][codes[c]];
                    }
                    out[t][k] = sum;
                }
            }
        }

        @Override
        public Accumulator accumulator(double pseudoCount) {
            double[][][] counts = new double[p.length][][];
            for (int k = 0; k < p.length; k++) {
                counts[k] = new double[p[k].length][];
                for (int c = 0; c < p[k].length; c++) {
                    counts[k][c] = new double[p[k][c].length];
                }
            }
            return new Accumulator() {
                @Override
                public void add(Observations data, int sequence, double[][] gamma) {
                    for (int t = 0; t < gamma.length; t++) {
                        int[] codes = data.ints(sequence, t);
                        for (int k = 0; k < counts.length; k++) {
                            for (int c = 0; c < codes.length; c++) {
                                counts[k][c][codes[c]] += gamma[t][k];
                            }
                        }
                    }
                }

                @Override
                public Emission estimate() {
                    double[][][] q = new double[counts.length][][];
                    for (int k = 0; k < counts.length; k++) {
                        q[k] = new double[counts[k].length][];
                        for (int c = 0; c < counts[k].length; c++) {
                            q[k][c] = normalise(counts[k][c], pseudoCount);
                        }
                    }
                    return new Categorical(q);
                }
            };
        }

        @Override
        public Emission perturbed(int states, Observations data, int[] sequences, SplittableRandom random) {
            double[][][] q = new double[states][p[0].length][];
            for (int k = 0; k < states; k++) {
                for (int c = 0; c < p[0].length; c++) {
                    double[] row = new double[p[0][c].length];
                    for (int v = 0; v < row.length; v++) {
                        row[v] = p[0][c][v] * (0.25 + 1.5 * random.nextDouble());
                    }
                    q[k][c] = normalise(row, 0);
                }
            }
            return new Categorical(q);
        }

        @Override
        public String describe() {
            int levels = 0;
            for (double[] column : p[0]) {
                levels += column.length;
            }
            return p[0].length == 1 ? "categorical over " + levels + " symbols"
                    : "categorical over " + p[0].length + " nominal columns (" + levels + " levels)";
        }
    }

    /** A product of independent Bernoulli distributions, one per binary feature and state. */
    final class Bernoulli implements Emission {
        private final double[][] p;
        private final double[][] logOdds;
        private final double[] logAllOff;

        /**
         * Creates the emission.
         *
         * @param p state, feature: the probability that the feature is active, strictly between 0 and 1
         */
        public Bernoulli(double[][] p) {
            this.p = deepCopy(p);
            this.logOdds = new double[p.length][p[0].length];
            this.logAllOff = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                for (int f = 0; f < p[k].length; f++) {
                    logOdds[k][f] = Math.log(p[k][f]) - Math.log1p(-p[k][f]);
                    logAllOff[k] += Math.log1p(-p[k][f]);
                }
            }
        }

        /**
         * The probability that a feature is active in a state.
         *
         * @param state the state
         * @param feature the feature
         * @return the probability
         */
        public double probability(int state, int feature) {
            return p[state][feature];
        }

        @Override
        public int states() {
            return p.length;
        }

        @Override
        public void logDensities(Observations data, int sequence, double[][] out) {
            for (int t = 0; t < out.length; t++) {
                int[] active = data.ints(sequence, t);
                for (int k = 0; k < p.length; k++) {
                    // log prod_f p^x (1-p)^(1-x) = sum_f log(1-p) + sum_{f active} log(p / (1-p)): sparse in x
                    double sum = logAllOff[k];
                    for (int f : active) {
                        sum += logOdds[k][f];
                    }
                    out[t][k] = sum;
                }
            }
        }

        @Override
        public Accumulator accumulator(double pseudoCount) {
            double[][] on = new double[p.length][p[0].length];
            double[] total = new double[p.length];
            return new Accumulator() {
                @Override
                public void add(Observations data, int sequence, double[][] gamma) {
                    for (int t = 0; t < gamma.length; t++) {
                        int[] active = data.ints(sequence, t);
                        for (int k = 0; k < on.length; k++) {
                            double g = gamma[t][k];
                            total[k] += g;
                            for (int f : active) {
                                on[k][f] += g;
                            }
                        }
                    }
                }

                @Override
                public Emission estimate() {
                    double alpha = Math.max(pseudoCount, 1e-6);
                    double[][] q = new double[on.length][on[0].length];
                    for (int k = 0; k < on.length; k++) {
                        for (int f = 0; f < on[k].length; f++) {
                            q[k][f] = (on[k][f] + alpha) / (total[k] + 2 * alpha);
                        }
                    }
                    return new Bernoulli(q);
                }
            };
        }

        @Override
        public Emission perturbed(int states, Observations data, int[] sequences, SplittableRandom random) {
            double[][] q = new double[states][p[0].length];
            for (int k = 0; k < states; k++) {
                for (int f = 0; f < q[k].length; f++) {
                    q[k][f] = Math.clamp(p[0][f] * (0.25 + 1.5 * random.nextDouble()), 1e-4, 1 - 1e-4);
                }
            }
            return new Bernoulli(q);
        }

        @Override
        public String describe() {
            return "independent Bernoulli over " + p[0].length + " binary features";
        }
    }

    /** A Gaussian with a diagonal covariance per state over the numeric columns. */
    final class Gaussian implements Emission {
        private static final double LOG_2PI = Math.log(2 * Math.PI);
        private final double[][] mean;
        private final double[][] variance;
        private final double varianceFloor;

        /**
         * Creates the emission.
         *
         * @param mean state, column: the mean
         * @param variance state, column: the variance, positive
         * @param varianceFloor the smallest variance an estimate may take, so no state collapses on a single value
         */
        public Gaussian(double[][] mean, double[][] variance, double varianceFloor) {
            this.mean = deepCopy(mean);
            this.variance = deepCopy(variance);
            this.varianceFloor = varianceFloor;
        }

        /**
         * The mean of a column in a state.
         *
         * @param state the state
         * @param column the column
         * @return the mean
         */
        public double mean(int state, int column) {
            return mean[state][column];
        }

        /**
         * The variance of a column in a state.
         *
         * @param state the state
         * @param column the column
         * @return the variance
         */
        public double variance(int state, int column) {
            return variance[state][column];
        }

        @Override
        public int states() {
            return mean.length;
        }

        @Override
        public void logDensities(Observations data, int sequence, double[][] out) {
            for (int t = 0; t < out.length; t++) {
                double[] x = data.reals(sequence, t);
                for (int k = 0; k < mean.length; k++) {
                    double sum = 0;
                    for (int d = 0; d < x.length; d++) {
                        double z = x[d] - mean[k][d];
                        sum -= 0.5 * (LOG_2PI + Math.log(variance[k][d]) + z * z / variance[k][d]);
                    }
                    out[t][k] = sum;
                }
            }
        }

        @Override
        public Accumulator accumulator(double pseudoCount) {
            int width = mean[0].length;
            double[] weight = new double[mean.length];
            double[][] sum = new double[mean.length][width];
            double[][] squares = new double[mean.length][width];
            double[] all = new double[3 * width];
            return new Accumulator() {
                private double allWeight;

                @Override
                public void add(Observations data, int sequence, double[][] gamma) {
                    for (int t = 0; t < gamma.length; t++) {
                        double[] x = data.reals(sequence, t);
                        allWeight++;
                        for (int d = 0; d < width; d++) {
                            all[d] += x[d];
                            all[width + d] += x[d] * x[d];
                        }
                        for (int k = 0; k < weight.length; k++) {
                            double g = gamma[t][k];
                            weight[k] += g;
                            for (int d = 0; d < width; d++) {
                                sum[k][d] += g * x[d];
                                squares[k][d] += g * x[d] * x[d];
                            }
                        }
                    }
                }

                @Override
                public Emission estimate() {
                    // The floor is a thousandth of the overall variance of the column (at least the previous one).
                    double floor = varianceFloor;
                    double[] overallMean = new double[width];
                    double[] overallVariance = new double[width];
                    for (int d = 0; d < width; d++) {
                        overallMean[d] = allWeight > 0 ? all[d] / allWeight : 0;
                        overallVariance[d] = allWeight > 0
                                ? Math.max(all[width + d] / allWeight - overallMean[d] * overallMean[d], 1e-12) : 1;
                        floor = Math.max(floor, 1e-3 * overallVariance[d]);
                    }
                    double[][] m = new double[weight.length][width];
                    double[][] v = new double[weight.length][width];
                    for (int k = 0; k < weight.length; k++) {
                        for (int d = 0; d < width; d++) {
                            if (weight[k] < 1e-9) {
                                // A state no position visits keeps the overall distribution, so it stays usable.
                                m[k][d] = overallMean[d];
                                v[k][d] = overallVariance[d];
                            } else {
                                m[k][d] = sum[k][d] / weight[k];
                                v[k][d] = Math.max(squares[k][d] / weight[k] - m[k][d] * m[k][d], floor);
                            }
                        }
                    }
                    return new Gaussian(m, v, floor);
                }
            };
        }

        @Override
        public Emission perturbed(int states, Observations data, int[] sequences, SplittableRandom random) {
            // Means at randomly chosen positions of the data, the overall variance for each state.
            int width = mean[0].length;
            double[][] m = new double[states][];
            double[][] v = new double[states][];
            for (int k = 0; k < states; k++) {
                int s = sequences[random.nextInt(sequences.length)];
                m[k] = data.reals(s, random.nextInt(data.length(s))).clone();
                v[k] = variance[0].clone();
            }
            return new Gaussian(m, v, varianceFloor);
        }

        @Override
        public String describe() {
            return "Gaussian (diagonal) over " + mean[0].length + " numeric column" + (mean[0].length == 1 ? "" : "s");
        }
    }

    private static double[] normalise(double[] counts, double pseudoCount) {
        double total = 0;
        for (double c : counts) {
            total += c + pseudoCount;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = total > 0 ? (counts[i] + pseudoCount) / total : 1.0 / counts.length;
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static double[][][] deepCopy(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = deepCopy(a[i]);
        }
        return out;
    }
}
