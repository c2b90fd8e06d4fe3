package io.modelscout.reports;

import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.result.SelectionResult.TaskSummary;
import io.modelscout.selector.unsupervised.AnomalyDetails;
import io.modelscout.selector.unsupervised.ClusterDetails;
import io.modelscout.selector.unsupervised.DensityDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Hand-built results of the goals cluster, detect-anomalies and estimate-density: the details a run would return,
 * made here so that the report's tests need no plugin. {@code text} goes where the data or the task puts words
 * (column names, group names, candidate names, queries, notes), so that the hostile variants test the escaping.
 */
final class UnsupervisedFixtures {
    /** Points in the cluster scatter. */
    static final int POINTS = 150;
    /** Rows of the anomaly data; the first {@link #ANOMALIES} are the reference's anomalies. */
    static final int ROWS = 200;
    static final int ANOMALIES = 10;

    private UnsupervisedFixtures() {
    }

    // ---- clusters ----

    static SelectionResult clusters() {
        return clusters("species", "setosa");
    }

    static SelectionResult hostileClusters() {
        return clusters(Fixtures.SCRIPT, Fixtures.SCRIPT);
    }

    /** Three clusters of 50 points on two principal components; a reference column unless {@code reference} is null. */
    static SelectionResult clusters(String reference, String firstGroup) {
        var random = new Random(7);
        var points = new ArrayList<ClusterDetails.Point>();
        List<String> groups = List.of(firstGroup, "versicolor", "virginica");
        for (int i = 0; i < POINTS; i++) {
            int truth = i / 50;
            // One versicolor row in six lands in the virginica cluster, so the cross-table is not diagonal.
            int cluster = truth == 1 && i % 6 == 0 ? 2 : truth;
            double x = cluster * 2.5 - 2.5 + random.nextGaussian() * 0.5;
            double y = (cluster == 1 ? 1 : -0.5) + random.nextGaussian() * 0.4;
            points.add(new ClusterDetails.Point(i, x, y, cluster, reference == null ? Optional.empty()
                    : Optional.of(groups.get(truth))));
        }
        long moved = points.stream().filter(p -> p.row() / 50 == 1 && p.cluster() == 2).count();
        var sizes = List.of(new ClusterDetails.ClusterSize(0, 50),
                new ClusterDetails.ClusterSize(1, (int) (50 - moved)),
                new ClusterDetails.ClusterSize(2, (int) (50 + moved)));
        var choices = List.of(
                new ClusterDetails.CountCurve("smile.gaussian-mixture", "BIC", true, List.of(1, 2, 3, 4, 5, 6),
                        List.of(-820.5, -560.2, -480.7, -495.1, -512.9, Double.NaN), 3),
                new ClusterDetails.CountCurve("weka.em", "held-out log-likelihood", true, List.of(1, 2, 3, 4, 5),
                        List.of(-3.1, -2.2, -1.9, -1.95, -2.05), 3),
                new ClusterDetails.CountCurve("smile.x-means", "BIC", true, List.of(2, 3, 4),
                        List.of(-600.0, -500.0, -530.0), 3));
        Optional<ClusterDetails.Confusion> confusion = reference == null ? Optional.empty() : Optional.of(
                new ClusterDetails.Confusion(List.of("#0", "#1", "#2"), groups, List.of(List.of(50, 0, 0),
                        List.of(0, (int) (50 - moved), 0), List.of(0, (int) moved, 50))));
        var details = new ClusterDetails("smile.gaussian-mixture", 3, Optional.of(new ClusterDetails.Projection(
                "PC1 (72.9 % of variance)", "PC2 (22.9 % of variance)", List.of(0.729, 0.229), points, POINTS)),
                sizes, choices, Optional.ofNullable(reference), confusion,
                List.of("numeric columns standardised inside each training fold", "note about " + firstGroup));
        var candidates = List.of(
                candidate("smile.gaussian-mixture", "Gaussian mixture", "generative",
                        scores("silhouette", 0.55, "log_likelihood", -1.9, "stability", 0.91, "ari", 0.90, "nmi",
                                0.89)),
                candidate("smile.k-means", "k-means", "discriminative",
                        scores("silhouette", 0.57, "stability", 0.85, "ari", 0.73, "nmi", 0.75)),
                candidate("weka.em", "EM (Weka)", "generative",
                        scores("silhouette", 0.50, "log_likelihood", -1.95, "stability", 0.88, "ari", 0.86, "nmi",
                                0.85)),
                new CandidateResult("smile.dbscan", firstGroup + " DBSCAN", "discriminative", List.of(),
                        Status.FAILED, "fold 2: every row is noise", List.of(), Map.of(), Map.of(), Timing.NONE));
        var profile = new DataProfile("iris", POINTS, List.of(
                new ColumnProfile("sepal_length", "numeric", false, 0, 0, 35, 5.843, 0.828, 4.3, 7.9),
                new ColumnProfile(reference == null ? "species" : reference, "nominal", false, 0, 3, 3, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN)), Optional.empty(), 0, 0, 0);
        return result(new TaskSummary("iris " + firstGroup, "cluster", "data/iris.csv", Optional.empty(), "silhouette",
                true, List.of("silhouette", "log_likelihood", "stability", "ari", "nmi")), profile, candidates,
                "smile.gaussian-mixture", "silhouette", details);
    }

