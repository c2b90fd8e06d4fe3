package io.modelscout.reports;

import io.modelscout.reports.ReportModel.ConfusionRow;
import io.modelscout.reports.ReportModel.Legend;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.unsupervised.AnomalyDetails;
import io.modelscout.selector.unsupervised.ClusterDetails;
import io.modelscout.selector.unsupervised.DensityDetails;
import io.modelscout.selector.unsupervised.UnsupervisedDetails;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The report section of unsupervised results: builds the view that the partial template {@code unsupervised.mustache}
 * renders (every value escaped by Mustache). Clusters: the recommended model's clusters on a PCA scatter, their sizes,
 * the criterion each candidate chose its number of clusters by, and the validation against a reference. Anomalies:
 * the score distribution, the most anomalous rows, ROC and precision-recall curves when a reference exists. Density:
 * the held-out log-likelihoods, the joint-probability queries and the imputation comparison.
 */
final class UnsupervisedSection {
    /** Curves drawn per ROC or precision-recall chart: one per palette colour, the best by area. */
    static final int CURVES = Charts.PALETTE;
    /** Small histograms of the other detectors' scores drawn in the page; the rest are in result.json. */
    static final int OTHER_DISTRIBUTIONS = 12;
    /** Columns of the most anomalous rows shown in the page; the rest are in result.json. */
    static final int TOP_COLUMNS = 12;
    private static final String NO_REFERENCE = "No reference column of known anomalies was given, so no detector's"
            + " accuracy could be measured: the choice rests on agreement between detectors and stability across"
            + " resamples only, not on known anomalies.";

    private UnsupervisedSection() {
    }

    /** The view: one of the three parts is filled, and the imputation part with density when the task imputes. */
    record View(ClusterView cluster, AnomalyView anomaly, DensityView density, ImputationView imputation,
                List<NavLink> nav) {
        View(ClusterView cluster, AnomalyView anomaly, DensityView density, ImputationView imputation) {
            this(cluster, anomaly, density, imputation, links(cluster, anomaly, density, imputation));
        }

        private static List<NavLink> links(ClusterView cluster, AnomalyView anomaly, DensityView density,
                                           ImputationView imputation) {
            var links = new ArrayList<NavLink>();
            if (cluster != null) {
                links.add(new NavLink("clusters", "Clusters"));
            }
            if (anomaly != null) {
                links.add(new NavLink("anomalies", "Anomalies"));
            }
            if (density != null) {
                links.add(new NavLink("density", "Density"));
            }
            if (imputation != null) {
                links.add(new NavLink("imputation", "Filling the gaps"));
            }
            return links;
        }
    }

    /** A link of the page's navigation to a section of these goals. */
    record NavLink(String id, String title) {
    }

    record ClusterView(String lead, String noScatter, boolean hasScatter, Charts.Chart scatter, List<Legend> legend,
                       String scatterCaption, boolean hasGroupScatter, Charts.Chart groupScatter,
                       List<Legend> groupLegend, String groupCaption, boolean hasSizes, Charts.Chart sizes,
                       String sizesCaption, boolean hasCriteria, List<CriterionView> criteria, boolean hasReference,
                       String reference, String validationNote, boolean hasValidation, List<ValidationRow> validation,
                       boolean hasCrossTab, List<String> groups, List<ConfusionRow> crossTab, String crossTabCaption,
                       boolean hasNotes, List<String> notes) {
    }

    record CriterionView(Charts.Chart chart, List<Legend> legend, String caption) {
    }

    record ValidationRow(String name, String id, boolean recommended, String ari, String nmi, String stability) {
    }

    record AnomalyView(String lead, boolean hasReference, String reference, String noReference, String basis,
                       boolean hasEnsemble, String ensemble, boolean hasHistogram, Charts.Chart histogram,
                       List<Legend> histogramLegend, String histogramCaption, boolean hasOthers,
                       List<CriterionView> others, boolean hasTop, String topCaption,
                       List<String> columns, boolean topKnown, List<TopRowView> top, boolean hasCurves,
                       Charts.Chart roc, List<Legend> rocLegend, Charts.Chart precisionRecall, List<Legend> prLegend,
                       String curvesCaption, boolean hasNotes, List<String> notes) {
    }

    record TopRowView(String rank, String row, String score, String known, boolean isKnown, List<String> values) {
    }

    record DensityView(String lead, String comparable, boolean hasLikelihoods, List<LikelihoodRow> likelihoods,
                       boolean hasChart, Charts.Chart chart, String chartCaption, boolean hasQueries,
                       List<QueryView> queries, boolean hasNotes, List<String> notes) {
    }

    record LikelihoodRow(String name, String id, boolean recommended, String mean, String range, String gap,
                         String folds) {
    }

    record QueryView(String query, String empirical, Charts.Chart chart, List<Legend> legend, List<QueryRow> rows) {
    }

    record QueryRow(String name, String id, String estimate, String interval, String samples, String agreement,
                    boolean agrees) {
    }

    record ImputationView(String lead, boolean hasBest, String best, boolean hasNumeric, boolean hasNominal,
                          List<ImputationRow> rows, boolean hasCharts, List<CriterionView> charts,
                          boolean hasCompleted, String completed) {
    }

    record ImputationRow(String name, String id, String kind, boolean best, boolean baseline, String nrmse,
                         String nominal, String status, String reason) {
    }

