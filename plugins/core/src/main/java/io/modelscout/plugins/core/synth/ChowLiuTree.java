package io.modelscout.plugins.core.synth;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Bayesian network whose structure is a Chow-Liu tree: of all trees over the columns, the one that maximises the
 * likelihood, found as the maximum spanning tree of the pair-wise mutual information. Numbers are discretised into
 * quantile bins (a column with few distinct values keeps each value as its own state); levels that occur are the
 * states of a categorical column. Each column's table given its parent is Laplace smoothed. Rows are drawn
 * ancestrally from the root, and a number within its drawn bin from the column's smoothed empirical distribution
 * restricted to that bin.
 *
 * <p>Conditioning on a level is exact for the tree: the tree is re-rooted at the conditioned column (a tree's
 * joint distribution does not depend on its root when the tables come from the same pair-wise counts), that column
 * is fixed and the rest drawn from it outwards.
 */
public final class ChowLiuTree extends SynthesizerModel {
    private final int[] vars;
    private final Variable[] variables;
    private final int[][] counts;
    private final int[][][] pairCounts;
    private final List<int[]> edges;
    private final double alpha;
    private final Orientation defaultOrientation;

    /** How a column's states map to cells. */
    private sealed interface Variable {
        int states();

        int state(int row);

        double cell(int state, SplittableRandom random);
    }

    /** Level codes that occur, as states 0..k-1. */
    private record Levels(CategoricalColumn column, int[] codeOfState, int[] stateOfCode) implements Variable {
        static Levels of(CategoricalColumn column) {
            int[] counts = column.counts();
            int[] stateOfCode = new int[counts.length];
            var codes = new ArrayList<Integer>();
            for (int c = 0; c < counts.length; c++) {
                stateOfCode[c] = counts[c] > 0 ? codes.size() : -1;
                if (counts[c] > 0) {
                    codes.add(c);
                }
            }
            return new Levels(column, codes.stream().mapToInt(Integer::intValue).toArray(), stateOfCode);
        }

        @Override
        public int states() {
            return codeOfState.length;
        }

        @Override
        public int state(int row) {
            return stateOfCode[column.code(row)];
        }

        @Override
        public double cell(int state, SplittableRandom random) {
            return codeOfState[state];
        }
    }

    /**
     * Numbers in bins: with no more distinct values than bins, each value its own bin and drawn as it is;
     * otherwise quantile bins, a value drawn from the smoothed marginal within the bin's share of the CDF.
     */
    private record Bins(NumericColumn column, NumericMarginal marginal, double[] lower, boolean exact)
            implements Variable {
        static Bins of(NumericColumn column, int bins) {
            var marginal = NumericMarginal.of(column);
            double[] sorted = column.toArray();
            Arrays.sort(sorted);
            double[] distinct = Arrays.stream(sorted).distinct().toArray();
            if (distinct.length <= bins) {
                return new Bins(column, marginal, distinct, true);
            }
            // lower edges: the smallest value, then the values at the quantiles b / bins, each once
            var edges = new ArrayList<Double>();
            edges.add(sorted[0]);
            for (int b = 1; b < bins; b++) {
                double edge = sorted[(int) ((long) b * sorted.length / bins)];
                if (edge > edges.getLast()) {
                    edges.add(edge);
                }
            }
            return new Bins(column, marginal, edges.stream().mapToDouble(Double::doubleValue).toArray(), false);
        }

        @Override
        public int states() {
            return lower.length;
        }

        @Override
        public int state(int row) {
            double v = column.value(row);
            int b = Arrays.binarySearch(lower, v);
            return b >= 0 ? b : Math.max(0, -b - 2);
        }

        @Override
        public double cell(int state, SplittableRandom random) {
            if (exact) {
                return lower[state];
            }
            double low = marginal.cdfStep(lower[state])[0];
            double high = state + 1 < lower.length ? marginal.cdfStep(lower[state + 1])[0] : 1.0;
            return marginal.quantile(low + random.nextDouble() * (high - low));
        }
    }

    /** The tree directed from a root: the order to draw in, each variable's parent and its table. */
    private record Orientation(int root, int[] order, int[] parent, double[][][] table) {
    }