    // ---- anomalies ----

    static SelectionResult anomalies() {
        return anomalies(true, "radius");
    }

    static SelectionResult anomaliesWithoutReference() {
        return anomalies(false, "radius");
    }

    static SelectionResult hostileAnomalies() {
        return anomalies(true, Fixtures.SCRIPT);
    }

    static SelectionResult anomalies(boolean reference, String column) {
        var ids = List.of("smile.isolation-forest", "core.gaussian", "smile.gmm-anomaly");
        var distributions = new ArrayList<AnomalyDetails.ScoreDistribution>();
        for (int k = 0; k < ids.size(); k++) {
            var scores = new ArrayList<Double>();
            for (int i = 0; i < ROWS; i++) {
                double base = i < ANOMALIES ? 3 + (i % 4) * 0.5 : (i * 37 % 100) / 40.0;
                scores.add(base + k * 0.1);
            }
            distributions.add(new AnomalyDetails.ScoreDistribution(ids.get(k), scores));
        }
        var known = new ArrayList<Boolean>();
        for (int i = 0; i < ROWS; i++) {
            known.add(i < ANOMALIES);
        }
        var columns = List.of(column, "texture", "perimeter");
        var top = new ArrayList<AnomalyDetails.TopRow>();
        for (int i = 0; i < 12; i++) {
            // Row 11 is normal but scores high; the missing cell shows as '?'.
            int row = i < ANOMALIES ? i : 90 + i;
            top.add(new AnomalyDetails.TopRow(row, 4.5 - i * 0.1, List.of(String.valueOf(10 + i), i == 2 ? ""
                    : "21.5", column), reference ? Optional.of(row < ANOMALIES) : Optional.empty()));
        }
        var roc = new ArrayList<AnomalyDetails.Curve>();
        var pr = new ArrayList<AnomalyDetails.Curve>();
        if (reference) {
            for (int k = 0; k < ids.size(); k++) {
                var fx = new ArrayList<Double>();
                var fy = new ArrayList<Double>();
                var rx = new ArrayList<Double>();
                var ry = new ArrayList<Double>();
                for (int s = 0; s <= 20; s++) {
                    double t = s / 20.0;
                    fx.add(t);
                    fy.add(Math.min(1, Math.pow(t, 0.2 + 0.1 * k)));
                    rx.add(t);
                    ry.add(1 - 0.8 * Math.pow(t, 3 - k));
                }
                roc.add(new AnomalyDetails.Curve(ids.get(k), fx, fy, 0.97 - 0.02 * k));
                pr.add(new AnomalyDetails.Curve(ids.get(k), rx, ry, 0.81 - 0.05 * k));
            }
        }
        String basis = reference
                ? "Chosen on cross-validated ROC AUC against the reference column diagnosis."
                : "Chosen on agreement with the other detectors and stability across resamples; no known anomalies.";
        var details = new AnomalyDetails("smile.isolation-forest", reference ? Optional.of("diagnosis")
                : Optional.empty(), reference ? Optional.of("M") : Optional.empty(), reference
                ? Optional.of(ANOMALIES) : Optional.empty(), basis, reference ? List.of()
                : List.of("smile.isolation-forest", "core.gaussian"), distributions, reference ? known : List.of(),
                columns, top, roc, pr, List.of("scores of the first repeat; " + column));
        var metrics = reference ? List.of("roc_auc", "average_precision", "precision_at_n", "stability")
                : List.of("stability");
        var candidates = new ArrayList<CandidateResult>();
        for (int k = 0; k < ids.size(); k++) {
            candidates.add(candidate(ids.get(k), k == 0 ? "Isolation forest" : ids.get(k), "generative", reference
                    ? scores("roc_auc", 0.97 - 0.02 * k, "average_precision", 0.81 - 0.05 * k, "precision_at_n",
                    0.7, "stability", 0.9) : scores("stability", 0.9 - 0.1 * k)));
        }
        var profile = new DataProfile("wdbc", ROWS, List.of(new ColumnProfile(column, "numeric", false, 1, 0, 190,
                14.1, 3.5, 6.9, 28.1)), Optional.empty(), 1, 0.001, 1);
        return result(new TaskSummary("wdbc anomalies", "detect-anomalies", "data/wdbc.csv", Optional.empty(),
                reference ? "roc_auc" : "stability", true, metrics), profile, candidates, "smile.isolation-forest",
                reference ? "roc_auc" : "stability", details);
    }

    // ---- density ----

    static SelectionResult density() {
        return density("Murder > 10 and Assault > 250", true);
    }

    static SelectionResult hostileDensity() {
        return density(Fixtures.SCRIPT, true);
    }