    /** The view of the section, or null when there is nothing to show. */
    static Object view(GoalDetails details, SelectionResult result) {
        Names names = new Names(result);
        return switch (details) {
            case ClusterDetails d -> new View(cluster(d, result, names), null, null, null);
            case AnomalyDetails d -> new View(null, anomaly(d, result, names), null, null);
            case DensityDetails d -> new View(null, null, density(d, names),
                    d.imputation().map(i -> imputation(i, names)).orElse(null));
            default -> null;
        };
    }

    /**
     * What the summary adds for these goals, e.g. the number of clusters; empty for any other goal.
     *
     * @param result the result
     * @return sentences
     */
    static List<String> summaryLines(SelectionResult result) {
        if (!(result.details().orElse(null) instanceof UnsupervisedDetails details)) {
            return List.of();
        }
        Names names = new Names(result);
        var lines = new ArrayList<String>();
        switch (details) {
            case ClusterDetails d when !d.recommended().isEmpty() -> {
                int noise = d.sizes().stream().filter(s -> s.cluster() < 0).mapToInt(ClusterDetails.ClusterSize::size)
                        .sum();
                String how = d.countChoices().stream().filter(c -> c.candidate().equals(d.recommended())).findFirst()
                        .map(c -> ", chosen by " + c.criterion() + " over " + range(c.counts()) + " clusters")
                        .orElse("");
                lines.add("Number of clusters: " + d.clusterCount() + how + (noise > 0 ? "; " + noise + " rows"
                        + " are in no cluster" : "") + ".");
            }
            case AnomalyDetails d -> {
                if (d.reference().isEmpty()) {
                    lines.add(NO_REFERENCE);
                }
                if (!d.basis().isEmpty()) {
                    lines.add(sentence(d.basis()));
                }
            }
            case DensityDetails d -> {
                lines.add(comparable(d));
                d.imputation().flatMap(i -> best(i, names)).ifPresent(lines::add);
            }
            default -> {
            }
        }
        return lines;
    }

    // ---- clusters ----

