package io.modelscout.selector.synthesis;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.ClassPrediction;
import io.modelscout.api.model.Classifier;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Generator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Small synthesizers and a judge with known behaviour, standing in for real plugins. */
final class FakeSynthesizers {
    private FakeSynthesizers() {
    }

    /** How a fake draws rows from the training table. */
    enum Kind {
        /** Each column resampled on its own: keeps shapes, loses relations. */
        MARGINALS,
        /** Whole training rows resampled: a copier. */
        COPIER,
        /** Whole rows resampled with noise on numbers and a few flipped levels: keeps relations, copies nothing. */
        JITTER,
        /** Fit throws. */
        FAILING,
        /** Samples NaN numbers, as a diverged network would. */
        NAN
    }

    static final class Synthesizer implements ModelPlugin {
        private final String id;
        private final Kind kind;
        private final Set<Capability> capabilities;

        Synthesizer(String id, Kind kind, Capability... extra) {
            this.id = id;
            this.kind = kind;
            var all = EnumSet.of(Capability.GENERATIVE, Capability.SAMPLES_NEW_DATA);
            all.addAll(java.util.Arrays.asList(extra));
            this.capabilities = all;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Fake " + kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String description() {
            return "a synthesizer for tests";
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
            return capabilities;
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.EMPTY;
        }

        @Override
        public FittedModel fit(FitRequest request) {
            if (kind == Kind.FAILING) {
                throw new IllegalStateException("this synthesizer always fails");
            }
            Table data = request.features();
            return new Generator() {
                @Override
                public Table sample(int rows, long seed) {
                    var random = new SplittableRandom(seed);
                    int n = data.rowCount();
                    int[] pick = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        pick[i] = random.nextInt(n);
                    }
                    var columns = new ArrayList<Column>();
                    for (Column column : data.columns()) {
                        int[] rowsOf = pick;
                        if (kind == Kind.MARGINALS) {
                            rowsOf = new int[rows];
                            for (int i = 0; i < rows; i++) {
                                rowsOf[i] = random.nextInt(n);
                            }
                        }
                        Column picked = column.select(rowsOf);
                        switch (picked) {
                            case NumericColumn c -> {
                                double[] values = c.toArray();
                                double sd = spread(column);
                                for (int i = 0; i < rows; i++) {
                                    if (kind == Kind.NAN) {
                                        values[i] = Double.NaN;
                                    } else if (kind == Kind.JITTER) {
                                        values[i] += 0.3 * sd * random.nextGaussian();
                                    }
                                }
                                columns.add(NumericColumn.of(c.name(), values));
                            }
                            case CategoricalColumn c -> {
                                int[] codes = c.toCodes();
                                if (kind == Kind.JITTER) {
                                    for (int i = 0; i < rows; i++) {
                                        if (random.nextDouble() < 0.05) {
                                            codes[i] = random.nextInt(c.levels().size());
                                        }
                                    }
                                }
                                columns.add(c.withCodes(codes));
                            }
                        }
                    }
                    return new Table(data.name(), columns);
                }

                @Override
                public Map<String, double[]> trainingCurves() {
                    return kind == Kind.JITTER ? Map.of("loss", new double[] {3, 2, 1.5, 1.2}) : Map.of();
                }
            };
        }

        private static double spread(Column column) {
            double[] v = ((NumericColumn) column).toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(0);
            return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        }
    }

    /** Nearest class centroid over numeric (encoded) features, probabilities from a softmax of negative distances. */
    static final class Centroid implements ModelPlugin {
        @Override
        public String id() {
            return "test.centroid";
        }

        @Override
        public String displayName() {
            return "Nearest centroid";
        }

        @Override
        public String description() {
            return "a judge for tests";
        }

        @Override
        public Family family() {
            return Family.DISCRIMINATIVE;
        }

        @Override
        public Set<Goal> goals() {
            return EnumSet.of(Goal.CLASSIFY);
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.NEEDS_SCALING);
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.EMPTY;
        }

        @Override
        public FittedModel fit(FitRequest request) {
            double[][] x = request.features().toMatrix();
            CategoricalColumn y = request.classTarget();
            int k = y.levels().size();
            int p = x.length == 0 ? 0 : x[0].length;
            double[][] centre = new double[k][p];
            int[] count = new int[k];
            for (int i = 0; i < x.length; i++) {
                int c = y.code(i);
                count[c]++;
                for (int j = 0; j < p; j++) {
                    centre[c][j] += x[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < p; j++) {
                    centre[c][j] /= Math.max(1, count[c]);
                }
            }
            return (Classifier) features -> {
                double[][] z = features.toMatrix();
                double[][] probabilities = new double[z.length][k];
                for (int i = 0; i < z.length; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        double d = 0;
                        for (int j = 0; j < p; j++) {
                            d += (z[i][j] - centre[c][j]) * (z[i][j] - centre[c][j]);
                        }
                        probabilities[i][c] = count[c] == 0 ? Double.NEGATIVE_INFINITY : -d;
                        max = Math.max(max, probabilities[i][c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        probabilities[i][c] = Math.exp(probabilities[i][c] - max);
                        sum += probabilities[i][c];
                    }
                    for (int c = 0; c < k; c++) {
                        probabilities[i][c] /= sum;
                    }
                }
                return ClassPrediction.fromProbabilities(probabilities);
            };
        }
    }
}
