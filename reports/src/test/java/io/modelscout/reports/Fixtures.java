package io.modelscout.reports;

import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.data.DataProfile.ClassCount;
import io.modelscout.selector.data.DataProfile.ColumnProfile;
import io.modelscout.selector.data.DataProfile.TargetProfile;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.SelectionResult;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.result.SelectionResult.Provenance;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
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

    /** The iris result with a hostile string where the task name, a column, a class and a reason go. */
    static SelectionResult hostile() {
        return iris(SCRIPT, SCRIPT, SCRIPT, SCRIPT);
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
        SelectionResult iris = iris();
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
            candidates.add(new CandidateResult("bench.model-" + i, "Model number " + i,
                    i % 2 == 0 ? "generative" : "discriminative", List.of("PROBABILISTIC", "INTERPRETABLE"),
                    Status.EVALUATED, "serves classify; handles nominal features natively",
                    List.of("standardise 4 numeric columns"), Map.of("alpha", 0.5, "iterations", 100, "kind", "x"),
                    scores, new Timing(0.1 * i, 2.5)));
        }
        return new SelectionResult(iris.task(), iris.profile(), iris.facts(), iris.rules(), candidates,
                Optional.of(new Recommendation("bench.model-" + (count - 1), "accuracy", 0.9, List.of("best"))),
                iris.provenance());
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
