package io.modelscout.reports;

import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Curve;
import io.modelscout.selector.result.CandidateResult.Diagnostics;
import io.modelscout.selector.result.CandidateResult.FoldParameters;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.result.SelectionResult.Claim;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.result.SelectionResult.PluginInfo;
import io.modelscout.selector.result.SelectionResult.Provenance;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
import io.modelscout.selector.result.SelectionResult.Series;
import io.modelscout.selector.result.SelectionResult.TaskSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built selection results: an iris-like classification with four candidates, and variants of it. */
final class Fixtures {
    static final String SCRIPT = "<script>alert(1)</script>";

    private Fixtures() {
    }

    /**
     * Four candidates: two evaluated (5 folds × 2 repeats), one failed, one excluded. The logistic regression has a
     * NaN log-loss fold and a NaN mean, so that NaN handling shows.
     */
    static SelectionResult iris() {
        return iris("iris species", "sepal_length", "setosa", "needs sequences; the task has none");
    }

    /**
     * The iris result with a hostile string where the task name, a column, a class, a reason, a diagnostics class, a
     * claim finding, a series, a plugin and a capability go.
     */
    static SelectionResult hostile() {
        return everything(iris(SCRIPT, SCRIPT, SCRIPT, SCRIPT), SCRIPT);
    }

    /** The iris result with diagnostics, claims, a tie and the capability matrix: every section filled. */
    static SelectionResult full() {
        return everything(iris(), "setosa");
    }

    /**
     * Adds to a result what the selector fills beyond scores: diagnostics for the evaluated candidates, a tie with its
     * break, registered plugins, a checked claim with learning curves and an unchecked one.
     */
    static SelectionResult everything(SelectionResult base, String firstClass) {
        var candidates = new ArrayList<CandidateResult>();
        for (CandidateResult c : base.candidates()) {
            if (c.status() != Status.EVALUATED) {
                candidates.add(c);
                continue;
            }
            double shift = c.id().equals("smile.random-forest") ? 0.0 : 0.1;
            candidates.add(with(c, new Diagnostics(List.of(firstClass, "versicolor", "virginica"),
                    List.of(List.of(50, 0, 0), List.of(0, 47, 3), List.of(0, 4, 46)),
                    List.of(curve(firstClass, 1.0, 0), curve("versicolor", 0.95 - shift, 40),
                            curve("virginica", 0.96 - shift, 40)), List.of(), List.of()), List.of()));
        }
        var r = base.recommendation().orElseThrow();
        var recommendation = new Recommendation(r.candidate(), r.metric(), r.score(), r.reasons(),
                List.of("smile.random-forest", "smile.logistic-regression"),
                "within one standard error; the rules prefer " + firstClass);
        var plugins = List.of(
                new PluginInfo("smile.random-forest", "Random forest", "discriminative", List.of("classify",
                        "regress"), List.of("HANDLES_MISSING_DATA", "NOMINAL_FEATURES")),
                new PluginInfo("smile.logistic-regression", "Logistic regression", "discriminative",
                        List.of("classify"), List.of("PROBABILISTIC", "INTERPRETABLE")),
                new PluginInfo("weka.j48", "C4.5 decision tree", "discriminative", List.of("classify"),
                        List.of("INTERPRETABLE")),
                new PluginInfo("smile.hmm", "Hidden Markov model", "generative", List.of("model-sequences"),
                        List.of("GENERATIVE", "SEQUENTIAL")),
                new PluginInfo("core.gaussian-nb", firstClass, "generative", List.of("classify"),
                        List.of("GENERATIVE", "PROBABILISTIC", firstClass)));
        var claims = List.of(
                new Claim("generative-converges-faster", "A generative model reaches its best score with fewer rows",
                        Optional.of(true), "naive Bayes was within 0.02 of its best at 40 rows; logistic regression"
                        + " needed 120 (" + firstClass + ")", List.of(
                        new Series("core.gaussian-nb", List.of(20.0, 40.0, 80.0, 120.0), List.of(0.88, 0.93, 0.94,
                                0.95)),
                        new Series(firstClass, List.of(20.0, 40.0, 80.0, 120.0), List.of(0.71, 0.84, 0.91, 0.95)))),
                new Claim("generative-handles-missing", "A generative model degrades less when features go missing",
                        Optional.empty(), "not checked: the data has no missing values", List.of()),
                new Claim("discriminative-wins-asymptotically", "With enough rows a discriminative model scores higher",
                        Optional.of(false), "at 120 rows the two were level", List.of()),
                new Claim("discriminative-predicts-faster", "A discriminative model answers faster per row",
                        Optional.of(true), "0.8 µs against 3.25 µs per row", List.of(
                        new Series("smile.logistic-regression", List.of(0.0), List.of(0.8)),
                        new Series("smile.random-forest", List.of(1.0), List.of(3.25)))));
        return new SelectionResult(base.task(), base.profile(), base.facts(), base.rules(), candidates,
                Optional.of(recommendation), base.provenance(), plugins, claims);
    }

