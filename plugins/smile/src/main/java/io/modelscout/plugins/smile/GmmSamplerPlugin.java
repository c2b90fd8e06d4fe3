package io.modelscout.plugins.smile;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Generator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import smile.clustering.KMeans;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;

/**
 * A synthesizer from a Gaussian mixture over encoded rows: numbers standardised, levels one-hot, both dequantised
 * (see {@link RowCodec}); the mixture fitted by Smile's EM from a Smile k-means start for one to
 * {@code maxComponents} components, the count chosen by BIC. A new row is a draw from a component picked by its
 * weight, decoded back: numbers clipped to the training range and rounded when whole, the level of the largest
 * indicator. The components capture clusters of rows and, within each, linear trends; conditioning on a level is by
 * rejection.
 */
public final class GmmSamplerPlugin implements ModelPlugin {
    static final String ID = "smile.gmm-sampler";
    // EM creeps on dequantised coordinates: a cap and a per-row tolerance of the log-likelihood keep a fit to seconds
    private static final int EM_ITERATIONS = 60;
    // a full covariance costs d (d + 1) / 2 parameters a component: beyond a dozen coordinates (one-hot levels add
    // up fast) BIC allows hardly more than one component, and a diagonal mixture of many does better
    private static final int AUTO_FULL_WIDTH = 12;
    private static final double EM_TOLERANCE_PER_ROW = 1e-4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Gaussian mixture synthesizer (Smile)";
    }

    @Override
    public String description() {
        return "A Gaussian mixture over standardised numbers and one-hot levels, its number of components chosen by "
                + "BIC; rows drawn from it and decoded. Captures clusters and linear trends within them.";
    }

    @Override
    public Family family() {
        return Family.GENERATIVE;
    }

    @Override
    public Set<Goal> goals() {
        return EnumSet.of(Goal.GENERATE);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.GENERATIVE, Capability.SAMPLES_NEW_DATA, Capability.NOMINAL_FEATURES);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new IntParam("maxComponents", "most mixture components tried; the count is chosen by BIC", 8, 1, 30,
                        false),
                new ChoiceParam("covariance", "full covariance per component, diagonal (fewer parameters: trends "
                        + "only across components, a latent-class model of the levels), or auto: full up to "
                        + AUTO_FULL_WIDTH + " encoded coordinates, diagonal beyond", "auto",
                        List.of("auto", "full", "diagonal")));
    }

    @Override
    public FittedModel fit(FitRequest request) {
        if (request.goal() != Goal.GENERATE) {
            throw new IllegalArgumentException(ID + " does not serve goal " + request.goal().id());
        }
        Table table = request.features();
        if (request.target().isPresent()) {
            var columns = new ArrayList<Column>(table.columns());
            columns.add(request.target().get());
            table = new Table(table.name(), columns);
        }
        if (table.rowCount() < 2 || table.columnCount() == 0) {
            throw new IllegalArgumentException(ID + ": the training table has " + table.rowCount() + " rows and "
                    + table.columnCount() + " columns; a mixture needs two rows and a column at least");
        }
        var codec = RowCodec.of(ID, table);
        long[] seeds = Seeds.split(request.seed(), 2);
        double[][] x = codec.encode(table, seeds[0]);
        String covariance = request.parameters().getString("covariance");
        boolean diagonal = covariance.equals("diagonal") || covariance.equals("auto") && codec.width() > AUTO_FULL_WIDTH;
        MultivariateMixture mixture = codec.width() == 0 ? null
                : best(x, request.parameters().getInt("maxComponents"), diagonal, seeds[1]);
        return new Sampler(codec, mixture, diagonal);
    }

    /** The mixture with the highest BIC among those EM could fit, one component always being possible. */
    private static MultivariateMixture best(double[][] x, int maxComponents, boolean diagonal, long seed) {
        int d = x[0].length;
        MultivariateMixture best = new MultivariateMixture(new MultivariateMixture.Component(1.0,
                MultivariateGaussianDistribution.fit(x, diagonal)));
        double bestBic = bic(best, x);
        long[] seeds = Seeds.split(seed, maxComponents + 1);
        int perComponent = diagonal ? 4 : d + 2;
        for (int m = 2; m <= maxComponents && x.length >= m * perComponent; m++) {
            Seeds.seedThisThread(seeds[m]);
            MultivariateMixture candidate;
            try {
                candidate = em(x, m, diagonal, perComponent);
            } catch (RuntimeException e) {
                // a component collapsed onto too few rows: this count does not fit these rows
                continue;
            }
            double bic = bic(candidate, x);
            if (bic > bestBic) {
                best = candidate;
                bestBic = bic;
            }
        }
        return best;
    }

    private static MultivariateMixture em(double[][] x, int m, boolean diagonal, int minimum) {
        var clusters = KMeans.fit(x, m, 50);
        var components = new MultivariateMixture.Component[m];
        for (int j = 0; j < m; j++) {
            var members = new ArrayList<double[]>();
            for (int i = 0; i < x.length; i++) {
                if (clusters.group(i) == j) {
                    members.add(x[i]);
                }
            }
            // checked here rather than left to Smile, which logs every failed Cholesky factorisation as an error
            if (members.size() < minimum) {
                throw new IllegalArgumentException("cluster " + j + " of " + m + " is too small to fit");
            }
            components[j] = new MultivariateMixture.Component(members.size() / (double) x.length,
                    MultivariateGaussianDistribution.fit(members.toArray(double[][]::new), diagonal));
        }
        return MultivariateExponentialFamilyMixture.fit(x, components, 0.0, EM_ITERATIONS,
                EM_TOLERANCE_PER_ROW * x.length);
    }

    private static double bic(MultivariateMixture mixture, double[][] x) {
        double logLikelihood = 0;
        for (double[] row : x) {
            logLikelihood += logDensity(mixture, row);
        }
        return Double.isFinite(logLikelihood)
                ? logLikelihood - 0.5 * mixture.length() * Math.log(x.length)
                : Double.NEGATIVE_INFINITY;
    }

    private static double logDensity(MultivariateMixture mixture, double[] row) {
        var components = mixture.components;
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[components.length];
        for (int j = 0; j < components.length; j++) {
            terms[j] = Math.log(components[j].priori()) + components[j].distribution().logp(row);
            max = Math.max(max, terms[j]);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    /** The fitted mixture as a generator: weights, means and Cholesky factors, drawn with the JDK's generator. */
    private static final class Sampler implements Generator {
        private final RowCodec codec;
        private final double[] cumulative;
        private final double[][] means;
        private final double[][][] factors;
        private final boolean diagonal;

        Sampler(RowCodec codec, MultivariateMixture mixture, boolean diagonal) {
            this.codec = codec;
            this.diagonal = diagonal;
            int k = mixture == null ? 0 : mixture.components.length;
            int d = codec.width();
            cumulative = new double[k];
            means = new double[k][];
            factors = new double[k][][];
            double at = 0;
            for (int j = 0; j < k; j++) {
                var component = mixture.components[j];
                var gaussian = (MultivariateGaussianDistribution) component.distribution();
                at += component.priori();
                cumulative[j] = at;
                means[j] = gaussian.mean().clone();
                double[][] cov = new double[d][d];
                var sigma = gaussian.cov();
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        cov[a][b] = diagonal ? (a == b ? sigma.get(a, a) : 0.0) : sigma.get(a, b);
                    }
                }
                factors[j] = cholesky(cov);
            }
        }

        @Override
        public Table sample(int rows, long seed) {
            if (rows < 0) {
                throw new IllegalArgumentException("rows: must not be negative, got " + rows);
            }
            var random = new SplittableRandom(seed);
            int d = codec.width();
            double[][] x = new double[rows][d];
            double[] e = new double[d];
            for (int i = 0; i < rows && d > 0; i++) {
                double u = random.nextDouble() * cumulative[cumulative.length - 1];
                int j = 0;
                while (j < cumulative.length - 1 && u >= cumulative[j]) {
                    j++;
                }
                for (int a = 0; a < d; a++) {
                    e[a] = random.nextGaussian();
                }
                for (int a = 0; a < d; a++) {
                    double s = means[j][a];
                    for (int b = 0; b <= a; b++) {
                        s += factors[j][a][b] * e[b];
                    }
                    x[i][a] = s;
                }
            }
            return codec.decode(x);
        }

        @Override
        public String summary() {
            return "Gaussian mixture of " + means.length + " components (" + (diagonal ? "diagonal" : "full")
                    + " covariance) over " + codec.width() + " encoded coordinates";
        }

        /** Cholesky factor of a covariance, with a growing ridge if rounding left it barely indefinite. */
        private static double[][] cholesky(double[][] a) {
            int d = a.length;
            double ridge = 0;
            for (int attempt = 0; attempt < 40; attempt++) {
                double[][] l = new double[d][d];
                boolean ok = true;
                for (int i = 0; i < d && ok; i++) {
                    for (int j = 0; j <= i; j++) {
                        double s = a[i][j] + (i == j ? ridge : 0.0);
                        for (int k = 0; k < j; k++) {
                            s -= l[i][k] * l[j][k];
                        }
                        if (i == j) {
                            if (!(s > 0)) {
                                ok = false;
                                break;
                            }
                            l[i][i] = Math.sqrt(s);
                        } else {
                            l[i][j] = s / l[j][j];
                        }
                    }
                }
                if (ok) {
                    return l;
                }
                ridge = ridge == 0 ? 1e-10 : ridge * 10;
            }
            throw new IllegalStateException("a component's covariance is not positive semi-definite");
        }
    }
}