    static SelectionResult density(String query, boolean impute) {
        var ids = List.of("smile.gmm-full", "smile.gmm-diagonal", "core.kde", "core.independent");
        var likelihoods = new ArrayList<DensityDetails.Likelihood>();
        for (int k = 0; k < ids.size(); k++) {
            double mean = -11.2 - k * 0.4;
            likelihoods.add(new DensityDetails.Likelihood(ids.get(k), mean, 0.3 + k * 0.05,
                    List.of(mean - 0.3, mean + 0.2, mean + 0.1, mean - 0.1, mean + 0.1)));
        }
        // One candidate failed on a fold: its mean is not a number.
        likelihoods.add(new DensityDetails.Likelihood("weka.em-density", Double.NaN, Double.NaN,
                List.of(-12.0, Double.NaN, -11.9, -12.2, -12.1)));
        var estimates = new ArrayList<DensityDetails.QueryEstimate>();
        for (int k = 0; k < ids.size(); k++) {
            double e = 0.10 + k * 0.03;
            estimates.add(new DensityDetails.QueryEstimate(ids.get(k), e, e - 0.02, e + 0.02, 20_000));
        }
        var queries = List.of(new DensityDetails.QueryResult(query, 0.11, 0.06, 0.16, 50, estimates));
        Optional<DensityDetails.ImputationDetails> imputation = impute ? Optional.of(
                new DensityDetails.ImputationDetails(0.1, 78, 12, List.of(
                        method("smile.gmm-full", "density", 0.61, 0.05, 0.25, 0.04),
                        method("core.kde", "density", 0.55, 0.06, 0.3, 0.05),
                        new DensityDetails.ImputationMethod("core.independent", "density", OptionalDouble.empty(),
                                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "failed",
                                "fold 1: singular covariance"),
                        method("baseline.mean-mode", "baseline", 0.98, 0.04, 0.55, 0.06),
                        method("baseline.knn", "baseline", 0.72, 0.05, 0.35, 0.05)),
                        "core.kde", Optional.of("/tmp/out/completed.csv"), 14)) : Optional.empty();
        var details = new DensityDetails("smile.gmm-full", List.of("Murder", "Assault", "UrbanPop", "Rape"),
                likelihoods, queries, imputation, List.of("densities over raw columns; " + query));
        var candidates = new ArrayList<CandidateResult>();
        for (int k = 0; k < ids.size(); k++) {
            candidates.add(candidate(ids.get(k), k == 0 ? "Gaussian mixture, full covariance" : ids.get(k),
                    "generative", scores("log_likelihood", -11.2 - k * 0.4)));
        }
        var profile = new DataProfile("usarrests", 50, List.of(new ColumnProfile("Murder", "numeric", false, 0, 0, 43,
                7.8, 4.4, 0.8, 17.4)), Optional.empty(), 0, 0, 0);
        return result(new TaskSummary("usarrests " + query, "estimate-density", "data/usarrests.csv", Optional.empty(),
                "log_likelihood", true, List.of("log_likelihood")), profile, candidates, "smile.gmm-full",
                "log_likelihood", details);
    }

    private static DensityDetails.ImputationMethod method(String id, String kind, double nrmse, double nrmseSd,
                                                          double nominal, double nominalSd) {
        return new DensityDetails.ImputationMethod(id, kind, OptionalDouble.of(nrmse), OptionalDouble.of(nrmseSd),
                OptionalDouble.of(nominal), OptionalDouble.of(nominalSd), "evaluated", "");
    }

    // ---- shared ----

    private static SelectionResult result(TaskSummary task, DataProfile profile, List<CandidateResult> candidates,
                                          String winner, String metric, GoalDetails details) {
        SelectionResult iris = Fixtures.full();
        double score = candidates.stream().filter(c -> c.id().equals(winner)).findFirst().orElseThrow().scores()
                .get(metric).mean();
        return new SelectionResult(task, profile, List.of(), iris.rules(), candidates,
                Optional.of(new Recommendation(winner, metric, score, List.of("highest mean " + metric))),
                iris.provenance(), iris.plugins(), List.of(), Optional.of(details));
    }

    private static CandidateResult candidate(String id, String name, String family, Map<String, Score> scores) {
        return new CandidateResult(id, name, family, List.of("UNSUPERVISED"), Status.EVALUATED, "serves the goal",
                List.of(), Map.of("components", 3), scores, new Timing(0.05, 2.0));
    }

    /** Scores from metric and mean pairs, each with five folds around its mean. */
    private static Map<String, Score> scores(Object... pairs) {
        var scores = new LinkedHashMap<String, Score>();
        for (int i = 0; i < pairs.length; i += 2) {
            double mean = (Double) pairs[i + 1];
            double spread = Math.abs(mean) * 0.02 + 0.01;
            scores.put((String) pairs[i], new Score(mean, spread, List.of(mean - spread, mean + spread, mean,
                    mean - spread / 2, mean + spread / 2)));
        }
        return scores;
    }
}