    static CandidateResult with(CandidateResult c, Diagnostics diagnostics, List<FoldParameters> tuning) {
        return new CandidateResult(c.id(), c.name(), c.family(), c.capabilities(), c.status(), c.reason(),
                c.preprocessing(), c.parameters(), c.scores(), c.timing(), tuning, Optional.of(diagnostics));
    }

    /** A ROC curve with {@code steps} steps (0: the perfect corner) and the given area. */
    static Curve curve(String label, double auc, int steps) {
        var fpr = new ArrayList<Double>();
        var tpr = new ArrayList<Double>();
        fpr.add(0.0);
        tpr.add(0.0);
        if (steps == 0) {
            fpr.add(0.0);
            tpr.add(1.0);
        }
        for (int i = 1; i <= steps; i++) {
            double x = i / (double) steps;
            fpr.add(x);
            tpr.add(Math.min(1.0, Math.pow(x, 0.25)));
        }
        fpr.add(1.0);
        tpr.add(1.0);
        return new Curve(label, fpr, tpr, auc);
    }

    /** A regression result: two candidates with 1000 actual and predicted values each, one tuned. */
    static SelectionResult regression() {
        SelectionResult iris = iris();
        var task = new TaskSummary("house prices", "regress", "data/housing.arff", Optional.of("price"), "rmse",
                false, List.of("rmse", "mae", "r2"));
        var candidates = new ArrayList<CandidateResult>();
        for (int k = 0; k < 2; k++) {
            var actual = new ArrayList<Double>();
            var predicted = new ArrayList<Double>();
            for (int i = 0; i < 1000; i++) {
                double y = 5 + (i * 37 % 450) / 10.0;
                actual.add(y);
                predicted.add(y + ((i * 53 % 21) - 10) / (k + 2.0));
            }
            var scores = Map.of("rmse", new Score(4.1 + k, 0.5, folds(4.0 + k, 4.5 + k, 3.8 + k)),
                    "mae", new Score(3.0 + k, 0.4, folds(3.0 + k, 3.3 + k, 2.7 + k)),
                    "r2", new Score(0.8 - k / 10.0, 0.05, folds(0.8, 0.75, 0.85)));
            var base = new CandidateResult(k == 0 ? "smile.random-forest" : "weka.linear-regression",
                    k == 0 ? "Random forest" : "Linear regression", "discriminative", List.of("INTERPRETABLE"),
                    Status.EVALUATED, "serves regress", List.of(), Map.of("trees", 100), scores,
                    new Timing(0.2 + k, 5.0 / (k + 1)));
            candidates.add(with(base, new Diagnostics(List.of(), List.of(), List.of(), actual, predicted),
                    k == 0 ? List.of(new FoldParameters(0, 0, Map.of("trees", 200)),
                            new FoldParameters(0, 1, Map.of("trees", 100))) : List.of()));
        }
        var provenance = new Provenance("0.1.0-SNAPSHOT", 7, 3, 1, 2, "2026-11-25T13:00:00Z", 3.0, Map.of());
        var profile = new DataProfile("housing", 1000, List.of(
                new ColumnProfile("rooms", "numeric", false, 0, 0, 400, 6.2, 0.7, 3.5, 8.8),
                new ColumnProfile("price", "numeric", true, 0, 0, 229, 22.5, 9.2, 5.0, 50.0)),
                Optional.of(new TargetProfile("price", "numeric", List.of(), 0, Double.NaN, Double.NaN)), 0, 0, 0);
        return new SelectionResult(task, profile, iris.facts(), iris.rules(), candidates,
                Optional.of(new Recommendation("smile.random-forest", "rmse", 4.1, List.of("lowest mean rmse"))),
                provenance, List.of(), List.of());
    }

