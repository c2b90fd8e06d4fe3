package io.modelscout.plugins.weka;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.HyperParameter.ChoiceParam;
import io.modelscout.api.HyperParameter.IntParam;
import io.modelscout.api.HyperParameter.RealParam;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.ParameterSpace;
import io.modelscout.api.ParameterValues;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NominalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.OrdinalColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.FittedModel;
import io.modelscout.api.model.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import weka.classifiers.bayes.BayesNet;
import weka.classifiers.bayes.net.estimate.SimpleEstimator;
import weka.classifiers.bayes.net.search.local.HillClimber;
import weka.classifiers.bayes.net.search.local.K2;
import weka.classifiers.bayes.net.search.local.LocalScoreSearchAlgorithm;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * A Bayesian network synthesizer whose structure and tables Weka's {@code BayesNet} learns: every varying column a
 * node (numbers cut into quantile bins beforehand, so that Weka does not discretise them against a class), a local
 * score search (hill climbing by default, or K2 in column order) with up to {@code maxParents} parents per node, and
 * tables smoothed by Weka's simple estimator. Rows are drawn ancestrally in topological order; a number within its
 * drawn bin from the training values of the bin, interpolated. Conditioning on a level is by rejection.
 */
public final class BayesNetSamplerPlugin implements ModelPlugin {
    static final String ID = "weka.bayes-net-sampler";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Bayesian network synthesizer (Weka BayesNet)";
    }

    @Override
    public String description() {
        return "A Bayesian network (structure by Weka's hill climbing or K2, up to a few parents a node) over "
                + "binned numbers and levels, sampled ancestrally. Keeps interactions a tree or a copula misses, "
                + "within the resolution of its bins.";
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
        return EnumSet.of(Capability.GENERATIVE, Capability.SAMPLES_NEW_DATA, Capability.NOMINAL_FEATURES,
                Capability.INTERPRETABLE);
    }

    @Override
    public ParameterSpace parameters() {
        return ParameterSpace.of(
                new ChoiceParam("search", "structure search: hill climbing over arc additions, deletions and "
                        + "reversals, or K2 (greedy, in column order)", "hill-climber", List.of("hill-climber", "k2")),
                new IntParam("maxParents", "most parents of a node", 2, 1, 3, false),
                new IntParam("bins", "most quantile bins per numeric column (a column with fewer distinct values "
                        + "keeps each value)", 8, 2, 50, false),
                new RealParam("alpha", "pseudo-count added to every cell of a table (1: Laplace)", 1.0, 1e-3, 10.0,
                        true));
    }

    @Override
    public FittedModel fit(FitRequest request) throws Exception {
        if (request.goal() != Goal.GENERATE) {
            throw new IllegalArgumentException(ID + " does not serve goal " + request.goal().id());
        }
        Table table = request.features();
        if (request.target().isPresent()) {
            var columns = new ArrayList<Column>(table.columns());
            columns.add(request.target().get());
            table = new Table(table.name(), columns);
        }
        if (table.rowCount() == 0 || table.columnCount() == 0) {
            throw new IllegalArgumentException(ID + ": the training table has " + table.rowCount() + " rows and "
                    + table.columnCount() + " columns; a synthesizer needs at least one of each");
        }
        WekaRuntime.prepare();
        ParameterValues parameters = request.parameters();
        int bins = parameters.getInt("bins");
        var nodes = new ArrayList<Node>();
        var fixed = new ArrayList<Fixed>();
        for (int j = 0; j < table.columnCount(); j++) {
            Column column = table.column(j);
            int missing = column.missingCount();
            if (missing > 0 && missing < column.size()) {
                throw new IllegalArgumentException(ID + ": column '" + column.name() + "' has " + missing
                        + " missing cells; impute them before fitting");
            }
            Node node = missing > 0 ? null : switch (column) {
                case NumericColumn numeric -> Binned.of(j, numeric, bins);
                case CategoricalColumn categorical -> Levels.of(j, categorical);
            };
            if (node == null || node.states() < 2) {
                fixed.add(Fixed.of(j, column));
            } else {
                nodes.add(node);
            }
        }
        Network network = nodes.isEmpty() ? Network.EMPTY : learn(table, nodes, parameters);
        return new Sampler(table.name(), table.columns().stream().map(Shape::of).toList(), nodes, fixed, network);
    }

    private static Network learn(Table table, List<Node> nodes, ParameterValues parameters) throws Exception {
        var attributes = new ArrayList<Attribute>(nodes.size());
        for (Node node : nodes) {
            var values = new ArrayList<String>();
            for (int s = 0; s < node.states(); s++) {
                values.add("s" + s);
            }
            attributes.add(new Attribute(table.column(node.column()).name(), values));
        }
        var data = new Instances(table.name(), attributes, table.rowCount());
        for (int i = 0; i < table.rowCount(); i++) {
            double[] values = new double[nodes.size()];
            for (int k = 0; k < nodes.size(); k++) {
                values[k] = nodes.get(k).state(i);
            }
            data.add(new DenseInstance(1.0, values));
        }
        // BayesNet needs a class; the last column is one node like the others, the search not started as naive Bayes
        data.setClassIndex(nodes.size() - 1);
        int maxParents = parameters.getInt("maxParents");
        LocalScoreSearchAlgorithm search = switch (parameters.getString("search")) {
            case "k2" -> {
                var k2 = new K2();
                k2.setInitAsNaiveBayes(false);
                k2.setMaxNrOfParents(maxParents);
                yield k2;
            }
            default -> {
                var climber = new HillClimber();
                climber.setInitAsNaiveBayes(false);
                climber.setMaxNrOfParents(maxParents);
                yield climber;
            }
        };
        var net = new BayesNet();
        net.setSearchAlgorithm(search);
        var estimator = new SimpleEstimator();
        estimator.setAlpha(parameters.getDouble("alpha"));
        net.setEstimator(estimator);
        net.setUseADTree(false);
        net.buildClassifier(data);
        int d = nodes.size();
        int[][] parents = new int[d][];
        double[][][] tables = new double[d][][];
        for (int v = 0; v < d; v++) {
            parents[v] = Arrays.copyOf(net.getParentSet(v).getParents(), net.getNrOfParents(v));
            var estimators = net.getDistributions()[v];
            int configurations = net.getParentSet(v).getCardinalityOfParents();
            tables[v] = new double[configurations][nodes.get(v).states()];
            for (int c = 0; c < configurations; c++) {
                for (int s = 0; s < nodes.get(v).states(); s++) {
                    tables[v][c][s] = estimators[c].getProbability(s);
                }
            }
        }
        return new Network(parents, tables, topologicalOrder(parents));
    }

    private static int[] topologicalOrder(int[][] parents) {
        int d = parents.length;
        int[] order = new int[d];
        boolean[] placed = new boolean[d];
        for (int m = 0; m < d; ) {
            boolean progress = false;
            for (int v = 0; v < d; v++) {
                if (!placed[v] && Arrays.stream(parents[v]).allMatch(p -> placed[p])) {
                    placed[v] = true;
                    order[m++] = v;
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the learnt network has a cycle");
            }
        }
        return order;
    }

    /** The structure and tables Weka learnt, over node positions. */
    private record Network(int[][] parents, double[][][] tables, int[] order) {
        static final Network EMPTY = new Network(new int[0][], new double[0][][], new int[0]);
    }

    /** What the output column must look like. */
    private record Shape(String name, List<String> levels, boolean ordered, boolean numeric) {
        static Shape of(Column column) {
            return switch (column) {
                case NumericColumn numeric -> new Shape(numeric.name(), List.of(), false, true);
                case CategoricalColumn categorical -> new Shape(categorical.name(), categorical.levels(),
                        categorical.ordered(), false);
            };
        }
    }

    /** A column that takes one value (or none): it is not a node and comes back as it was. */
    private record Fixed(int column, double value) {
        static Fixed of(int j, Column column) {
            for (int i = 0; i < column.size(); i++) {
                if (!column.isMissing(i)) {
                    return new Fixed(j, column instanceof NumericColumn numeric ? numeric.value(i)
                            : ((CategoricalColumn) column).code(i));
                }
            }
            return new Fixed(j, Double.NaN);
        }
    }

    /** A node: a column's states and how a drawn state becomes a cell. */
    private sealed interface Node {
        int column();

        int states();

        int state(int row);

        double cell(int state, SplittableRandom random);
    }

    /** The levels that occur, as states. */
    private record Levels(int column, CategoricalColumn data, int[] codeOfState, int[] stateOfCode) implements Node {
        static Levels of(int j, CategoricalColumn column) {
            int[] counts = column.counts();
            int[] stateOfCode = new int[counts.length];
            var codes = new ArrayList<Integer>();
            for (int c = 0; c < counts.length; c++) {
                stateOfCode[c] = counts[c] > 0 ? codes.size() : -1;
                if (counts[c] > 0) {
                    codes.add(c);
                }
            }
            return new Levels(j, column, codes.stream().mapToInt(Integer::intValue).toArray(), stateOfCode);
        }

        @Override
        public int states() {
            return codeOfState.length;
        }

        @Override
        public int state(int row) {
            return stateOfCode[data.code(row)];
        }

        @Override
        public double cell(int state, SplittableRandom random) {
            return codeOfState[state];
        }
    }

    /**
     * Quantile bins of a numeric column over its sorted values: bin b holds sorted positions
     * {@code [start[b], start[b + 1])}, tied values never split. A drawn bin gives a value interpolated at a uniform
     * position among its training values, so the value is new (between two training values) and within the bin; a
     * whole-number column is rounded.
     */
    private record Binned(int column, NumericColumn data, double[] sorted, int[] start, boolean integer)
            implements Node {
        static Binned of(int j, NumericColumn column, int bins) {
            double[] sorted = column.toArray();
            Arrays.sort(sorted);
            int n = sorted.length;
            var starts = new ArrayList<Integer>();
            starts.add(0);
            for (int b = 1; b < bins; b++) {
                int at = (int) ((long) b * n / bins);
                // move back to the first of a run of ties, so a value's bin is where its first copy sits
                while (at > 0 && sorted[at - 1] == sorted[at]) {
                    at--;
                }
                if (at > starts.getLast()) {
                    starts.add(at);
                }
            }
            starts.add(n);
            boolean integer = Arrays.stream(sorted).allMatch(v -> v == Math.rint(v));
            return new Binned(j, column, sorted, starts.stream().mapToInt(Integer::intValue).toArray(), integer);
        }

        @Override
        public int states() {
            return start.length - 1;
        }

        @Override
        public int state(int row) {
            double v = data.value(row);
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int b = Arrays.binarySearch(start, lo);
            return b >= 0 ? Math.min(b, states() - 1) : -b - 2;
        }

        @Override
        public double cell(int state, SplittableRandom random) {
            double first = start[state];
            double last = start[state + 1] - 1;
            double p = first + random.nextDouble() * (last - first);
            int i = (int) p;
            double value = i + 1 <= last ? sorted[i] + (p - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
            return integer ? Math.rint(value) : value;
        }
    }

    /** The fitted network as a generator. */
    private static final class Sampler implements Generator {
        private final String name;
        private final List<Shape> shapes;
        private final List<Node> nodes;
        private final List<Fixed> fixed;
        private final Network network;

        Sampler(String name, List<Shape> shapes, List<Node> nodes, List<Fixed> fixed, Network network) {
            this.name = name;
            this.shapes = List.copyOf(shapes);
            this.nodes = List.copyOf(nodes);
            this.fixed = List.copyOf(fixed);
            this.network = network;
        }

        @Override
        public Table sample(int rows, long seed) {
            if (rows < 0) {
                throw new IllegalArgumentException("rows: must not be negative, got " + rows);
            }
            var random = new SplittableRandom(seed);
            double[][] cells = new double[shapes.size()][rows];
            for (Fixed f : fixed) {
                Arrays.fill(cells[f.column()], f.value());
            }
            int[] state = new int[nodes.size()];
            for (int i = 0; i < rows; i++) {
                for (int v : network.order()) {
                    int configuration = 0;
                    for (int p : network.parents()[v]) {
                        configuration = configuration * nodes.get(p).states() + state[p];
                    }
                    state[v] = pick(network.tables()[v][configuration], random.nextDouble());
                    cells[nodes.get(v).column()][i] = nodes.get(v).cell(state[v], random);
                }
            }
            var columns = new ArrayList<Column>(shapes.size());
            for (int j = 0; j < shapes.size(); j++) {
                Shape shape = shapes.get(j);
                if (shape.numeric()) {
                    columns.add(NumericColumn.of(shape.name(), cells[j]));
                } else {
                    int[] codes = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        codes[i] = Double.isNaN(cells[j][i]) ? CategoricalColumn.MISSING : (int) cells[j][i];
                    }
                    columns.add(shape.ordered() ? OrdinalColumn.of(shape.name(), shape.levels(), codes)
                            : NominalColumn.of(shape.name(), shape.levels(), codes));
                }
            }
            return new Table(name, columns);
        }

        private static int pick(double[] probabilities, double u) {
            double total = 0;
            for (double p : probabilities) {
                total += p;
            }
            double at = 0;
            for (int s = 0; s < probabilities.length; s++) {
                at += probabilities[s] / total;
                if (u < at) {
                    return s;
                }
            }
            return probabilities.length - 1;
        }

        /**
         * The learnt arcs, parent to child, by column name.
         *
         * @return one line per node with parents
         */
        List<String> arcs() {
            var out = new ArrayList<String>();
            for (int v = 0; v < nodes.size(); v++) {
                for (int p : network.parents()[v]) {
                    out.add(shapes.get(nodes.get(p).column()).name() + " -> " + shapes.get(nodes.get(v).column()).name());
                }
            }
            return out;
        }

        @Override
        public String summary() {
            return "Bayesian network over " + nodes.size() + " varying columns of " + shapes.size() + ", "
                    + arcs().size() + " arcs: " + String.join(", ", arcs());
        }
    }
}