    private ChowLiuTree(Schema schema, int[] vars, Variable[] variables, int[][] counts, int[][][] pairCounts,
                        List<int[]> edges, double alpha) {
        super(schema);
        this.vars = vars;
        this.variables = variables;
        this.counts = counts;
        this.pairCounts = pairCounts;
        this.edges = edges;
        this.alpha = alpha;
        this.defaultOrientation = vars.length == 0 ? null : orient(0);
    }

    /**
     * Learns the tree and its tables.
     *
     * @param table the training table, no cell missing outside all-missing columns
     * @param bins the most bins per numeric column
     * @param alpha the Laplace smoothing of every table's counts
     * @return the model
     */
    public static ChowLiuTree fit(Table table, int bins, double alpha) {
        Schema schema = Schema.of(table);
        var kept = new ArrayList<Integer>();
        for (int j = 0; j < schema.size(); j++) {
            if (!schema.column(j).constant()) {
                kept.add(j);
            }
        }
        int[] vars = kept.stream().mapToInt(Integer::intValue).toArray();
        int d = vars.length;
        int n = table.rowCount();
        var variables = new Variable[d];
        int[][] states = new int[d][n];
        int[][] counts = new int[d][];
        for (int k = 0; k < d; k++) {
            variables[k] = switch (table.column(vars[k])) {
                case NumericColumn numeric -> Bins.of(numeric, bins);
                case CategoricalColumn categorical -> Levels.of(categorical);
            };
            counts[k] = new int[variables[k].states()];
            for (int i = 0; i < n; i++) {
                states[k][i] = variables[k].state(i);
                counts[k][states[k][i]]++;
            }
        }
        // pairCounts[a][b] for b < a: joint counts of (state of a, state of b)
        int[][][] pairCounts = new int[d][][];
        double[][] information = new double[d][d];
        for (int a = 0; a < d; a++) {
            pairCounts[a] = new int[a][];
            for (int b = 0; b < a; b++) {
                int kb = variables[b].states();
                int[] joint = new int[variables[a].states() * kb];
                for (int i = 0; i < n; i++) {
                    joint[states[a][i] * kb + states[b][i]]++;
                }
                pairCounts[a][b] = joint;
                double mi = 0;
                for (int sa = 0; sa < variables[a].states(); sa++) {
                    for (int sb = 0; sb < kb; sb++) {
                        int nab = joint[sa * kb + sb];
                        if (nab > 0) {
                            mi += nab / (double) n * Math.log(nab * (double) n / (counts[a][sa] * (double) counts[b][sb]));
                        }
                    }
                }
                information[a][b] = mi;
                information[b][a] = mi;
            }
        }
        return new ChowLiuTree(schema, vars, variables, counts, pairCounts, spanningTree(information), alpha);
    }

    /** Prim's algorithm for the maximum spanning tree; ties go to the lower index, so the tree is deterministic. */
    private static List<int[]> spanningTree(double[][] weight) {
        int d = weight.length;
        var edges = new ArrayList<int[]>();
        if (d == 0) {
            return edges;
        }
        boolean[] in = new boolean[d];
        double[] best = new double[d];
        int[] from = new int[d];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        in[0] = true;
        for (int v = 1; v < d; v++) {
            best[v] = weight[0][v];
            from[v] = 0;
        }
        for (int added = 1; added < d; added++) {
            int next = -1;
            for (int v = 0; v < d; v++) {
                if (!in[v] && (next < 0 || best[v] > best[next])) {
                    next = v;
                }
            }
            in[next] = true;
            edges.add(new int[] {from[next], next});
            for (int v = 0; v < d; v++) {
                if (!in[v] && weight[next][v] > best[v]) {
                    best[v] = weight[next][v];
                    from[v] = next;
                }
            }
        }
        return edges;
    }

    private int joint(int a, int sa, int b, int sb) {
        return a > b ? pairCounts[a][b][sa * variables[b].states() + sb]
                : pairCounts[b][a][sb * variables[a].states() + sa];
    }

