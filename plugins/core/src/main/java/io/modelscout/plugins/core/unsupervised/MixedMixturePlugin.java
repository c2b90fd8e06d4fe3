package io.modelscout.plugins.core.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.model.Clusterer.CountChoice;
import io.modelscout.api.model.FittedModel;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A mixture model for tables of mixed columns: within a component, each numeric column is normal and each nominal
 * or ordinal column follows a distribution over its declared levels, the columns independent. Fitted by EM from
 * several seeded k-means++-like starts (distance: squared standardised difference on numeric columns, mismatch on
 * categorical ones), the number of components chosen by BIC (counts are tried upwards and the search stops once
 * BIC has risen on two counts in a row past its minimum).
 *
 * <p>Missing cells are marginalised, in fitting as in use: a cell that is missing leaves its factor out of a row's
 * likelihood, so the E-step weighs each row by its known cells and the M-step estimates each column from the rows
 * where it is known. This maximises the likelihood of the observed cells (missing at random), with no imputation.
 * A numeric column's variance within a component is floored at a thousandth of its overall variance, so that a
 * component cannot collapse onto one repeated value; a level's probability is smoothed by a pseudo-count.
 */
public final class MixedMixturePlugin implements ModelPlugin {
    private static final int ITERATIONS = 300;
    private static final double TOLERANCE = 1e-6;
    private static final double VARIANCE_FLOOR = 1e-3;
    private static final ParameterSpace PARAMETERS = ParameterSpace.of(
            new IntParam("maxComponents", "Most components tried; BIC chooses the count from 1 up to this.", 8, 1, 30,
                    false),
            new IntParam("restarts", "Seeded starts of EM per count; the most likely fit is kept.", 5, 1, 50, false),
            new RealParam("smoothing", "Pseudo-count added to every level of a categorical column in each component.",
                    0.5, 0.0, 10.0, false));

    /** Creates the plugin; it holds no state. */
    public MixedMixturePlugin() {
    }

    @Override
    public String id() {
        return "core.mixed-mixture";
    }

    @Override
    public String displayName() {
        return "Mixed-type mixture (Gaussian + categorical, missing cells marginalised)";
    }

    @Override
    public String description() {
        return "A latent-class mixture over numeric and categorical columns, fitted by EM with the number of "
                + "components chosen by BIC. Missing cells are integrated out rather than filled in, in fitting and "
                + "in use; imputes from the conditional distribution given the known cells.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public java.util.Set<Goal> goals() {
        return java.util.Set.of(Goal.CLUSTER, Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY);
    }

