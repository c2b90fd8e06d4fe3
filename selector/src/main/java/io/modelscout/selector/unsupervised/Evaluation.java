package io.modelscout.selector.unsupervised;

import io.modelscout.api.Capability;
import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.AnomalyDetector;
import io.modelscout.api.model.Clusterer;
import io.modelscout.api.model.DensityModel;
import io.modelscout.api.model.FittedModel;
import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.eval.Preprocessor;
import io.modelscout.selector.eval.Recipe;
import io.modelscout.selector.eval.Split;
import io.modelscout.selector.recommend.Recommender;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.RunContext;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.rules.CandidatePlan;
import io.modelscout.selector.spec.Query;
import io.modelscout.selector.spec.SpecException;
import io.modelscout.selector.spec.TaskSpec;
import io.modelscout.selector.spec.UnsupervisedChecks;
import io.modelscout.selector.spec.UnsupervisedOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** The cross-validation of one unsupervised task: candidates by splits, then the goal's measures and details. */
final class Evaluation {
    /** The id of the rank-averaged ensemble the anomaly run builds from the stable detectors. */
    static final String ENSEMBLE = "ensemble.rank-average";
    /** Rows shown in the cluster scatter at most. */
    static final int SCATTER_ROWS = 2000;
    /** Rows each fold's fit draws to estimate a query. */
    static final int QUERY_SAMPLES = 4000;
    /** Neighbours of the k-NN imputation baseline. */
    static final int KNN = 5;
    /** Draws of multiple imputation written beside the completed table. */
    static final int DRAWS = 5;
    /** Points kept of a curve. */
    static final int CURVE_POINTS = 200;

    private final RunContext context;
    private final TaskSpec spec;
    private final UnsupervisedOptions options;
    private final Table features;
    private final Optional<Column> reference;
    private final List<CandidatePlan.Entry> entries;
    private final List<CandidatePlan.Entry> included;
    private final long seed;

    record Outcome(List<CandidateResult> results, Metric metric, List<Metric> metrics,
                   Optional<Recommendation> recommendation, UnsupervisedDetails details) {
        /** The task's metric first, then the others. */
        Outcome {
            var ordered = new ArrayList<Metric>();
            ordered.add(metric);
            metrics.stream().filter(m -> m != metric).forEach(ordered::add);
            metrics = List.copyOf(ordered);
        }
    }

    Evaluation(RunContext context, UnsupervisedOptions options, Table features, Optional<Column> reference,
               List<CandidatePlan.Entry> entries) {
        this.context = context;
        this.spec = context.spec();
        this.options = options;
        this.features = features;
        this.reference = reference;
        this.entries = List.copyOf(entries);
        this.included = entries.stream().filter(CandidatePlan.Entry::included).toList();
        this.seed = context.seed();
    }

    private List<String> names() {
        return included.stream().map(e -> e.plugin().id()).toList();
    }

    private static List<String> labels(List<Split> splits) {
        return splits.stream().map(s -> "fold " + (s.fold() + 1) + " of repeat " + (s.repeat() + 1)).toList();
    }

    private Metric metric(Metric fallback, List<Metric> available) throws SpecException {
        boolean given = UnsupervisedChecks.given(spec, "evaluation.metric");
        Metric metric = given ? Metric.fromId(spec.evaluation().metric()) : fallback;
        if (!available.contains(metric)) {
            throw UnsupervisedChecks.error(spec, "evaluation.metric", metric.id() + " cannot be measured here"
                    + (reference.isEmpty() && (metric == Metric.ARI || metric == Metric.NMI || metric == Metric.ROC_AUC
                    || metric == Metric.AVERAGE_PRECISION || metric == Metric.PRECISION_AT_N)
                    ? ": it needs a reference column (reference)" : "") + "; available: "
                    + String.join(", ", available.stream().map(Metric::id).toList()));
        }
        return metric;
    }

    private void progress(List<Split> splits) {
        context.progress().accept("Evaluating " + included.size() + " candidates on " + splits.size() + " folds ("
                + spec.evaluation().folds() + " x " + spec.evaluation().repeats() + ") with " + context.threads()
                + " threads");
    }