    /** The tree directed away from a root, with each variable's smoothed table given its parent. */
    private Orientation orient(int root) {
        int d = vars.length;
        var neighbours = new ArrayList<List<Integer>>();
        for (int k = 0; k < d; k++) {
            neighbours.add(new ArrayList<>());
        }
        for (int[] edge : edges) {
            neighbours.get(edge[0]).add(edge[1]);
            neighbours.get(edge[1]).add(edge[0]);
        }
        int[] parent = new int[d];
        Arrays.fill(parent, -2);
        parent[root] = -1;
        int[] order = new int[d];
        int m = 0;
        var queue = new ArrayDeque<Integer>();
        queue.add(root);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            order[m++] = v;
            for (int w : neighbours.get(v)) {
                if (parent[w] == -2) {
                    parent[w] = v;
                    queue.add(w);
                }
            }
        }
        double[][][] table = new double[d][][];
        for (int v = 0; v < d; v++) {
            int kv = variables[v].states();
            if (parent[v] < 0) {
                double total = 0;
                table[v] = new double[1][kv];
                for (int s = 0; s < kv; s++) {
                    table[v][0][s] = counts[v][s] + alpha;
                    total += table[v][0][s];
                }
                for (int s = 0; s < kv; s++) {
                    table[v][0][s] /= total;
                }
                continue;
            }
            int p = parent[v];
            int kp = variables[p].states();
            table[v] = new double[kp][kv];
            for (int sp = 0; sp < kp; sp++) {
                double total = 0;
                for (int s = 0; s < kv; s++) {
                    table[v][sp][s] = joint(v, s, p, sp) + alpha;
                    total += table[v][sp][s];
                }
                for (int s = 0; s < kv; s++) {
                    table[v][sp][s] = total > 0 ? table[v][sp][s] / total : 1.0 / kv;
                }
            }
        }
        return new Orientation(root, order, parent, table);
    }

    @Override
    protected double[][] draw(int rows, SplittableRandom random) {
        double[][] cells = new double[schema.size()][rows];
        if (defaultOrientation != null) {
            drawAll(defaultOrientation, cells, rows, random, -1);
        }
        return cells;
    }

    private void drawAll(Orientation orientation, double[][] cells, int rows, SplittableRandom random, int fixed) {
        int d = vars.length;
        int[] state = new int[d];
        for (int i = 0; i < rows; i++) {
            for (int v : orientation.order()) {
                if (v != orientation.root() || fixed < 0) {
                    int p = orientation.parent()[v];
                    double[] probabilities = orientation.table()[v][p < 0 ? 0 : state[p]];
                    state[v] = ClassConditionalSampler.pick(probabilities, random.nextDouble());
                } else {
                    state[v] = fixed;
                }
                cells[vars[v]][i] = variables[v].cell(state[v], random);
            }
        }
    }

    @Override
    public Table sampleWhere(int rows, long seed, String column, String level) {
        int[] at = schema.levelOf(column, level);
        checkRows(rows);
        int v = -1;
        for (int k = 0; k < vars.length; k++) {
            if (vars[k] == at[0]) {
                v = k;
            }
        }
        int state = v < 0 ? (schema.column(at[0]).constantCode() == at[1] ? 0 : -1)
                : ((Levels) variables[v]).stateOfCode()[at[1]];
        if (state < 0) {
            throw new IllegalArgumentException("level '" + level + "' of column '" + column
                    + "' never occurs in the training rows; there is nothing to condition on");
        }
        if (v < 0) {
            return sample(rows, seed);
        }
        double[][] cells = new double[schema.size()][rows];
        drawAll(orient(v), cells, rows, new SplittableRandom(seed), state);
        return schema.table(cells);
    }

    /**
     * The tree's edges as pairs of column names, parent first when rooted at the first varying column.
     *
     * @return the edges
     */
    public List<String[]> edges() {
        var out = new ArrayList<String[]>();
        for (int v = 0; v < vars.length; v++) {
            int p = defaultOrientation.parent()[v];
            if (p >= 0) {
                out.add(new String[] {schema.column(vars[p]).name(), schema.column(vars[v]).name()});
            }
        }
        return out;
    }

    @Override
    public String summary() {
        return "Chow-Liu tree over " + vars.length + " varying columns of " + schema.size() + ": "
                + String.join(", ", edges().stream().map(e -> e[0] + " -> " + e[1]).toList());
    }
}