    static SelectionResult iris(String taskName, String firstColumn, String firstClass, String exclusionReason) {
        var task = new TaskSummary(taskName, "classify", "data/iris.csv", Optional.of("species"), "accuracy", true,
                List.of("accuracy", "macro_f1", "log_loss"));
        var profile = new DataProfile("iris", 150, List.of(
                new ColumnProfile(firstColumn, "numeric", false, 0, 0, 35, 5.843, 0.828, 4.3, 7.9),
                new ColumnProfile("sepal_width", "numeric", false, 3, 0, 23, 3.057, 0.436, 2.0, 4.4),
                new ColumnProfile("soil", "nominal", false, 0, 3, 3, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                new ColumnProfile("species", "nominal", true, 0, 3, 3, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN)),
                Optional.of(new TargetProfile("species", "nominal", List.of(new ClassCount(firstClass, 50),
                        new ClassCount("versicolor", 50), new ClassCount("virginica", 50)), 3, 1.0 / 3, 1.0)),
                3, 0.005, 3);
        var facts = List.of(
                new FactValue("missing_values", true, "profile", "0.5 % of feature cells are missing"),
                new FactValue("needs_probabilities", false, "task", "stated in the task"));
        var rules = List.of(
                new RuleOutcome("missing-data-prefers-generative", true, "missing_values",
                        "prefer family generative", "a generative model can marginalise missing features"),
                new RuleOutcome("sequences-need-sequence-models", false, "sequential",
                        "include capability SEQUENTIAL", "only sequence models see order"));
        var forest = new CandidateResult("smile.random-forest", "Random forest", "discriminative",
                List.of("HANDLES_MISSING_DATA", "NOMINAL_FEATURES"), Status.EVALUATED,
                "serves classify; handles missing data", List.of("impute 3 numeric cells with the fold mean"),
                ordered(Map.of("trees", 200, "maxDepth", 20, "mtry", 0.5, "splitRule", "gini", "bootstrap", true)),
                Map.of("accuracy", new Score(0.953, 0.021, folds(0.96, 0.93, 0.97, 0.93, 0.97, 0.97, 0.93, 0.97,
                                0.93, 0.97)),
                        "macro_f1", new Score(0.952, 0.022, folds(0.96, 0.93, 0.97, 0.93, 0.97, 0.97, 0.93, 0.97,
                                0.93, 0.96)),
                        "log_loss", new Score(0.121, 0.040, folds(0.1, 0.2, 0.1, 0.1, 0.1, 0.2, 0.1, 0.1, 0.1,
                                0.11))),
                new Timing(0.412, 3.25));
        var logistic = new CandidateResult("smile.logistic-regression", "Logistic regression", "discriminative",
                List.of("PROBABILISTIC", "INTERPRETABLE"), Status.EVALUATED, "serves classify",
                List.of("one-hot encode 1 nominal column", "standardise 2 numeric columns"),
                Map.of("lambda", 0.1, "maxIterations", 500),
                Map.of("accuracy", new Score(0.940, 0.030, folds(0.93, 0.9, 0.97, 0.93, 0.93, 0.97, 0.9, 0.97,
                                0.93, 0.97)),
                        "macro_f1", new Score(0.939, 0.031, folds(0.93, 0.9, 0.97, 0.93, 0.93, 0.97, 0.9, 0.97,
                                0.93, 0.96)),
                        "log_loss", new Score(Double.NaN, Double.NaN, folds(0.2, Double.NaN, 0.1, 0.1, 0.2, 0.1,
                                Double.NaN, 0.1, 0.2, 0.1))),
                new Timing(0.031, 0.8));
        var j48 = new CandidateResult("weka.j48", "C4.5 decision tree", "discriminative", List.of("INTERPRETABLE"),
                Status.FAILED, "fold 3: weka.core.UnsupportedAttributeTypeException: cannot handle ordinal class",
                List.of(), Map.of("confidence", 0.25), Map.of(), Timing.NONE);
        var hmm = new CandidateResult("smile.hmm", "Hidden Markov model", "generative",
                List.of("GENERATIVE", "SEQUENTIAL"), Status.EXCLUDED, exclusionReason, List.of(), Map.of(), Map.of(),
                Timing.NONE);
        var recommendation = new Recommendation("smile.random-forest", "accuracy", 0.953,
                List.of("highest mean accuracy (0.953 ± 0.021)",
                        "ahead of smile.logistic-regression by more than one standard error"));
        var provenance = new Provenance("0.1.0-SNAPSHOT", 42, 5, 2, 2, "2026-11-25T13:00:00Z", 12.5,
                Map.of("java", "25.0.1", "smile", "6.3.0", "weka", "3.8.7"));
        return new SelectionResult(task, profile, facts, rules, List.of(hmm, j48, logistic, forest),
                Optional.of(recommendation), provenance);
    }

    /** Every candidate excluded or failed: nothing to recommend. */
    static SelectionResult noneEvaluated() {
        SelectionResult iris = iris();
        var candidates = iris.candidates().stream().filter(c -> c.status() != Status.EVALUATED).toList();
        return new SelectionResult(iris.task(), iris.profile(), iris.facts(), iris.rules(), candidates,
                Optional.empty(), iris.provenance());
    }

    /** {@code count} evaluated candidates with {@code folds} fold scores each, for size checks. */
    static SelectionResult many(int count, int folds) {
        SelectionResult iris = full();
        var candidates = new ArrayList<CandidateResult>();
        for (int i = 0; i < count; i++) {
            var scores = new LinkedHashMap<String, Score>();
            for (String metric : iris.task().metrics()) {
                var values = new ArrayList<Double>();
                for (int f = 0; f < folds; f++) {
                    values.add(0.8 + ((i * 31 + f * 17) % 20) / 100.0);
                }
                scores.put(metric, new Score(0.8 + i / 200.0, 0.03, values));
            }
            var base = new CandidateResult("bench.model-" + i, "Model number " + i,
                    i % 2 == 0 ? "generative" : "discriminative", List.of("PROBABILISTIC", "INTERPRETABLE"),
                    Status.EVALUATED, "serves classify; handles nominal features natively",
                    List.of("standardise 4 numeric columns"), Map.of("alpha", 0.5, "iterations", 100, "kind", "x"),
                    scores, new Timing(0.1 * i, 2.5 + i));
            // Full-size diagnostics: three classes, curves at the selector's 200-point limit.
            candidates.add(with(base, new Diagnostics(List.of("setosa", "versicolor", "virginica"),
                    List.of(List.of(50, 0, 0), List.of(0, 47, 3), List.of(0, 4, 46)),
                    List.of(curve("setosa", 0.99, 198), curve("versicolor", 0.95, 198), curve("virginica", 0.96,
                            198)), List.of(), List.of()), List.of()));
        }
        return new SelectionResult(iris.task(), iris.profile(), iris.facts(), iris.rules(), candidates,
                Optional.of(new Recommendation("bench.model-" + (count - 1), "accuracy", 0.9, List.of("best"))),
                iris.provenance(), iris.plugins(), iris.claims());
    }

    private static List<Double> folds(double... values) {
        var list = new ArrayList<Double>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static Map<String, Object> ordered(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }
}