    private static ClusterView cluster(ClusterDetails d, SelectionResult result, Names names) {
        String who = names.of(d.recommended());
        int rows = d.projection().map(ClusterDetails.Projection::totalRows).orElse(result.profile().rows());
        int noise = d.sizes().stream().filter(s -> s.cluster() < 0).mapToInt(ClusterDetails.ClusterSize::size).sum();
        String lead = d.recommended().isEmpty() ? "No model was recommended, so no clusters are drawn."
                : "The recommended model, " + who + ", fitted on all " + rows + " rows, finds " + d.clusterCount()
                        + (d.clusterCount() == 1 ? " cluster" : " clusters") + (noise > 0 ? " and leaves " + noise
                        + " rows in none (noise)" : "") + ".";
        // Colours follow the clusters in index order, noise grey.
        var order = new ArrayList<Integer>();
        d.sizes().stream().map(ClusterDetails.ClusterSize::cluster).filter(c -> c >= 0).sorted().forEach(order::add);
        d.projection().ifPresent(p -> p.points().stream().map(ClusterDetails.Point::cluster)
                .filter(c -> c >= 0 && !order.contains(c)).distinct().sorted().forEach(order::add));
        List<String> clusterNames = order.stream().map(UnsupervisedSection::clusterName).toList();
        Map<Integer, Long> sizeOf = new TreeMap<>();
        d.sizes().forEach(s -> sizeOf.put(s.cluster(), (long) s.size()));

        Charts.Chart scatter = null;
        List<Legend> legend = List.of();
        String scatterCaption = "";
        Charts.Chart groupScatter = null;
        List<Legend> groupLegend = List.of();
        String groupCaption = "";
        if (d.projection().isPresent() && !d.projection().get().points().isEmpty()) {
            ClusterDetails.Projection p = d.projection().get();
            List<Double> xs = p.points().stream().map(ClusterDetails.Point::x).toList();
            List<Double> ys = p.points().stream().map(ClusterDetails.Point::y).toList();
            List<Integer> groups = p.points().stream().map(pt -> pt.cluster() < 0 ? -1 : order.indexOf(pt.cluster()))
                    .toList();
            scatter = GoalCharts.scatter(xs, ys, groups, clusterNames, p.xLabel(), p.yLabel(),
                    "Rows on the first two principal components, coloured by the cluster of " + who);
            boolean hasNoise = p.points().stream().anyMatch(pt -> pt.cluster() < 0);
            legend = GoalCharts.groupLegend(clusterNames, order.stream().map(c -> sizeOf.getOrDefault(c, 0L)).toList(),
                    hasNoise, sizeOf.getOrDefault(-1, 0L));
            String shown = p.points().size() == p.totalRows() ? "all " + p.totalRows() + " rows"
                    : p.points().size() + " of " + p.totalRows() + " rows, an even sample";
            scatterCaption = "Clusters of " + who + " on the first two principal components of the standardised"
                    + " numeric columns (" + explained(p) + "); " + shown + ". Hover a point for its coordinates.";
            if (p.points().stream().allMatch(pt -> pt.group().isPresent())) {
                var groupNames = new ArrayList<String>();
                d.confusion().ifPresent(c -> groupNames.addAll(c.groups()));
                p.points().stream().map(pt -> pt.group().orElseThrow()).filter(g -> !groupNames.contains(g)).distinct()
                        .sorted().forEach(groupNames::add);
                List<Integer> byGroup = p.points().stream().map(pt -> groupNames.indexOf(pt.group().orElseThrow()))
                        .toList();
                String ref = d.reference().orElse("reference");
                List<Integer> colours = groupColours(groupNames, p.points(), order);
                groupScatter = GoalCharts.scatter(xs, ys, byGroup, groupNames, colours, p.xLabel(), p.yLabel(),
                        "The same rows coloured by the reference column " + ref);
                var counts = new ArrayList<Long>();
                for (int g = 0; g < groupNames.size(); g++) {
                    int index = g;
                    counts.add(byGroup.stream().filter(b -> b == index).count());
                }
                groupLegend = GoalCharts.groupLegend(groupNames, colours, counts, false, 0);
                groupCaption = "The same projection coloured by the reference column " + ref + ", hidden from"
                        + " fitting; each group takes the colour of the cluster that holds most of its rows, so a"
                        + " group split over clusters or two groups in one cluster show as mixed colours.";
            }
        }

        Charts.Chart sizes = null;
        String sizesCaption = "";
        if (!d.sizes().isEmpty()) {
            var sorted = d.sizes().stream().sorted(Comparator.comparingInt((ClusterDetails.ClusterSize s) ->
                    s.cluster() < 0 ? Integer.MAX_VALUE : s.cluster())).toList();
            long total = sorted.stream().mapToLong(ClusterDetails.ClusterSize::size).sum();
            List<String> labels = sorted.stream().map(s -> s.cluster() < 0 ? "noise" : clusterName(s.cluster()))
                    .toList();
            List<Double> values = sorted.stream().map(s -> (double) s.size()).toList();
            List<String> texts = sorted.stream().map(s -> s.size() + " rows (" + Numbers.percent(total == 0 ? 0
                    : s.size() / (double) total) + ")").toList();
            var parts = new ArrayList<String>();
            for (int i = 0; i < labels.size(); i++) {
                parts.add(labels.get(i) + " " + texts.get(i));
            }
            sizes = GoalCharts.bars(labels, values, texts, "rows",
                    "Cluster sizes of " + who + ": " + String.join("; ", parts) + ".");
            sizesCaption = "Rows per cluster of " + who + ", fitted on all " + total + " rows.";
        }

        var criteria = new ArrayList<CriterionView>();
        var byCriterion = new LinkedHashMap<String, List<ClusterDetails.CountCurve>>();
        d.countChoices().forEach(c -> byCriterion.computeIfAbsent(c.criterion() + (c.higherIsBetter() ? "\u2191"
                : "\u2193"), _ -> new ArrayList<>()).add(c));
        for (List<ClusterDetails.CountCurve> curves : byCriterion.values()) {
            ClusterDetails.CountCurve first = curves.getFirst();
            String criterion = first.criterion();
            var series = new ArrayList<GoalCharts.Series>();
            var chosen = new ArrayList<Double>();
            var texts = new ArrayList<String>();
            for (ClusterDetails.CountCurve c : curves) {
                series.add(new GoalCharts.Series(names.of(c.candidate()),
                        c.counts().stream().map(Integer::doubleValue).toList(), c.values()));
                chosen.add((double) c.chosen());
                texts.add(names.of(c.candidate()) + ": chose " + c.chosen());
            }
            String yTitle = criterion + " (" + ReportModel.direction(first.higherIsBetter()) + ")";
            var chart = GoalCharts.lines(series, chosen, "number of clusters", yTitle,
                    criterion + " against the number of clusters");
            criteria.add(new CriterionView(chart, GoalCharts.legend(texts), capitalised(criterion)
                    + " against the number of"
                    + " clusters tried, fitted on all rows; a ring marks each candidate's choice ("
                    + ReportModel.direction(first.higherIsBetter()) + ")."));
        }

        boolean hasReference = d.reference().isPresent();
        var validation = new ArrayList<ValidationRow>();
        if (hasReference) {
            for (CandidateResult c : ReportModel.ranked(result.candidates(), result.task().metric(),
                    result.task().higherIsBetter())) {
                boolean validated = c.scores().containsKey("ari") || c.scores().containsKey("nmi");
                if (c.status() == Status.EVALUATED && validated) {
                    validation.add(new ValidationRow(c.name(), c.id(), c.id().equals(d.recommended()),
                            score(c, "ari"), score(c, "nmi"), score(c, "stability")));
                }
            }
        }
        List<String> groups = d.confusion().map(ClusterDetails.Confusion::groups).orElse(List.of());
        List<ConfusionRow> crossTab = d.confusion().map(c -> GoalCharts.crossTab(c.clusters(), c.counts().stream()
                .map(r -> r.stream().map(Integer::longValue).toList()).toList())).orElse(List.of());
        String ref = d.reference().orElse("");
        String noScatter = scatter != null || d.recommended().isEmpty() ? ""
                : "No scatter: the data has fewer than two numeric columns to project.";
        return new ClusterView(lead, noScatter, scatter != null, scatter, legend, scatterCaption, groupScatter != null,
                groupScatter, groupLegend, groupCaption, sizes != null, sizes, sizesCaption, !criteria.isEmpty(),
                criteria, hasReference, ref, "The reference column " + ref + " was hidden from every fit; the"
                + " adjusted Rand index (ARI, 0 for chance, 1 for the same partition) and normalised mutual"
                + " information (NMI, 0 to 1) against it, on held-out folds, validate the clusters from outside and"
                + " chose nothing.", !validation.isEmpty(), validation, !crossTab.isEmpty(), groups, crossTab,
                "Rows of each cluster of " + who + " (rows) by reference group " + ref + " (columns); shading is the"
                + " share of the cluster's rows, the largest cell of each cluster in bold.",
                !d.notes().isEmpty(), d.notes());
    }