    /** A failed or timed-out candidate, or empty when every split finished. */
    private static <T> Optional<CandidateResult> failure(CandidatePlan.Entry entry, List<FoldRunner.Result<T>> results,
                                                       List<String> preprocessing) {
        for (FoldRunner.Result<T> result : results) {
            if (result instanceof FoldRunner.Result.Failed<T> failed) {
                ModelPlugin plugin = entry.plugin();
                return Optional.of(new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(),
                        UnsupervisedRun.capabilities(plugin), failed.timedOut() ? Status.TIMED_OUT : Status.FAILED,
                        failed.reason(), preprocessing, plugin.parameters().defaults().values(), Map.of(),
                        CandidateResult.Timing.NONE));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(FoldRunner.Result<T> result) {
        return ((FoldRunner.Result.Done<T>) result).value();
    }

    private static double meanSeconds(List<? extends FoldRunner.Result<?>> results) {
        double total = 0;
        for (var r : results) {
            total += ((FoldRunner.Result.Done<?>) r).nanos() / 1e9;
        }
        return total / results.size();
    }

    private CandidateResult evaluated(CandidatePlan.Entry entry, String extra, List<String> preprocessing,
                                      Map<Metric, double[]> scores, double seconds) {
        ModelPlugin plugin = entry.plugin();
        var map = new LinkedHashMap<String, Score>();
        scores.forEach((m, v) -> map.put(m.id(), RunContext.score(v)));
        String reason = String.join("; ", entry.reasons()) + (extra.isEmpty() ? "" : "; " + extra);
        return new CandidateResult(plugin.id(), plugin.displayName(), plugin.family().id(),
                UnsupervisedRun.capabilities(plugin), Status.EVALUATED, reason, preprocessing,
                plugin.parameters().defaults().values(), map, new CandidateResult.Timing(seconds, 0));
    }

    private List<CandidateResult> withExcluded(List<CandidateResult> evaluated) {
        var byId = new LinkedHashMap<String, CandidateResult>();
        evaluated.forEach(r -> byId.put(r.id(), r));
        var out = new ArrayList<CandidateResult>();
        for (CandidatePlan.Entry entry : entries) {
            out.add(byId.containsKey(entry.plugin().id()) ? byId.remove(entry.plugin().id())
                    : UnsupervisedRun.excluded(entry));
        }
        out.addAll(byId.values());
        return out;
    }

    private Optional<Recommendation> recommend(List<CandidateResult> results, Metric metric, List<Split> splits) {
        double ratio = splits.stream().mapToDouble(s -> s.test().length).sum()
                / splits.stream().mapToDouble(s -> s.train().length).sum();
        return Recommender.recommend(results, metric, UnsupervisedRun.preferences(entries),
                UnsupervisedRun.preferenceReasons(entries), ratio).map(Evaluation::baselineWords);
    }

    /** The recommender speaks of a constant baseline and a target; here the baseline treats columns as independent. */
    private static Recommendation baselineWords(Recommendation r) {
        var reasons = new ArrayList<String>();
        for (String reason : r.reasons()) {
            if (reason.startsWith("No model beat the constant baseline")) {
                reasons.add("No model beat the baseline, which treats the columns as independent: the structure the "
                        + "other models add did not pay off on held-out rows.");
            } else if (reason.contains("the features may not carry information about the target")) {
                reasons.add(reason.replace("the constant baseline", "the baseline").replace(
                        "the features may not carry information about the target",
                        "the dependence between columns that the other models capture did not pay off"));
            } else {
                reasons.add(reason.replace("the constant baseline", "the baseline"));
            }
        }
        return new Recommendation(r.candidate(), r.metric(), r.score(), reasons, r.tiedWith(),
                r.tieBreak().replace("the constant baseline", "the baseline"));
    }

    private static Recommendation withReasons(Recommendation r, List<String> more) {
        var reasons = new ArrayList<>(r.reasons());
        reasons.addAll(more);
        return new Recommendation(r.candidate(), r.metric(), r.score(), reasons, r.tiedWith(), r.tieBreak());
    }

    /** The standardised, encoded held-out rows of a split: the common space silhouettes are measured in. */
    private double[][] distanceSpace(Split split) {
        var prepared = Preprocessor.prepare(new Recipe(true, true, true, true), features.select(split.train()),
                features.select(split.test()));
        return prepared.test().toMatrix();
    }

    private static int next(List<Split> splits, int s) {
        // The pair of a split: the next fold of the same repeat, so both fits saw different rows.
        Split split = splits.get(s);
        int folds = (int) splits.stream().filter(x -> x.repeat() == split.repeat()).count();
        int base = s - split.fold();
        return base + (split.fold() + 1) % folds;
    }

    // ------------------------------------------------------------------------------------------------ cluster

    private record ClusterFold(int[] all, double[] testLogDensity, int clusters, Clusterer.CountChoice choice) {
    }

    Outcome cluster() throws SpecException, InterruptedException {
        var available = new ArrayList<>(List.of(Metric.SILHOUETTE, Metric.LOG_LIKELIHOOD, Metric.STABILITY));
        if (reference.isPresent()) {
            available.add(Metric.ARI);
            available.add(Metric.NMI);
        }
        Metric metric = metric(Metric.SILHOUETTE, available);
        List<Split> splits = UnsupervisedRun.splits(spec, features.rowCount(), Optional.empty(), seed);
        progress(splits);
        int n = features.rowCount();
        var recipes = included.stream().map(e -> UnsupervisedRun.recipe(e.plugin(), features)).toList();
        var results = FoldRunner.run(names(), labels(splits), context.threads(), UnsupervisedRun.limit(spec),
                (c, s) -> {
                    ModelPlugin plugin = included.get(c).plugin();
                    Split split = splits.get(s);
                    var prepared = UnsupervisedRun.prepareAll(recipes.get(c), features, split.train());
                    FittedModel model = UnsupervisedRun.fit(plugin, Goal.CLUSTER, prepared.train(),
                            UnsupervisedRun.seedOf(seed, plugin.id(), s));
                    if (!(model instanceof Clusterer clusterer)) {
                        throw new IllegalStateException("fit returned " + model.getClass().getSimpleName()
                                + ", not a clusterer");
                    }
                    int k = clusterer.clusterCount();
                    int[] all = clusterer.assign(prepared.test());
                    if (all == null || all.length != n) {
                        throw new IllegalStateException("assign returned " + (all == null ? "null" : all.length
                                + " labels") + " for " + n + " rows");
                    }
                    for (int label : all) {
                        if (label < -1 || label >= k) {
                            throw new IllegalStateException("assign returned cluster " + label + " outside [-1, " + k
                                    + ")");
                        }
                    }
                    double[] logDensity = null;
                    if (plugin.capabilities().contains(Capability.PROBABILISTIC)) {
                        logDensity = clusterer.logDensity(prepared.test().select(split.test()));
                        checkFinite(logDensity, split.test().length, "logDensity");
                    }
                    return new ClusterFold(all, logDensity, k, s == 0 ? clusterer.countChoice()
                            : Clusterer.CountChoice.NONE);
                });
        double[][][] spaces = new double[splits.size()][][];
        for (int s = 0; s < splits.size(); s++) {
            spaces[s] = distanceSpace(splits.get(s));
        }
        int[] truth = reference.map(Evaluation::codes).orElse(null);
        var evaluated = new ArrayList<CandidateResult>();
        var countCurves = new ArrayList<ClusterDetails.CountCurve>();
        for (int c = 0; c < included.size(); c++) {
            CandidatePlan.Entry entry = included.get(c);
            List<String> preprocessing = recipes.get(c).describe(features);
            var failed = failure(entry, results.get(c), preprocessing);
            if (failed.isPresent()) {
                evaluated.add(failed.get());
                continue;
            }
            var folds = results.get(c).stream().map(Evaluation::<ClusterFold>value).toList();
            var scores = new LinkedHashMap<Metric, double[]>();
            double[] silhouette = new double[splits.size()];
            double[] stability = new double[splits.size()];
            double[] likelihood = new double[splits.size()];
            double[] ari = new double[splits.size()];
            double[] nmi = new double[splits.size()];
            boolean probabilistic = folds.getFirst().testLogDensity() != null;
            var counts = new ArrayList<String>();
            for (int s = 0; s < splits.size(); s++) {
                int[] test = splits.get(s).test();
                int[] assigned = pick(folds.get(s).all(), test);
                silhouette[s] = Measures.silhouette(spaces[s], assigned);
                stability[s] = Measures.adjustedRand(folds.get(s).all(), folds.get(next(splits, s)).all());
                if (probabilistic) {
                    likelihood[s] = Arrays.stream(folds.get(s).testLogDensity()).average().orElse(Double.NaN);
                }
                if (truth != null) {
                    int[] known = Arrays.stream(test).filter(i -> truth[i] >= 0).toArray();
                    ari[s] = Measures.adjustedRand(pick(folds.get(s).all(), known), pick(truth, known));
                    nmi[s] = Measures.normalisedMutualInformation(pick(folds.get(s).all(), known), pick(truth, known));
                }
                counts.add(Integer.toString(folds.get(s).clusters()));
            }
            scores.put(Metric.SILHOUETTE, silhouette);
            if (probabilistic) {
                scores.put(Metric.LOG_LIKELIHOOD, likelihood);
            }
            scores.put(Metric.STABILITY, stability);
            if (truth != null) {
                scores.put(Metric.ARI, ari);
                scores.put(Metric.NMI, nmi);
            }
            evaluated.add(evaluated(entry, "clusters per fold: " + String.join(", ", counts), preprocessing, scores,
                    meanSeconds(results.get(c))));
            Clusterer.CountChoice choice = folds.getFirst().choice();
            if (!choice.values().isEmpty()) {
                countCurves.add(new ClusterDetails.CountCurve(entry.plugin().id(), choice.criterion(),
                        choice.higherIsBetter(), List.copyOf(choice.values().keySet()),
                        List.copyOf(choice.values().values()), folds.getFirst().clusters()));
            }
        }
        List<CandidateResult> all = withExcluded(evaluated);
        Optional<Recommendation> recommendation = recommend(all, metric, splits);
        var notes = new ArrayList<String>();
        notes.add("Silhouettes are measured on held-out rows in one common space (numeric columns standardised and "
                + "nominal ones one-hot encoded with the training fold's statistics), so they compare across candidates.");
        notes.add("Stability is the adjusted Rand index between the assignments of all rows by the fits of two "
                + "different training folds.");
        notes.add("Log-likelihoods compare only between candidates fitted on the same columns with the same "
                + "preprocessing; each candidate's preprocessing is listed with it.");
        notes.add("Count curves come from each candidate's fit on the training part of the first fold.");
        reference.ifPresent(r -> notes.add("The reference column '" + r.name() + "' was set aside before fitting; its "
                + "ARI and NMI on held-out rows are external validation only"
                + (metric == Metric.ARI || metric == Metric.NMI ? ", used to choose because the task sets "
                + metric.id() + " as its metric." : ", never used to choose.")));
        if (recommendation.isEmpty()) {
            return new Outcome(all, metric, available, recommendation, new ClusterDetails("", 0, Optional.empty(),
                    List.of(), countCurves, reference.map(Column::name), Optional.empty(), notes));
        }
        // The recommended model fitted on all rows: its clusters are the answer the report shows.
        CandidatePlan.Entry best = included.stream()
                .filter(e -> e.plugin().id().equals(recommendation.get().candidate())).findFirst().orElseThrow();
        Recipe recipe = UnsupervisedRun.recipe(best.plugin(), features);
        int[] everyRow = java.util.stream.IntStream.range(0, features.rowCount()).toArray();
        int[] assigned;
        int k;
        try {
            var prepared = UnsupervisedRun.prepareAll(recipe, features, everyRow);
            var model = (Clusterer) UnsupervisedRun.fit(best.plugin(), Goal.CLUSTER, prepared.train(),
                    UnsupervisedRun.seedOf(seed, best.plugin().id(), -1));
            assigned = model.assign(prepared.test());
            k = model.clusterCount();
            Clusterer.CountChoice choice = model.countChoice();
            if (!choice.values().isEmpty()) {
                countCurves.removeIf(curve -> curve.candidate().equals(best.plugin().id()));
                countCurves.add(0, new ClusterDetails.CountCurve(best.plugin().id(), choice.criterion(),
                        choice.higherIsBetter(), List.copyOf(choice.values().keySet()),
                        List.copyOf(choice.values().values()), k));
            }
        } catch (Exception e) {
            throw new IllegalStateException(best.plugin().id() + " failed on all rows after passing every fold: "
                    + FoldRunner.describe(e), e);
        }
        var sizes = new TreeMap<Integer, Integer>();
        for (int label : assigned) {
            sizes.merge(label, 1, Integer::sum);
        }
        var sizeList = sizes.entrySet().stream().map(e -> new ClusterDetails.ClusterSize(e.getKey(), e.getValue()))
                .toList();
        Optional<ClusterDetails.Confusion> confusion = Optional.empty();
        if (reference.isPresent()) {
            var groups = levels(reference.get());
            var rows = new ArrayList<String>();
            var counts = new ArrayList<List<Integer>>();
            for (int label : sizes.keySet()) {
                rows.add(label < 0 ? "noise" : "#" + label);
                int[] row = new int[groups.size()];
                for (int i = 0; i < assigned.length; i++) {
                    if (assigned[i] == label && truth[i] >= 0) {
                        row[truth[i]]++;
                    }
                }
                counts.add(Arrays.stream(row).boxed().toList());
            }
            confusion = Optional.of(new ClusterDetails.Confusion(rows, groups, counts));
        }
        Optional<ClusterDetails.Projection> projection = Projection.of(features, assigned,
                reference.map(Evaluation::labelsOf), SCATTER_ROWS);
        var rec = withReasons(recommendation.get(), List.of("Fitted on all rows it finds " + k + " cluster"
                + (k == 1 ? "" : "s") + (sizes.containsKey(-1) ? " and calls " + sizes.get(-1) + " rows noise" : "")
                + "."));
        return new Outcome(all, metric, available, Optional.of(rec), new ClusterDetails(best.plugin().id(), k,
                projection, sizeList, countCurves, reference.map(Column::name), confusion, notes));
    }

    // ---------------------------------------------------------------------------------------------- anomalies

    private record AnomalyFold(double[] all) {
    }

    Outcome anomalies() throws SpecException, InterruptedException {
        Optional<boolean[]> truth = reference.map(this::anomalies);
        var available = new ArrayList<Metric>();
        if (truth.isPresent()) {
            available.addAll(List.of(Metric.ROC_AUC, Metric.AVERAGE_PRECISION, Metric.PRECISION_AT_N));
        }
        available.addAll(List.of(Metric.STABILITY, Metric.AGREEMENT));
        Metric metric = metric(truth.isPresent() ? Metric.ROC_AUC : Metric.STABILITY, available);
        List<Split> splits = UnsupervisedRun.splits(spec, features.rowCount(), truth, seed);
        progress(splits);
        int n = features.rowCount();
        var recipes = included.stream().map(e -> UnsupervisedRun.recipe(e.plugin(), features)).toList();
        var results = FoldRunner.run(names(), labels(splits), context.threads(), UnsupervisedRun.limit(spec),
                (c, s) -> {
                    ModelPlugin plugin = included.get(c).plugin();
                    var prepared = UnsupervisedRun.prepareAll(recipes.get(c), features, splits.get(s).train());
                    FittedModel model = UnsupervisedRun.fit(plugin, Goal.DETECT_ANOMALIES, prepared.train(),
                            UnsupervisedRun.seedOf(seed, plugin.id(), s));
                    if (!(model instanceof AnomalyDetector detector)) {
                        throw new IllegalStateException("fit returned " + model.getClass().getSimpleName()
                                + ", not an anomaly detector");
                    }
                    double[] all = detector.score(prepared.test());
                    checkFinite(all, n, "score");
                    return new AnomalyFold(all);
                });
        // Scores of the evaluated detectors, by candidate then split.
        var ok = new ArrayList<Integer>();
        var evaluated = new ArrayList<CandidateResult>();
        for (int c = 0; c < included.size(); c++) {
            var failed = failure(included.get(c), results.get(c), recipes.get(c).describe(features));
            if (failed.isPresent()) {
                evaluated.add(failed.get());
            } else {
                ok.add(c);
            }
        }
        int S = splits.size();
        double[][][] scores = new double[ok.size()][S][];
        for (int i = 0; i < ok.size(); i++) {
            for (int s = 0; s < S; s++) {
                scores[i][s] = value(results.get(ok.get(i)).get(s)).all();
            }
        }
        var perCandidate = new ArrayList<Map<Metric, double[]>>();
        for (int i = 0; i < ok.size(); i++) {
            perCandidate.add(anomalyScores(scores[i], scores, i, splits, truth));
        }
        // The stable detectors: stability at least the median of all detectors'.
        var ensemble = new ArrayList<Integer>();
        if (ok.size() >= 2) {
            double[] stabilities = perCandidate.stream()
                    .mapToDouble(m -> Arrays.stream(m.get(Metric.STABILITY)).average().orElse(0)).toArray();
            double median = median(stabilities);
            for (int i = 0; i < ok.size(); i++) {
                if (stabilities[i] >= median) {
                    ensemble.add(i);
                }
            }
        }
        List<String> members = ensemble.stream().map(i -> included.get(ok.get(i)).plugin().id()).toList();
        double[][] ensembleScores = null;
        Map<Metric, double[]> ensembleMetrics = null;
        if (ensemble.size() >= 2) {
            ensembleScores = new double[S][];
            for (int s = 0; s < S; s++) {
                double[] sum = new double[n];
                for (int i : ensemble) {
                    double[] r = Measures.scaledRanks(scores[i][s]);
                    for (int row = 0; row < n; row++) {
                        sum[row] += r[row] / ensemble.size();
                    }
                }
                ensembleScores[s] = sum;
            }
            ensembleMetrics = anomalyScores(ensembleScores, scores, -1, splits, truth);
        }
        for (int i = 0; i < ok.size(); i++) {
            int c = ok.get(i);
            evaluated.add(evaluated(included.get(c), "", recipes.get(c).describe(features), perCandidate.get(i),
                    meanSeconds(results.get(c))));
        }
        if (ensembleMetrics != null) {
            var map = new LinkedHashMap<String, Score>();
            ensembleMetrics.forEach((m, v) -> map.put(m.id(), RunContext.score(v)));
            evaluated.add(new CandidateResult(ENSEMBLE, "Rank-averaged ensemble of the stable detectors (built by "
                    + "this run, not a plugin)", "ensemble", List.of("UNSUPERVISED"), Status.EVALUATED,
                    "built by the run: the mean of the scaled ranks of the scores of " + String.join(", ", members)
                    + " (the detectors whose stability is at least the median), fitted on each training fold as they are",
                    List.of(), Map.of("members", String.join(",", members)), map, CandidateResult.Timing.NONE));
        }
        List<CandidateResult> all = withExcluded(evaluated);
        Optional<Recommendation> recommendation;
        String basis;
        if (truth.isPresent()) {
            recommendation = recommend(all, metric, splits);
            basis = "validated against the reference '" + reference.get().name() + "': the detector with the best "
                    + "cross-validated " + metric.id() + " on held-out folds (the reference never reaches a fit)";
        } else {
            basis = "no reference of known anomalies: the choice rests on agreement between detectors and the "
                    + "stability of each detector's ranking across resamples only, not on any measured accuracy";
            if (ensembleMetrics != null) {
                double[] v = ensembleMetrics.get(metric);
                double mean = Arrays.stream(v).average().orElse(Double.NaN);
                recommendation = Optional.of(new Recommendation(ENSEMBLE, metric.id(), mean, List.of(
                        "No reference of known anomalies was given, so the choice rests on agreement and stability "
                                + "only.",
                        "The rank-averaged ensemble of the stable detectors (" + String.join(", ", members)
                                + ") is recommended: averaging their ranks keeps what they agree on and dampens the "
                                + "quirks of any one detector.")));
            } else {
                recommendation = recommend(all, metric, splits).map(r -> withReasons(r, List.of(
                        "No reference of known anomalies was given, so the choice rests on agreement and stability "
                                + "only.")));
            }
        }
        var notes = new ArrayList<String>();
        notes.add("Every score is out-of-fold: a row is scored by a fit that never saw it. Higher means more "
                + "anomalous for every detector.");
        notes.add("Stability is the Spearman correlation between the scores of all rows by fits on two different "
                + "training folds; agreement is the Spearman correlation of a detector's held-out scores with the "
                + "mean rank the other detectors give the same rows.");
        truth.ifPresent(t -> notes.add("The reference '" + reference.get().name() + "' was set aside before fitting "
                + "and used only to score held-out folds; precision_at_n takes as many top rows as the fold has known "
                + "anomalies."));
        if (ensembleMetrics != null) {
            notes.add(ENSEMBLE + " is built by the run from " + String.join(", ", members) + ", not a plugin.");
        }
        // Out-of-fold scores of the first repeat, by candidate.
        var ids = new ArrayList<String>();
        var oof = new ArrayList<double[]>();
        for (int i = 0; i < ok.size(); i++) {
            ids.add(included.get(ok.get(i)).plugin().id());
            oof.add(outOfFold(scores[i], splits, n));
        }
        if (ensembleScores != null) {
            ids.add(ENSEMBLE);
            double[] e = new double[n];
            for (int s = 0; s < S; s++) {
                if (splits.get(s).repeat() == 0) {
                    // Rank within the held-out rows of the fold, so folds share one scale.
                    double[] heldOut = new double[splits.get(s).test().length];
                    for (int i : ensemble) {
                        double[] r = Measures.scaledRanks(pickD(scores[i][s], splits.get(s).test()));
                        for (int t = 0; t < r.length; t++) {
                            heldOut[t] += r[t] / ensemble.size();
                        }
                    }
                    int[] test = splits.get(s).test();
                    for (int t = 0; t < test.length; t++) {
                        e[test[t]] = heldOut[t];
                    }
                }
            }
            oof.add(e);
        }
        var distributions = new ArrayList<AnomalyDetails.ScoreDistribution>();
        for (int i = 0; i < ids.size(); i++) {
            distributions.add(new AnomalyDetails.ScoreDistribution(ids.get(i),
                    Arrays.stream(oof.get(i)).boxed().toList()));
        }
        var roc = new ArrayList<AnomalyDetails.Curve>();
        var pr = new ArrayList<AnomalyDetails.Curve>();
        if (truth.isPresent()) {
            for (int i = 0; i < ids.size(); i++) {
                roc.add(Curves.roc(ids.get(i), oof.get(i), truth.get(), CURVE_POINTS));
                pr.add(Curves.precisionRecall(ids.get(i), oof.get(i), truth.get(), CURVE_POINTS));
            }
        }
        String recommended = recommendation.map(Recommendation::candidate).orElse("");
        var top = new ArrayList<AnomalyDetails.TopRow>();
        int at = ids.indexOf(recommended);
        if (at >= 0) {
            double[] s = oof.get(at);
            Integer[] order = Measures.byScoreDescending(s);
            for (int r = 0; r < Math.min(options.top(), n); r++) {
                int row = order[r];
                top.add(new AnomalyDetails.TopRow(row, s[row], cells(features, row),
                        truth.map(t -> t[row])));
            }
        }
        int known = truth.map(t -> {
            int count = 0;
            for (boolean b : t) {
                count += b ? 1 : 0;
            }
            return count;
        }).orElse(0);
        var details = new AnomalyDetails(recommended, reference.map(Column::name),
                truth.map(_ -> anomalyLevel(reference.get())), truth.map(_ -> known), basis,
                ensembleMetrics != null ? members : List.of(), distributions,
                truth.map(t -> {
                    var list = new ArrayList<Boolean>();
                    for (boolean b : t) {
                        list.add(b);
                    }
                    return (List<Boolean>) list;
                }).orElse(List.of()), features.columnNames(), top, roc, pr, notes);
        return new Outcome(all, metric, available, recommendation, details);
    }

    private Map<Metric, double[]> anomalyScores(double[][] mine, double[][][] everyone, int self, List<Split> splits,
                                                Optional<boolean[]> truth) {
        int S = splits.size();
        var out = new LinkedHashMap<Metric, double[]>();
        double[] auc = new double[S];
        double[] ap = new double[S];
        double[] pAtN = new double[S];
        double[] stability = new double[S];
        double[] agreement = new double[S];
        for (int s = 0; s < S; s++) {
            int[] test = splits.get(s).test();
            double[] held = pickD(mine[s], test);
            if (truth.isPresent()) {
                boolean[] positive = new boolean[test.length];
                int count = 0;
                for (int t = 0; t < test.length; t++) {
                    positive[t] = truth.get()[test[t]];
                    count += positive[t] ? 1 : 0;
                }
                auc[s] = Measures.rocAuc(held, positive);
                ap[s] = Measures.averagePrecision(held, positive);
                pAtN[s] = Measures.precisionAt(held, positive, count);
            }
            stability[s] = Measures.spearman(mine[s], mine[next(splits, s)]);
            double[] others = new double[test.length];
            int counted = 0;
            for (int j = 0; j < everyone.length; j++) {
                if (j == self) {
                    continue;
                }
                double[] r = Measures.scaledRanks(pickD(everyone[j][s], test));
                for (int t = 0; t < test.length; t++) {
                    others[t] += r[t];
                }
                counted++;
            }
            agreement[s] = counted == 0 ? Double.NaN : Measures.spearman(held, others);
        }
        if (truth.isPresent()) {
            out.put(Metric.ROC_AUC, auc);
            out.put(Metric.AVERAGE_PRECISION, ap);
            out.put(Metric.PRECISION_AT_N, pAtN);
        }
        out.put(Metric.STABILITY, stability);
        if (Arrays.stream(agreement).allMatch(Double::isFinite)) {
            out.put(Metric.AGREEMENT, agreement);
        }
        return out;
    }

    private String anomalyLevel(Column column) {
        if (options.anomalyLevel().isPresent()) {
            return options.anomalyLevel().get();
        }
        // The rarer value marks the anomalies; on a tie, the later in order.
        List<String> values = UnsupervisedChecks.values(column);
        String[] labels = labelsOf(column);
        int first = 0;
        int second = 0;
        for (String label : labels) {
            if (values.get(0).equals(label)) {
                first++;
            } else if (values.get(1).equals(label)) {
                second++;
            }
        }
        return first < second ? values.get(0) : values.get(1);
    }

    private boolean[] anomalies(Column column) {
        String level = anomalyLevel(column);
        String[] labels = labelsOf(column);
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = level.equals(labels[i]);
        }
        return out;
    }

    private static double[] outOfFold(double[][] perSplit, List<Split> splits, int n) {
        double[] out = new double[n];
        for (int s = 0; s < splits.size(); s++) {
            if (splits.get(s).repeat() == 0) {
                for (int row : splits.get(s).test()) {
                    out[row] = perSplit[s][row];
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ density

    private record DensityFold(double logLikelihood, long[] queryHits, int samples, double squaredError,
                               int numeric, int wrong, int nominal) {
    }

    Outcome density() throws SpecException, InterruptedException {
        // With missing cells the comparison is shown even when the task does not ask for the completed table.
        boolean impute = options.impute() || features.missingCount() > 0;
        boolean hasNumeric = features.columns().stream().anyMatch(c -> c instanceof NumericColumn);
        boolean hasNominal = features.columns().stream().anyMatch(c -> c instanceof CategoricalColumn);
        var available = new ArrayList<>(List.of(Metric.LOG_LIKELIHOOD));
        if (impute) {
            if (hasNumeric) {
                available.add(Metric.IMPUTE_NRMSE);
            }
            if (hasNominal) {
                available.add(Metric.IMPUTE_ERROR);
            }
        }
        Metric metric = metric(options.impute() ? (hasNumeric ? Metric.IMPUTE_NRMSE : Metric.IMPUTE_ERROR)
                : Metric.LOG_LIKELIHOOD, available);
        List<Split> splits = UnsupervisedRun.splits(spec, features.rowCount(), Optional.empty(), seed);
        progress(splits);
        boolean[] complete = completeRows(features);
        if (Arrays.stream(splits.getFirst().test()).noneMatch(i -> complete[i])) {
            throw UnsupervisedChecks.error(spec, "data.path", "no row of " + spec.data().path().getFileName()
                    + " is complete, so no held-out likelihood can be compared");
        }
        List<Query> queries = options.queries();
        Masks masks = impute ? Masks.make(features, splits, options.maskShare(), seed) : null;
        var results = FoldRunner.run(names(), labels(splits), context.threads(), UnsupervisedRun.limit(spec),
                (c, s) -> {
                    ModelPlugin plugin = included.get(c).plugin();
                    Split split = splits.get(s);
                    DensityModel model = fitDensity(plugin, split.train(), complete,
                            UnsupervisedRun.seedOf(seed, plugin.id(), s));
                    int[] heldOut = Arrays.stream(split.test()).filter(i -> complete[i]).toArray();
                    double[] logDensity = model.logDensity(features.select(heldOut));
                    checkFinite(logDensity, heldOut.length, "logDensity");
                    double ll = Arrays.stream(logDensity).average().orElse(Double.NaN);
                    long[] hits = new long[queries.size()];
                    int samples = 0;
                    if (!queries.isEmpty()) {
                        samples = QUERY_SAMPLES;
                        Table drawn = model.sample(samples, UnsupervisedRun.seedOf(seed, plugin.id() + "#sample", s));
                        if (drawn == null || drawn.rowCount() != samples) {
                            throw new IllegalStateException("sample returned " + (drawn == null ? "null"
                                    : drawn.rowCount() + " rows") + " for " + samples);
                        }
                        for (int q = 0; q < queries.size(); q++) {
                            for (int i = 0; i < samples; i++) {
                                if (Boolean.TRUE.equals(queries.get(q).test(drawn, i).orElse(false))) {
                                    hits[q]++;
                                }
                            }
                        }
                    }
                    if (masks == null) {
                        return new DensityFold(ll, hits, samples, 0, 0, 0, 0);
                    }
                    Table masked = masks.masked(s);
                    Table completed = model.impute(masked);
                    Masks.Errors errors = masks.errors(s, completed);
                    return new DensityFold(ll, hits, samples, errors.squared(), errors.numeric(), errors.wrong(),
                            errors.nominal());
                });
        var evaluated = new ArrayList<CandidateResult>();
        var likelihoods = new ArrayList<DensityDetails.Likelihood>();
        var estimates = new ArrayList<List<DensityDetails.QueryEstimate>>();
        queries.forEach(_ -> estimates.add(new ArrayList<>()));
        var methods = new ArrayList<DensityDetails.ImputationMethod>();
        String raw = "raw columns, no preprocessing: every density is over the same columns and base measure";
        for (int c = 0; c < included.size(); c++) {
            CandidatePlan.Entry entry = included.get(c);
            List<String> preprocessing = List.of(raw + (entry.plugin().capabilities()
                    .contains(Capability.HANDLES_MISSING_DATA) || complete.length == countTrue(complete) ? ""
                    : "; fitted on the complete training rows (it cannot marginalise missing cells)"));
            var failed = failure(entry, results.get(c), preprocessing);
            if (failed.isPresent()) {
                evaluated.add(failed.get());
                if (impute) {
                    methods.add(new DensityDetails.ImputationMethod(entry.plugin().id(), "density", OptionalDouble.empty(),
                            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "failed",
                            failed.get().reason()));
                }
                continue;
            }
            var folds = results.get(c).stream().map(Evaluation::<DensityFold>value).toList();
            var scores = new LinkedHashMap<Metric, double[]>();
            double[] ll = folds.stream().mapToDouble(DensityFold::logLikelihood).toArray();
            scores.put(Metric.LOG_LIKELIHOOD, ll);
            if (impute) {
                double[] nrmse = folds.stream().mapToDouble(f -> f.numeric() == 0 ? Double.NaN
                        : Math.sqrt(f.squaredError() / f.numeric())).toArray();
                double[] error = folds.stream().mapToDouble(f -> f.nominal() == 0 ? Double.NaN
                        : f.wrong() / (double) f.nominal()).toArray();
                if (hasNumeric) {
                    scores.put(Metric.IMPUTE_NRMSE, nrmse);
                }
                if (hasNominal) {
                    scores.put(Metric.IMPUTE_ERROR, error);
                }
                methods.add(method(entry.plugin().id(), "density", nrmse, error));
            }
            var score = RunContext.score(ll);
            likelihoods.add(new DensityDetails.Likelihood(entry.plugin().id(), score.mean(), score.sd(), score.folds()));
            for (int q = 0; q < queries.size(); q++) {
                long hits = 0;
                long trials = 0;
                for (DensityFold f : folds) {
                    hits += f.queryHits()[q];
                    trials += f.samples();
                }
                double[] interval = Measures.wilson(hits, trials);
                estimates.get(q).add(new DensityDetails.QueryEstimate(entry.plugin().id(), hits / (double) trials,
                        interval[0], interval[1], (int) trials));
            }
            evaluated.add(evaluated(entry, "", preprocessing, scores, meanSeconds(results.get(c))));
        }
        if (impute) {
            methods.addAll(masks.baselines(splits));
        }
        List<CandidateResult> all = withExcluded(evaluated);
        Optional<Recommendation> recommendation = recommend(all, metric, splits);
        var queryResults = new ArrayList<DensityDetails.QueryResult>();
        for (int q = 0; q < queries.size(); q++) {
            long hits = 0;
            long known = 0;
            for (int row = 0; row < features.rowCount(); row++) {
                Optional<Boolean> r = queries.get(q).test(features, row);
                if (r.isPresent()) {
                    known++;
                    hits += r.get() ? 1 : 0;
                }
            }
            double[] interval = Measures.wilson(hits, known);
            queryResults.add(new DensityDetails.QueryResult(queries.get(q).text(), known == 0 ? Double.NaN
                    : hits / (double) known, interval[0], interval[1], (int) known, estimates.get(q)));
        }
        var notes = new ArrayList<String>();
        notes.add("Every density is fitted on the raw columns (no scaling, no encoding) and measured on the same "
                + "complete held-out rows: numeric columns by Lebesgue measure, nominal ones by counting measure, so "
                + "the log-likelihoods (nats per row) compare directly.");
        if (!queries.isEmpty()) {
            notes.add("Each query is estimated by drawing " + QUERY_SAMPLES + " rows from each fold's fit (seeded) "
                    + "and counting the rows that meet it; the empirical frequency counts the held-out rows of the "
                    + "folds (every row once), leaving out rows with a missing cell the query needs.");
        }
        String recommended = recommendation.map(Recommendation::candidate).orElse("");
        Optional<DensityDetails.ImputationDetails> imputation = Optional.empty();
        if (impute) {
            notes.add("Imputation: in each fold " + Math.round(options.maskShare() * 100) + " % of the known cells of "
                    + "the held-out rows are masked at random (seeded) and every method fills the same cells; NRMSE "
                    + "divides each error by the training fold's standard deviation of its column.");
            Optional<String> written = Optional.empty();
            int missing = (int) features.missingCount();
            if (options.impute() && !recommended.isEmpty() && context.outputDir().isPresent()) {
                written = Optional.of(writeCompleted(recommended, complete, context.outputDir().get(), notes));
            }
            imputation = Optional.of(new DensityDetails.ImputationDetails(options.maskShare(), masks.numericCells(),
                    masks.nominalCells(), methods, recommended, written, missing));
        }
        return new Outcome(all, metric, available, recommendation, new DensityDetails(recommended,
                features.columnNames(), likelihoods, queryResults, imputation, notes));
    }

    private DensityModel fitDensity(ModelPlugin plugin, int[] train, boolean[] complete, long fitSeed) throws Exception {
        int[] rows = plugin.capabilities().contains(Capability.HANDLES_MISSING_DATA) ? train
                : Arrays.stream(train).filter(i -> complete[i]).toArray();
        FittedModel model = UnsupervisedRun.fit(plugin, Goal.ESTIMATE_DENSITY, features.select(rows), fitSeed);
        if (!(model instanceof DensityModel density)) {
            throw new IllegalStateException("fit returned " + model.getClass().getSimpleName()
                    + ", not a density model");
        }
        return density;
    }

    private String writeCompleted(String id, boolean[] complete, Path dir, List<String> notes) {
        ModelPlugin plugin = included.stream().map(CandidatePlan.Entry::plugin).filter(p -> p.id().equals(id))
                .findFirst().orElseThrow();
        int[] every = java.util.stream.IntStream.range(0, features.rowCount()).toArray();
        try {
            DensityModel model = fitDensity(plugin, every, complete, UnsupervisedRun.seedOf(seed, id, -1));
            Table completed = model.impute(features);
            Files.createDirectories(dir);
            Path file = dir.resolve("completed.csv");
            Csv.write(completed, file);
            var draws = new ArrayList<String>();
            for (int d = 1; d <= DRAWS; d++) {
                Path draw = dir.resolve("completed-draw-" + d + ".csv");
                Csv.write(model.imputeDraw(features, UnsupervisedRun.seedOf(seed, id + "#draw", d)), draw);
                draws.add(draw.getFileName().toString());
            }
            notes.add("The completed table fills each missing cell with " + id + "'s conditional mean (numeric) or most "
                    + "probable level (nominal), fitted on all rows; " + DRAWS + " draws of multiple imputation from "
                    + "its conditional distribution are written beside it (" + String.join(", ", draws) + ").");
            return file.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the completed table to " + dir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            notes.add("The completed table could not be written: " + id + " failed on all rows: "
                    + FoldRunner.describe(e));
            return "";
        }
    }

    static DensityDetails.ImputationMethod method(String id, String kind, double[] nrmse, double[] error) {
        return new DensityDetails.ImputationMethod(id, kind, meanOf(nrmse), sdOf(nrmse), meanOf(error), sdOf(error),
                "evaluated", "");
    }

    private static OptionalDouble meanOf(double[] v) {
        if (v.length == 0 || Arrays.stream(v).anyMatch(Double::isNaN)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(RunContext.score(v).mean());
    }

    private static OptionalDouble sdOf(double[] v) {
        if (v.length == 0 || Arrays.stream(v).anyMatch(Double::isNaN)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(RunContext.score(v).sd());
    }

    // -------------------------------------------------------------------------------------------------- helpers

    static void checkFinite(double[] values, int expected, String what) {
        if (values == null || values.length != expected) {
            throw new IllegalStateException(what + " returned " + (values == null ? "null" : values.length + " values")
                    + " for " + expected + " rows");
        }
        int bad = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new IllegalStateException(what + " returned NaN or infinite values for " + bad + " of " + expected
                    + " rows");
        }
    }

    private static boolean[] completeRows(Table table) {
        boolean[] out = new boolean[table.rowCount()];
        Arrays.fill(out, true);
        for (Column column : table.columns()) {
            for (int i = 0; i < out.length; i++) {
                if (column.isMissing(i)) {
                    out[i] = false;
                }
            }
        }
        return out;
    }

    private static int countTrue(boolean[] b) {
        int c = 0;
        for (boolean x : b) {
            c += x ? 1 : 0;
        }
        return c;
    }

    static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    static double[] pickD(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** The reference as codes: a level index per row, {@code -1} where missing. */
    static int[] codes(Column column) {
        List<String> levels = levels(column);
        String[] labels = labelsOf(column);
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == null ? -1 : levels.indexOf(labels[i]);
        }
        return out;
    }

    static List<String> levels(Column column) {
        return UnsupervisedChecks.values(column);
    }

    static String[] labelsOf(Column column) {
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            if (!column.isMissing(i)) {
                out[i] = switch (column) {
                    case NumericColumn n -> n.value(i) == Math.rint(n.value(i)) && Math.abs(n.value(i)) < 1e15
                            ? Long.toString((long) n.value(i)) : Double.toString(n.value(i));
                    case CategoricalColumn c -> c.label(i);
                };
            }
        }
        return out;
    }

    static List<String> cells(Table table, int row) {
        var out = new ArrayList<String>();
        for (Column column : table.columns()) {
            if (column.isMissing(row)) {
                out.add("");
            } else {
                out.add(switch (column) {
                    case NumericColumn n -> format(n.value(row));
                    case CategoricalColumn c -> c.label(row);
                });
            }
        }
        return out;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
