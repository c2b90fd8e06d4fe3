package io.modelscout.selector.unsupervised;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a clustering run shows: the recommended model's clusters on a 2-D PCA projection, their sizes, how each
 * candidate chose its number of clusters, and the clusters against the reference groups when the task names them.
 *
 * @param recommended the recommended candidate (fitted on all rows for the scatter and sizes), or empty
 * @param clusterCount the recommended model's number of clusters, 0 when none was recommended
 * @param projection the rows on the first two principal components of the standardised numeric columns, coloured
 *     by the recommended model's cluster; empty when no model was recommended or fewer than two numeric columns
 *     exist
 * @param sizes the size of each cluster of the recommended model, noise ({@code -1}) included when present
 * @param countChoices per candidate that chose its number of clusters: the criterion per number tried
 * @param reference the reference column, when the task names one
 * @param confusion clusters by reference groups for the recommended model, when a reference exists
 * @param notes how the numbers were obtained
 */
public record ClusterDetails(String recommended, int clusterCount, Optional<Projection> projection,
                             List<ClusterSize> sizes, List<CountCurve> countChoices, Optional<String> reference,
                             Optional<Confusion> confusion, List<String> notes) implements UnsupervisedDetails {
    /** Copies and checks. */
    public ClusterDetails {
        requireNonNull(recommended, "recommended is null");
        requireNonNull(projection, "projection is null");
        sizes = List.copyOf(sizes);
        countChoices = List.copyOf(countChoices);
        requireNonNull(reference, "reference is null");
        requireNonNull(confusion, "confusion is null");
        notes = List.copyOf(notes);
    }

    @Override
    public String goal() {
        return "cluster";
    }

    @Override
    public List<String> consoleLines() {
        var lines = new ArrayList<String>();
        if (!recommended.isEmpty()) {
            var text = new StringBuilder();
            for (ClusterSize size : sizes) {
                text.append(text.isEmpty() ? "" : ", ").append(size.cluster() < 0 ? "noise" : "#" + size.cluster())
                        .append(": ").append(size.size());
            }
            lines.add("clusters: " + clusterCount + " (" + recommended + " fitted on all rows; sizes " + text + ")");
        }
        return lines;
    }

    /**
     * Rows projected on two principal components.
     *
     * @param xLabel the first axis, e.g. {@code PC1 (72.9 % of variance)}
     * @param yLabel the second axis
     * @param explained the share of variance of each of the two components, in [0, 1]
     * @param points the rows shown (every row, or an even sample of at most 2,000)
     * @param totalRows how many rows the data has
     */
    public record Projection(String xLabel, String yLabel, List<Double> explained, List<Point> points,
                             int totalRows) {
        /** Copies and checks. */
        public Projection {
            requireNonNull(xLabel, "xLabel is null");
            requireNonNull(yLabel, "yLabel is null");
            explained = List.copyOf(explained);
            points = List.copyOf(points);
        }
    }

    /**
     * One row of the scatter.
     *
     * @param row the row's index in the data (0-based, after dropping ignored columns; rows are never dropped)
     * @param x the first coordinate
     * @param y the second coordinate
     * @param cluster the recommended model's cluster, {@code -1} for noise
     * @param group the row's reference group, when a reference exists
     */
    public record Point(int row, double x, double y, int cluster, Optional<String> group) {
        /** Checks. */
        public Point {
            requireNonNull(group, "group is null");
        }
    }

    /**
     * The size of one cluster.
     *
     * @param cluster the cluster index, {@code -1} for noise
     * @param size how many rows it holds
     */
    public record ClusterSize(int cluster, int size) {
    }

    /**
     * How one candidate chose its number of clusters when fitted on all rows.
     *
     * @param candidate the candidate's id
     * @param criterion what was measured, e.g. {@code BIC}
     * @param higherIsBetter whether a larger value was preferred
     * @param counts the numbers of clusters tried, ascending
     * @param values the criterion for each count
     * @param chosen the number of clusters chosen
     */
    public record CountCurve(String candidate, String criterion, boolean higherIsBetter, List<Integer> counts,
                             List<Double> values, int chosen) {
        /** Copies and checks. */
        public CountCurve {
            requireNonNull(candidate, "candidate is null");
            requireNonNull(criterion, "criterion is null");
            counts = List.copyOf(counts);
            values = List.copyOf(values);
            if (counts.size() != values.size()) {
                throw new IllegalArgumentException(candidate + ": " + counts.size() + " counts, " + values.size()
                        + " values");
            }
        }
    }

    /**
     * Clusters against reference groups.
     *
     * @param clusters the row labels, e.g. {@code #0}, {@code noise}
     * @param groups the column labels, the reference's levels
     * @param counts one row per cluster, one count per group
     */
    public record Confusion(List<String> clusters, List<String> groups, List<List<Integer>> counts) {
        /** Copies and checks. */
        public Confusion {
            clusters = List.copyOf(clusters);
            groups = List.copyOf(groups);
            counts = counts.stream().map(List::copyOf).toList();
            if (counts.size() != clusters.size()) {
                throw new IllegalArgumentException(clusters.size() + " clusters, " + counts.size() + " count rows");
            }
        }
    }
}