    /**
     * The palette index of each reference group: the largest groups first, each takes the colour of the cluster that
     * holds most of its rows among the clusters not yet taken; a group left over takes the first colour no cluster
     * has.
     */
    private static List<Integer> groupColours(List<String> groups, List<ClusterDetails.Point> points,
                                              List<Integer> order) {
        long[][] counts = new long[groups.size()][order.size()];
        long[] sizes = new long[groups.size()];
        for (ClusterDetails.Point point : points) {
            int g = groups.indexOf(point.group().orElseThrow());
            int c = order.indexOf(point.cluster());
            sizes[g]++;
            if (c >= 0) {
                counts[g][c]++;
            }
        }
        var byCount = new ArrayList<Integer>();
        for (int g = 0; g < groups.size(); g++) {
            byCount.add(g);
        }
        byCount.sort(Comparator.comparingLong((Integer g) -> -sizes[g]).thenComparing(g -> g));
        var colours = new ArrayList<Integer>(java.util.Collections.nCopies(groups.size(), -1));
        var taken = new java.util.HashSet<Integer>();
        for (int g : byCount) {
            int best = -1;
            for (int c = 0; c < order.size(); c++) {
                if (!taken.contains(c) && counts[g][c] > 0 && (best < 0 || counts[g][c] > counts[g][best])) {
                    best = c;
                }
            }
            if (best >= 0) {
                taken.add(best);
                colours.set(g, best);
            }
        }
        int next = order.size();
        for (int g = 0; g < groups.size(); g++) {
            if (colours.get(g) < 0) {
                colours.set(g, next++);
            }
        }
        return colours;
    }

