package io.modelscout.selector.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import io.modelscout.api.model.FittedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Plugins for the run's tests: independent Gaussians over numeric columns, which cluster (by the sign of the first
 * column, plus a seeded jitter so the seed matters), score anomalies, give densities, impute and sample. Each records
 * the column names it was fitted on.
 */
final class FakeModels {
    private FakeModels() {
    }

    enum Behaviour { WORKS, THROWS, NAN }

    static final class Plugin implements ModelPlugin {
        private final String id;
        private final Set<Goal> goals;
        private final Set<Capability> capabilities;
        private final Behaviour behaviour;
        final ConcurrentLinkedQueue<List<String>> seen = new ConcurrentLinkedQueue<>();

        Plugin(String id, Set<Goal> goals, Set<Capability> capabilities, Behaviour behaviour) {
            this.id = id;
            this.goals = goals;
            this.capabilities = capabilities;
            this.behaviour = behaviour;
        }

        static Plugin working(String id) {
            return new Plugin(id, Set.of(Goal.CLUSTER, Goal.DETECT_ANOMALIES, Goal.ESTIMATE_DENSITY),
                    Set.of(Capability.GENERATIVE, Capability.PROBABILISTIC, Capability.UNSUPERVISED,
                            Capability.SAMPLES_NEW_DATA), Behaviour.WORKS);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Fake " + id;
        }

        @Override
        public String description() {
            return "independent Gaussians for tests";
        }

        @Override
        public Family family() {
            return goals.contains(Goal.CLASSIFY) ? Family.DISCRIMINATIVE : Family.GENERATIVE;
        }

        @Override
        public Set<Goal> goals() {
            return goals;
        }

        @Override
        public Set<Capability> capabilities() {
            return capabilities;
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.EMPTY;
        }

        @Override
        public FittedModel fit(FitRequest request) {
            seen.add(request.features().columnNames());
            if (behaviour == Behaviour.THROWS) {
                throw new IllegalStateException("this model always breaks");
            }
            Table train = request.features();
            int p = train.columnCount();
            double[] mean = new double[p];
            double[] sd = new double[p];
            for (int j = 0; j < p; j++) {
                double[] v = ((NumericColumn) train.column(j)).toArray();
                double sum = 0;
                for (double x : v) {
                    sum += x;
                }
                mean[j] = sum / v.length;
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean[j]) * (x - mean[j]);
                }
                sd[j] = Math.max(1e-6, Math.sqrt(ss / v.length));
            }
            double jitter = new SplittableRandom(request.seed()).nextDouble() * 1e-3;
            var gaussians = new Gaussians(train.columnNames(), mean, sd, jitter, behaviour == Behaviour.NAN);
            return switch (request.goal()) {
                case CLUSTER -> gaussians.clusterer();
                case DETECT_ANOMALIES -> gaussians.detector();
                default -> gaussians;
            };
        }
    }

    record Gaussians(List<String> names, double[] mean, double[] sd, double jitter, boolean nan) implements DensityModel {
        @Override
        public double[] logDensity(Table rows) {
            double[] out = new double[rows.rowCount()];
            for (int i = 0; i < out.length; i++) {
                double ll = 0;
                for (int j = 0; j < mean.length; j++) {
                    double z = (((NumericColumn) rows.column(j)).value(i) - mean[j]) / sd[j];
                    ll += -0.5 * z * z - Math.log(sd[j] * Math.sqrt(2 * Math.PI));
                }
                out[i] = nan ? Double.NaN : ll + jitter;
            }
            return out;
        }

        @Override
        public Table impute(Table rows) {
            var columns = new ArrayList<Column>();
            for (int j = 0; j < mean.length; j++) {
                double[] v = ((NumericColumn) rows.column(j)).toArray();
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = mean[j] + jitter;
                    }
                }
                columns.add(((NumericColumn) rows.column(j)).withValues(v));
            }
            return rows.withColumns(columns);
        }

        @Override
        public Table imputeDraw(Table rows, long seed) {
            return impute(rows);
        }

        @Override
        public Table sample(int count, long seed) {
            var random = new SplittableRandom(seed);
            var columns = new ArrayList<Column>();
            double[][] values = new double[mean.length][count];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < mean.length; j++) {
                    values[j][i] = mean[j] + sd[j] * gaussian(random);
                }
            }
            for (int j = 0; j < mean.length; j++) {
                columns.add(NumericColumn.of(names.get(j), values[j]));
            }
            return new Table("sample", columns);
        }

        private static double gaussian(SplittableRandom random) {
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }

        Clusterer clusterer() {
            var self = this;
            return new Clusterer() {
                @Override
                public int clusterCount() {
                    return 2;
                }

                @Override
                public int[] assign(Table features) {
                    int[] out = new int[features.rowCount()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = ((NumericColumn) features.column(0)).value(i) > mean[0] + jitter ? 1 : 0;
                    }
                    return out;
                }

                @Override
                public double[] logDensity(Table rows) {
                    return self.logDensity(rows);
                }
            };
        }

        AnomalyDetector detector() {
            return features -> {
                double[] ll = logDensity(features);
                for (int i = 0; i < ll.length; i++) {
                    ll[i] = -ll[i];
                }
                return ll;
            };
        }
    }
}