    @Override
    public java.util.Set<Capability> capabilities() {
        return java.util.Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                Capability.HANDLES_MISSING_DATA, Capability.NOMINAL_FEATURES, Capability.SAMPLES_NEW_DATA);
    }

    @Override
    public ParameterSpace parameters() {
        return PARAMETERS;
    }

    @Override
    public FittedModel fit(FitRequest request) {
        var columns = Columns.of(request.features(), id(), true);
        double[][] x = Columns.matrix(request.features());
        int n = x.length;
        int maxComponents = Math.max(1, Math.min(request.parameters().getInt("maxComponents"), n / 5));
        int restarts = request.parameters().getInt("restarts");
        double smoothing = request.parameters().getDouble("smoothing");
        var em = new Em(columns, x, smoothing);
        var values = new TreeMap<Integer, Double>();
        Em.Fit best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        long[] seeds = new SplittableRandom(request.seed()).longs(maxComponents).toArray();
        for (int k = 1; k <= maxComponents; k++) {
            Em.Fit fit = em.best(k, k == 1 ? 1 : restarts, seeds[k - 1]);
            double bic = -2 * fit.logLikelihood() + em.parameters(k) * Math.log(n);
            if (!Double.isFinite(bic)) {
                continue;
            }
            values.put(k, bic);
            if (bic < bestBic) {
                best = fit;
                bestBic = bic;
            } else if (values.containsKey(k - 1) && values.get(k - 1) > bestBic) {
                // BIC has risen twice in a row past its minimum: more components only add parameters
                break;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(id() + ": EM gave no finite likelihood on " + n + " rows");
        }
        long missing = request.features().missingCount();
        String summary = "Mixture of " + best.weights().length + " components over " + columns.size()
                + " columns, chosen by BIC among 1 to " + maxComponents
                + (missing > 0 ? "; " + missing + " missing cells marginalised" : "");
        return new MixedMixture(id(), columns, best.weights(), best.mean(), best.variance(), best.probability(),
                new CountChoice("BIC", false, values), summary);
    }

    /** EM for the mixed mixture over fixed training rows. */
    static final class Em {
        private final Columns columns;
        private final double[][] x;
        private final double smoothing;
        private final double[] globalMean;
        private final double[] globalVariance;
        private final double[] floor;

        record Fit(double[] weights, double[][] mean, double[][] variance, double[][][] probability,
                   double logLikelihood) {
        }

        Em(Columns columns, double[][] x, double smoothing) {
            this.columns = columns;
            this.x = x;
            this.smoothing = smoothing;
            int d = columns.size();
            globalMean = new double[d];
            globalVariance = new double[d];
            floor = new double[d];
            for (int j = 0; j < d; j++) {
                if (columns.numeric()[j]) {
                    double[] mv = MixtureMath.meanVariance(x, j);
                    globalMean[j] = mv[0];
                    globalVariance[j] = mv[1] > 0 ? mv[1] : 1e-6 * (1 + mv[0] * mv[0]);
                    floor[j] = VARIANCE_FLOOR * globalVariance[j];
                }
            }
        }

        int parameters(int k) {
            int perComponent = 0;
            for (int j = 0; j < columns.size(); j++) {
                perComponent += columns.numeric()[j] ? 2 : columns.levels()[j] - 1;
            }
            return k - 1 + k * perComponent;
        }

        Fit best(int k, int restarts, long seed) {
            Fit best = null;
            var random = new SplittableRandom(seed);
            for (int r = 0; r < restarts; r++) {
                Fit fit = run(k, random.split());
                if (best == null || fit.logLikelihood() > best.logLikelihood()) {
                    best = fit;
                }
            }
            return best;
        }

        /** One EM run from a seeded hard start. */
        Fit run(int k, SplittableRandom random) {
            int n = x.length;
            double[][] resp = new double[n][k];
            int[] start = start(k, random);
            for (int i = 0; i < n; i++) {
                resp[i][start[i]] = 1.0;
            }
            Fit fit = maximise(resp, k);
            double previous = Double.NEGATIVE_INFINITY;
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                double ll = expect(fit, resp);
                fit = maximise(resp, k);
                if (Math.abs(ll - previous) <= TOLERANCE * Math.abs(ll)) {
                    break;
                }
                previous = ll;
            }
            double ll = expect(fit, resp);
            return new Fit(fit.weights(), fit.mean(), fit.variance(), fit.probability(), ll);
        }

        /** Hard assignment to k centres chosen as k-means++ does, on the mixed distance. */
        private int[] start(int k, SplittableRandom random) {
            int n = x.length;
            int[] centres = new int[k];
            centres[0] = random.nextInt(n);
            double[] nearest = new double[n];
            java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int c = 1; c < k; c++) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    nearest[i] = Math.min(nearest[i], distance(x[i], x[centres[c - 1]]));
                    total += nearest[i];
                }
                if (!(total > 0)) {
                    centres[c] = random.nextInt(n);
                    continue;
                }
                double u = random.nextDouble() * total;
                int chosen = n - 1;
                double cumulative = 0;
                for (int i = 0; i < n; i++) {
                    cumulative += nearest[i];
                    if (u < cumulative) {
                        chosen = i;
                        break;
                    }
                }
                centres[c] = chosen;
            }
            int[] assigned = new int[n];
            for (int i = 0; i < n; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dist = distance(x[i], x[centres[c]]);
                    if (dist < best) {
                        best = dist;
                        assigned[i] = c;
                    }
                }
            }
            return assigned;
        }

        private double distance(double[] a, double[] b) {
            double sum = 0;
            for (int j = 0; j < a.length; j++) {
                if (Double.isNaN(a[j]) || Double.isNaN(b[j])) {
                    continue;
                }
                if (columns.numeric()[j]) {
                    double z = a[j] - b[j];
                    sum += z * z / globalVariance[j];
                } else if (a[j] != b[j]) {
                    sum += 1.0;
                }
            }
            return sum;
        }

        /** The M-step: weights, means, variances and level probabilities from the responsibilities. */
        private Fit maximise(double[][] resp, int k) {
            int n = x.length;
            int d = columns.size();
            double[] weights = new double[k];
            double[][] mean = new double[k][d];
            double[][] variance = new double[k][d];
            double[][][] probability = new double[k][d][];
            for (int c = 0; c < k; c++) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    total += resp[i][c];
                }
                // a component that lost every row keeps a sliver of weight, so its log stays finite
                weights[c] = Math.max(total / n, 1e-10);
                for (int j = 0; j < d; j++) {
                    if (columns.numeric()[j]) {
                        double w = 0;
                        double sum = 0;
                        for (int i = 0; i < n; i++) {
                            if (!Double.isNaN(x[i][j])) {
                                w += resp[i][c];
                                sum += resp[i][c] * x[i][j];
                            }
                        }
                        if (w < 1e-9) {
                            mean[c][j] = globalMean[j];
                            variance[c][j] = globalVariance[j];
                            continue;
                        }
                        double m = sum / w;
                        double squares = 0;
                        for (int i = 0; i < n; i++) {
                            if (!Double.isNaN(x[i][j])) {
                                squares += resp[i][c] * (x[i][j] - m) * (x[i][j] - m);
                            }
                        }
                        mean[c][j] = m;
                        variance[c][j] = Math.max(squares / w, floor[j]);
                    } else {
                        int levels = columns.levels()[j];
                        double[] counts = new double[levels];
                        double w = 0;
                        for (int i = 0; i < n; i++) {
                            if (!Double.isNaN(x[i][j])) {
                                counts[(int) x[i][j]] += resp[i][c];
                                w += resp[i][c];
                            }
                        }
                        double alpha = smoothing > 0 ? smoothing : 1e-9;
                        probability[c][j] = new double[levels];
                        for (int l = 0; l < levels; l++) {
                            probability[c][j][l] = (counts[l] + alpha) / (w + alpha * levels);
                        }
                    }
                }
            }
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            for (int c = 0; c < k; c++) {
                weights[c] /= sum;
            }
            return new Fit(weights, mean, variance, probability, Double.NaN);
        }

        /** The E-step: responsibilities from the known cells; returns the log-likelihood of the observed cells. */
        private double expect(Fit fit, double[][] resp) {
            var model = new MixedMixture("em", columns, fit.weights(), fit.mean(), fit.variance(), fit.probability(),
                    CountChoice.NONE, "");
            double ll = 0;
            for (int i = 0; i < x.length; i++) {
                double[] terms = model.logJoints(x[i]);
                double total = MixtureMath.logSumExp(terms);
                ll += total;
                for (int c = 0; c < terms.length; c++) {
                    resp[i][c] = Math.exp(terms[c] - total);
                }
            }
            return ll;
        }
    }
}