    /** The text with a capital first letter and a full stop at its end. */
    private static String sentence(String text) {
        String t = capitalised(text.strip());
        return t.isEmpty() || t.endsWith(".") ? t : t + ".";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String clusterName(int cluster) {
        return cluster < 0 ? "noise" : "#" + cluster;
    }

    private static String explained(ClusterDetails.Projection p) {
        if (p.explained().size() < 2) {
            return "share of variance unknown";
        }
        return Numbers.percent(p.explained().get(0) + p.explained().get(1)) + " of the variance";
    }

    private static String range(List<Integer> counts) {
        if (counts.isEmpty()) {
            return "no";
        }
        return counts.getFirst().equals(counts.getLast()) ? String.valueOf(counts.getFirst())
                : counts.getFirst() + " to " + counts.getLast();
    }

    private static String score(CandidateResult c, String metric) {
        Score score = c.scores().get(metric);
        return score == null ? ReportModel.DASH : Numbers.meanSd(score.mean(), score.sd());
    }

    // ---- anomalies ----

    private static AnomalyView anomaly(AnomalyDetails d, SelectionResult result, Names names) {
        List<CandidateResult> ranked = ReportModel.ranked(result.candidates(), result.task().metric(),
                result.task().higherIsBetter());
        String who = names.of(d.recommended());
        boolean hasReference = d.reference().isPresent();
        String reference = hasReference ? "The reference column " + d.reference().get() + " marks "
                + d.knownAnomalies().map(String::valueOf).orElse("some") + " rows as anomalies"
                + d.anomalyLevel().map(l -> " (level " + l + ")").orElse("") + "; it was hidden from every fit and"
                + " only scores the detectors' rankings on held-out folds." : "";
        String lead = d.recommended().isEmpty() ? "No detector was recommended."
                : "The recommended detector is " + who + ". Scores are out-of-fold: every row was scored by a model"
                        + " that did not see it; a higher score is more anomalous.";

        Charts.Chart histogram = null;
        List<Legend> histogramLegend = List.of();
        String histogramCaption = "";
        Optional<AnomalyDetails.ScoreDistribution> distribution = d.distributions().stream()
                .filter(s -> s.candidate().equals(d.recommended())).findFirst()
                .or(() -> d.distributions().stream().findFirst());
        if (distribution.isPresent() && !distribution.get().scores().isEmpty()) {
            var s = distribution.get();
            List<Boolean> marked = d.knownAnomaly().size() == s.scores().size() ? d.knownAnomaly() : List.of();
            int cut = d.knownAnomalies().orElse(d.top().size());
            double threshold = nthHighest(s.scores(), cut);
            int bins = Math.max(10, Math.min(40, (int) Math.round(Math.sqrt(s.scores().size()))));
            histogram = GoalCharts.histogram(s.scores(), marked, bins, threshold, "anomaly score",
                    "Distribution of the out-of-fold anomaly scores of " + names.of(s.candidate()));
            var legendList = new ArrayList<Legend>();
            legendList.add(new Legend("s0", marked.isEmpty() ? "rows" : "rows the reference calls normal"));
            if (!marked.isEmpty()) {
                legendList.add(new Legend("marked", "rows the reference calls anomalies"));
            }
            histogramLegend = legendList;
            double top = GoalCharts.cut(s.scores(), threshold);
            long beyond = s.scores().stream().filter(v -> Double.isFinite(v) && v > top).count();
            histogramCaption = "Out-of-fold scores of " + names.of(s.candidate()) + " over " + s.scores().size()
                    + " rows" + (beyond > 0 ? "; the " + beyond + " rows above " + Numbers.plain(top) + " are"
                    + " counted in the last bin (+" + beyond + ")" : "")
                    + (Double.isFinite(threshold) ? "; the dashed line is the score of the " + ordinal(cut)
                    + " most anomalous row" + (d.knownAnomalies().isPresent() ? ", as many rows as the reference"
                    + " marks" : ", the last listed below") : "") + ".";
        }

        // The other detectors, small, in leaderboard order: how differently they spread the same rows.
        var others = new ArrayList<CriterionView>();
        var rank = new java.util.HashMap<String, Integer>();
        ranked.forEach(c -> rank.put(c.id(), rank.size()));
        var rest = d.distributions().stream().filter(s -> distribution.map(x -> x != s).orElse(true)
                        && !s.scores().isEmpty())
                .sorted(Comparator.comparingInt((AnomalyDetails.ScoreDistribution s) -> rank.getOrDefault(
                        s.candidate(), Integer.MAX_VALUE)).thenComparing(AnomalyDetails.ScoreDistribution::candidate))
                .toList();
        for (AnomalyDetails.ScoreDistribution s : rest.subList(0, Math.min(OTHER_DISTRIBUTIONS, rest.size()))) {
            List<Boolean> marked = d.knownAnomaly().size() == s.scores().size() ? d.knownAnomaly() : List.of();
            var chart = GoalCharts.histogram(s.scores(), marked, 20, Double.NaN, "score",
                    "Distribution of the out-of-fold anomaly scores of " + names.of(s.candidate()), 260, 150);
            others.add(new CriterionView(chart, List.of(), names.of(s.candidate())));
        }
        if (rest.size() > others.size()) {
            int omitted = rest.size() - others.size();
            histogramCaption += " The scores of " + omitted + " more detectors are in result.json.";
        }

        List<String> columns = d.columns().subList(0, Math.min(TOP_COLUMNS, d.columns().size()));
        boolean topKnown = d.top().stream().anyMatch(r -> r.known().isPresent());
        var top = new ArrayList<TopRowView>();
        for (int i = 0; i < d.top().size(); i++) {
            AnomalyDetails.TopRow row = d.top().get(i);
            List<String> values = row.values().subList(0, Math.min(columns.size(), row.values().size()));
            top.add(new TopRowView(String.valueOf(i + 1), String.valueOf(row.row() + 1), Numbers.plain(row.score()),
                    row.known().map(k -> k ? "yes" : "no").orElse(ReportModel.DASH), row.known().orElse(false),
                    values.stream().map(v -> v.isEmpty() ? "?" : v).toList()));
        }
        long knownInTop = d.top().stream().filter(r -> r.known().orElse(false)).count();
        String topCaption = "The " + d.top().size() + " most anomalous rows by " + who + ", most anomalous first;"
                + " rows numbered from 1 as in the data file, a missing cell shown as ?"
                + (topKnown ? "; " + knownInTop + " of them are anomalies by the reference" : "")
                + (d.columns().size() > columns.size() ? "; the first " + columns.size() + " of " + d.columns().size()
                + " columns shown, all in result.json" : "") + ".";

        Charts.Chart roc = null;
        Charts.Chart pr = null;
        List<Legend> rocLegend = List.of();
        List<Legend> prLegend = List.of();
        String curvesCaption = "";
        if (hasReference && !d.roc().isEmpty()) {
            var rocCurves = best(d.roc());
            var prCurves = best(d.precisionRecall());
            List<String> rocTexts = rocCurves.stream().map(c -> names.of(c.candidate()) + ": AUC "
                    + Numbers.score(c.area())).toList();
            List<String> prTexts = prCurves.stream().map(c -> names.of(c.candidate()) + ": AP "
                    + Numbers.score(c.area())).toList();
            roc = GoalCharts.roc(series(rocCurves, names), "ROC curves of the detectors against the reference "
                    + d.reference().get() + ": " + String.join("; ", rocTexts) + ".");
            double prevalence = d.knownAnomaly().isEmpty() ? Double.NaN
                    : d.knownAnomaly().stream().filter(b -> b).count() / (double) d.knownAnomaly().size();
            pr = GoalCharts.precisionRecall(series(prCurves, names), prevalence, "Precision-recall curves of the"
                    + " detectors against the reference " + d.reference().get() + ": " + String.join("; ", prTexts)
                    + (Double.isFinite(prevalence) ? "; chance is " + Numbers.percent(prevalence) : "") + ".");
            rocLegend = GoalCharts.legend(rocTexts);
            prLegend = GoalCharts.legend(prTexts);
            int omitted = Math.max(d.roc().size() - rocCurves.size(), d.precisionRecall().size() - prCurves.size());
            curvesCaption = "Every row was scored by a detector fitted without it, and the scores were ranked"
                    + " against the reference: ROC AUC is the chance that a known anomaly outranks a normal row;"
                    + " average precision (AP) summarises precision over the ranking."
                    + (omitted > 0 ? " The best " + CURVES + " by area are drawn; the other " + omitted
                    + " are in result.json." : "");
        }
        boolean hasEnsemble = !d.ensembleMembers().isEmpty();
        return new AnomalyView(lead, hasReference, reference, NO_REFERENCE, sentence(d.basis()), hasEnsemble,
                hasEnsemble ? "The rank-averaged ensemble combines: " + String.join(", ",
                        d.ensembleMembers().stream().map(names::of).toList()) + "." : "",
                histogram != null, histogram, histogramLegend, histogramCaption, !others.isEmpty(), others,
                !top.isEmpty(), topCaption, columns,
                topKnown, top, roc != null, roc, rocLegend, pr, prLegend, curvesCaption, !d.notes().isEmpty(),
                d.notes());
    }

    /** The score of the n-th most anomalous row, NaN when there are fewer rows or n is not positive. */
    private static double nthHighest(List<Double> scores, int n) {
        var finite = scores.stream().filter(Double::isFinite).sorted(Comparator.reverseOrder()).toList();
        return n > 0 && n <= finite.size() ? finite.get(n - 1) : Double.NaN;
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** The curves with the largest areas, at most one per colour, best first (NaN areas last, ties by id). */
    private static List<AnomalyDetails.Curve> best(List<AnomalyDetails.Curve> curves) {
        return curves.stream().sorted(Comparator.comparingDouble((AnomalyDetails.Curve c) ->
                        Double.isNaN(c.area()) ? Double.POSITIVE_INFINITY : -c.area())
                .thenComparing(AnomalyDetails.Curve::candidate)).limit(CURVES).toList();
    }

    private static List<GoalCharts.Series> series(List<AnomalyDetails.Curve> curves, Names names) {
        return curves.stream().map(c -> new GoalCharts.Series(names.of(c.candidate()), c.x(), c.y())).toList();
    }

    // ---- density ----

    private static DensityView density(DensityDetails d, Names names) {
        String lead = d.recommended().isEmpty() ? "No density was recommended."
                : "The recommended density is " + names.of(d.recommended()) + ".";
        var sorted = d.likelihoods().stream().sorted(Comparator.comparingDouble((DensityDetails.Likelihood l) ->
                Double.isNaN(l.mean()) ? Double.POSITIVE_INFINITY : -l.mean())
                .thenComparing(DensityDetails.Likelihood::candidate)).toList();
        double top = sorted.isEmpty() ? Double.NaN : sorted.getFirst().mean();
        var rows = new ArrayList<LikelihoodRow>();
        for (DensityDetails.Likelihood l : sorted) {
            double[] range = Charts.range(List.of(l.folds()));
            boolean any = l.folds().stream().anyMatch(Double::isFinite);
            rows.add(new LikelihoodRow(names.name(l.candidate()), l.candidate(), l.candidate().equals(d.recommended()),
                    Numbers.meanSd(l.mean(), l.sd()), any ? Numbers.plain(range[0]) + " to " + Numbers.plain(range[1])
                    : ReportModel.DASH, rows.isEmpty() && Double.isFinite(l.mean()) ? "best"
                    : Double.isFinite(top) && Double.isFinite(l.mean()) ? Numbers.plain(l.mean() - top)
                    : ReportModel.DASH, String.valueOf(l.folds().size())));
        }
        Charts.Chart chart = null;
        String chartCaption = "";
        var finite = sorted.stream().filter(l -> Double.isFinite(l.mean())).toList();
        if (!finite.isEmpty()) {
            chart = intervals(finite.stream().map(l -> names.of(l.candidate())).toList(),
                    finite.stream().map(DensityDetails.Likelihood::mean).toList(),
                    finite.stream().map(l -> Charts.range(List.of(l.folds()))[0]).toList(),
                    finite.stream().map(l -> Charts.range(List.of(l.folds()))[1]).toList(), Double.NaN, Double.NaN,
                    "mean held-out log-likelihood per row, nats", "Held-out log-likelihood per row of each density: "
                    + String.join("; ", finite.stream().map(l -> names.of(l.candidate()) + " "
                    + Numbers.meanSd(l.mean(), l.sd())).toList()) + ".", false);
            chartCaption = "Each density's mean over folds (dot) and the lowest to highest fold (whisker); higher is"
                    + " better.";
        }
        var queries = new ArrayList<QueryView>();
        for (DensityDetails.QueryResult q : d.queries()) {
            queries.add(query(q, names));
        }
        return new DensityView(lead, comparable(d), !rows.isEmpty(), rows, chart != null, chart, chartCaption,
                !queries.isEmpty(), queries, !d.notes().isEmpty(), d.notes());
    }

    private static String comparable(DensityDetails d) {
        int n = d.columns().size();
        return "All densities are over the same " + n + (n == 1 ? " column" : " columns")
                + (n == 0 ? "" : " (" + String.join(", ", d.columns()) + ")") + " with the same base measure, so"
                + " their held-out log-likelihoods per row (in nats) compare directly: higher is better, and a"
                + " difference of 1 nat means the better one gives held-out rows about 2.7 times the density.";
    }

    private static QueryView query(DensityDetails.QueryResult q, Names names) {
        String empirical = Numbers.plain(q.empirical()) + " (95 % interval " + Numbers.plain(q.empiricalLow()) + " to "
                + Numbers.plain(q.empiricalHigh()) + ") on " + q.heldOutRows() + " held-out rows";
        var rows = new ArrayList<QueryRow>();
        var labels = new ArrayList<String>();
        var estimates = new ArrayList<Double>();
        var lows = new ArrayList<Double>();
        var highs = new ArrayList<Double>();
        for (DensityDetails.QueryEstimate e : q.estimates()) {
            boolean overlaps = e.low() <= q.empiricalHigh() && e.high() >= q.empiricalLow();
            rows.add(new QueryRow(names.name(e.candidate()), e.candidate(), Numbers.plain(e.estimate()),
                    Numbers.plain(e.low()) + " to " + Numbers.plain(e.high()), String.valueOf(e.samples()),
                    overlaps ? "overlaps" : "apart", overlaps));
            labels.add(names.of(e.candidate()));
            estimates.add(e.estimate());
            lows.add(e.low());
            highs.add(e.high());
        }
        Charts.Chart chart = intervals(labels, estimates, lows, highs, q.empiricalLow(), q.empiricalHigh(),
                "probability", "Estimates of P(" + q.query() + ") with 95 % intervals beside the empirical frequency "
                + empirical + ": " + String.join("; ", rows.stream().map(r -> r.name() + " " + r.estimate() + " ("
                + r.interval() + ")").toList()) + ".", true);
        return new QueryView(q.query(), empirical, chart, List.of(new Legend("band", "empirical frequency, 95 %"
                + " interval"), new Legend("s0", "model estimate, 95 % interval")), rows);
    }

    /**
     * Dots with whiskers, one row per label from the top, and a shaded band (e.g. the empirical interval) behind them.
     */
    private static Charts.Chart intervals(List<String> labels, List<Double> centres, List<Double> lows,
                                          List<Double> highs, double bandLow, double bandHigh, String xTitle,
                                          String alt, boolean probability) {
        int n = labels.size();
        var all = new ArrayList<Double>(centres);
        all.addAll(lows);
        all.addAll(highs);
        if (Double.isFinite(bandLow)) {
            all.add(bandLow);
            all.add(bandHigh);
        }
        double[] range = Charts.range(List.of(all));
        double span = Math.max(range[1] - range[0], Math.max(Math.abs(range[1]) * 0.02, 1e-3));
        double lo = probability ? Math.max(0, range[0] - span * 0.1) : range[0] - span * 0.1;
        double hi = range[1] + span * 0.1;
        // Room on the right for the labels.
        double right = hi + (hi - lo) * 0.7;
        var frame = new Charts.Frame(520, 48 + 26 * Math.max(n, 1), lo, right, -0.5, Math.max(n, 1) - 0.5, false)
                .axes(xTitle, "");
        frame.lines.removeIf(l -> l.cls().equals("grid"));
        frame.texts.removeIf(t -> t.anchor().equals("end"));
        // No ticks under the labels.
        double edge = frame.px(hi) + 1;
        frame.lines.removeIf(l -> l.cls().equals("tick") && Double.parseDouble(l.x1()) > edge);
        frame.texts.removeIf(t -> t.cls().isEmpty() && t.anchor().equals("middle") && Double.parseDouble(t.x()) > edge);
        if (Double.isFinite(bandLow) && Double.isFinite(bandHigh)) {
            double top = frame.py(Math.max(n, 1) - 0.5);
            double bottom = frame.py(-0.5);
            frame.paths.add(new Charts.Path("band", "M" + Numbers.coordinate(frame.px(bandLow)) + " "
                    + Numbers.coordinate(top) + "H" + Numbers.coordinate(Math.max(frame.px(bandHigh),
                    frame.px(bandLow) + 1)) + "V" + Numbers.coordinate(bottom) + "H"
                    + Numbers.coordinate(frame.px(bandLow)) + "Z"));
        }
        for (int k = 0; k < n; k++) {
            double row = n - 1 - k;
            String cls = GoalCharts.groupClass(k);
            if (Double.isFinite(lows.get(k)) && Double.isFinite(highs.get(k))) {
                // A path, not a line: paths are drawn after lines, so the whisker stays in front of the band.
                frame.paths.add(new Charts.Path("whisker " + cls, "M" + Numbers.coordinate(frame.px(lows.get(k))) + " "
                        + Numbers.coordinate(frame.py(row)) + "H" + Numbers.coordinate(frame.px(highs.get(k)))));
            }
            if (Double.isFinite(centres.get(k))) {
                frame.mark("pt " + cls, centres.get(k), row, labels.get(k) + ": " + Numbers.plain(centres.get(k))
                        + " (" + Numbers.plain(lows.get(k)) + " to " + Numbers.plain(highs.get(k)) + ")");
            }
            frame.text("lbl", hi, row, "start", " " + labels.get(k), 4);
        }
        return frame.chart(alt);
    }

    // ---- imputation ----

    private static ImputationView imputation(DensityDetails.ImputationDetails i, Names names) {
        int cells = i.maskedNumeric() + i.maskedNominal();
        boolean numeric = i.maskedNumeric() > 0 || i.methods().stream().anyMatch(m -> m.nrmse().isPresent());
        boolean nominal = i.maskedNominal() > 0 || i.methods().stream().anyMatch(m -> m.nominalError().isPresent());
        String kinds = numeric && nominal ? " (" + i.maskedNumeric() + " numeric, " + i.maskedNominal() + " nominal)"
                : numeric ? " numeric" : nominal ? " nominal" : "";
        var measures = new ArrayList<String>();
        if (numeric) {
            measures.add("the numeric error is the root mean squared error divided by each column's standard"
                    + " deviation (NRMSE: 1 is as far off as the spread of the column)");
        }
        if (nominal) {
            measures.add("the nominal error is the share of cells filled with the wrong level");
        }
        String lead = "Every method filled the same " + cells + kinds + " masked cells: " + Numbers.percent(
                i.maskShare()) + " of the known cells of the held-out rows of each fold, hidden and then scored"
                + " against their true values, so the errors compare. " + capitalised(String.join("; ", measures))
                + (measures.isEmpty() ? "" : ". Lower is better.");
        Optional<DensityDetails.ImputationMethod> winner = bestMethod(i);
        var rows = new ArrayList<ImputationRow>();
        var ordered = i.methods().stream().sorted(Comparator.comparing((DensityDetails.ImputationMethod m) ->
                !m.status().equals("evaluated")).thenComparingDouble(UnsupervisedSection::error)
                .thenComparing(DensityDetails.ImputationMethod::method)).toList();
        for (DensityDetails.ImputationMethod m : ordered) {
            boolean baseline = m.kind().equals("baseline");
            rows.add(new ImputationRow(names.name(m.method()), m.method(), m.kind(),
                    winner.map(w -> w.method().equals(m.method())).orElse(false), baseline,
                    optional(m.nrmse(), m.nrmseSd()), optional(m.nominalError(), m.nominalErrorSd()), m.status(),
                    m.reason()));
        }
        var charts = new ArrayList<CriterionView>();
        measureChart(ordered, DensityDetails.ImputationMethod::nrmse, DensityDetails.ImputationMethod::nrmseSd,
                "NRMSE of masked numeric cells", names).ifPresent(charts::add);
        measureChart(ordered, DensityDetails.ImputationMethod::nominalError,
                DensityDetails.ImputationMethod::nominalErrorSd, "error rate of masked nominal cells", names)
                .ifPresent(charts::add);
        String completed = i.completedTable().map(path -> "The completed table, with its " + i.missingCells()
                + " missing cells filled by " + names.of(i.completedBy()) + " fitted on all rows, was written to "
                + path + (absolute(path) ? "" : " in the output folder") + ".").orElse("");
        Optional<String> best = best(i, names);
        return new ImputationView(lead, best.isPresent(), best.orElse(""), numeric, nominal, rows, !charts.isEmpty(),
                charts, !completed.isEmpty(), completed);
    }

    /** Whether a path written by the run is absolute, on any system, without parsing it (it may hold anything). */
    private static boolean absolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.length() > 2 && path.charAt(1) == ':';
    }

    /** The error a method is ranked by: NRMSE when measured, else the nominal error rate; missing last. */
    private static double error(DensityDetails.ImputationMethod m) {
        if (m.nrmse().isPresent() && Double.isFinite(m.nrmse().getAsDouble())) {
            return m.nrmse().getAsDouble();
        }
        if (m.nominalError().isPresent() && Double.isFinite(m.nominalError().getAsDouble())) {
            return m.nominalError().getAsDouble();
        }
        return Double.POSITIVE_INFINITY;
    }

    private static Optional<DensityDetails.ImputationMethod> bestMethod(DensityDetails.ImputationDetails i) {
        return i.methods().stream().filter(m -> !m.kind().equals("baseline") && m.status().equals("evaluated")
                        && Double.isFinite(error(m)))
                .min(Comparator.comparingDouble(UnsupervisedSection::error)
                        .thenComparing(DensityDetails.ImputationMethod::method));
    }

    /** The best generative imputer beside the baselines, in a sentence; empty when no generative imputer was scored. */
    private static Optional<String> best(DensityDetails.ImputationDetails i, Names names) {
        return bestMethod(i).map(w -> {
            var baselines = i.methods().stream().filter(m -> m.kind().equals("baseline"))
                    .map(m -> names.name(m.method()) + ": " + measures(m)).toList();
            return "Best generative imputer: " + names.of(w.method()) + ", " + measures(w)
                    + (baselines.isEmpty() ? "" : "; beside it, " + String.join("; ", baselines)) + "; on the same "
                    + (i.maskedNumeric() + i.maskedNominal()) + " masked cells.";
        });
    }

    private static String measures(DensityDetails.ImputationMethod m) {
        var parts = new ArrayList<String>();
        if (m.nrmse().isPresent()) {
            parts.add("NRMSE " + optional(m.nrmse(), m.nrmseSd()));
        }
        if (m.nominalError().isPresent()) {
            parts.add("nominal error " + optional(m.nominalError(), m.nominalErrorSd()));
        }
        if (!m.status().equals("evaluated")) {
            parts.add(m.status());
        }
        return parts.isEmpty() ? "not measured" : String.join(" and ", parts);
    }

    private static String optional(OptionalDouble value, OptionalDouble sd) {
        if (value.isEmpty()) {
            return ReportModel.DASH;
        }
        return Numbers.meanSd(value.getAsDouble(), sd.orElse(Double.NaN));
    }

    private static Optional<CriterionView> measureChart(List<DensityDetails.ImputationMethod> methods,
            java.util.function.Function<DensityDetails.ImputationMethod, OptionalDouble> value,
            java.util.function.Function<DensityDetails.ImputationMethod, OptionalDouble> sd, String title,
            Names names) {
        var measured = methods.stream().filter(m -> m.status().equals("evaluated") && value.apply(m).isPresent()
                && Double.isFinite(value.apply(m).getAsDouble())).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        List<String> labels = measured.stream().map(m -> names.of(m.method())).toList();
        List<Double> values = measured.stream().map(m -> value.apply(m).getAsDouble()).toList();
        List<String> texts = measured.stream().map(m -> optional(value.apply(m), sd.apply(m))).toList();
        var parts = new ArrayList<String>();
        for (int k = 0; k < labels.size(); k++) {
            parts.add(labels.get(k) + " " + texts.get(k));
        }
        var chart = GoalCharts.bars(labels, values, texts, title + " (lower is better)", title + " of each imputation"
                + " method on the same masked cells: " + String.join("; ", parts) + ".");
        return Optional.of(new CriterionView(chart, List.of(), capitalised(title)
                + " of each method, mean ± sd over folds;"
                + " lower is better."));
    }

    /** Candidate names by id, for labels: {@code Name (id)}, or the id alone when it has no other name. */
    private static final class Names {
        private final Map<String, String> names = new LinkedHashMap<>();

        Names(SelectionResult result) {
            result.candidates().forEach(c -> names.put(c.id(), c.name()));
        }

        String name(String id) {
            String name = names.get(id);
            if (name != null) {
                return name;
            }
            return switch (id) {
                case "baseline.mean-mode" -> "Mean / mode";
                case "baseline.knn" -> "k-nearest neighbours";
                default -> id;
            };
        }

        String of(String id) {
            String name = name(id);
            return name.equals(id) ? id : name + " (" + id + ")";
        }
    }
}
