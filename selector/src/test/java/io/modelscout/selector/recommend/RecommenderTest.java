package io.modelscout.selector.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.CandidateResult.Score;
import io.modelscout.selector.result.CandidateResult.Status;
import io.modelscout.selector.result.CandidateResult.Timing;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RecommenderTest {

    private static CandidateResult evaluated(String id, List<String> capabilities, Metric metric, Timing timing,
                                             double... folds) {
        double mean = 0;
        for (double v : folds) {
            mean += v / folds.length;
        }
        double ss = 0;
        for (double v : folds) {
            ss += (v - mean) * (v - mean);
        }
        var values = new ArrayList<Double>();
        for (double v : folds) {
            values.add(v);
        }
        var score = new Score(mean, folds.length > 1 ? Math.sqrt(ss / (folds.length - 1)) : 0, values);
        return new CandidateResult(id, "Model " + id, "discriminative", capabilities, Status.EVALUATED, "",
                List.of(), Map.of(), Map.of(metric.id(), score), timing);
    }

    private static CandidateResult evaluated(String id, Metric metric, double... folds) {
        return evaluated(id, List.of(), metric, new Timing(0.5, 2.0), folds);
    }

    private static CandidateResult notEvaluated(String id, Status status) {
        return new CandidateResult(id, "Model " + id, "generative", List.of(), status, "went wrong", List.of(), Map.of(),
                Map.of(), Timing.NONE);
    }

    private static Optional<Recommendation> recommend(List<CandidateResult> candidates, Metric metric) {
        return Recommender.recommend(candidates, metric, Map.of(), Map.of());
    }

    @Test
    void theHighestMeanWinsWhenHigherIsBetter() {
        var candidates = List.of(
                evaluated("a", Metric.ACCURACY, 0.80, 0.80, 0.80),
                evaluated("b", Metric.ACCURACY, 0.89, 0.90, 0.91),
                evaluated("c", Metric.ACCURACY, 0.85, 0.85, 0.85));

        Recommendation recommendation = recommend(candidates, Metric.ACCURACY).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("b");
        assertThat(recommendation.metric()).isEqualTo("accuracy");
        assertThat(recommendation.score()).isEqualTo(candidates.get(1).scores().get("accuracy").mean());
        assertThat(recommendation.reasons()).containsExactly(
                "Model b has the highest mean accuracy, 0.9000 (sd 0.0100 over 3 folds), of 3 evaluated candidates.",
                "The runner-up, Model c, is 0.0500 lower, a significant difference (corrected resampled t-test over 3 "
                        + "splits, p = 0.032).");
        assertThat(Recommender.rank(candidates, Metric.ACCURACY, Map.of())).extracting(CandidateResult::id)
                .containsExactly("b", "c", "a");
    }

    @Test
    void theLowestMeanWinsWhenLowerIsBetter() {
        var candidates = List.of(
                evaluated("a", Metric.RMSE, 1.25, 1.25),
                evaluated("b", Metric.RMSE, 0.75, 0.75),
                evaluated("c", Metric.RMSE, 3.0, 3.0));

        Recommendation recommendation = recommend(candidates, Metric.RMSE).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("b");
        assertThat(recommendation.reasons()).containsExactly(
                "Model b has the lowest mean rmse, 0.7500 (sd 0.0000 over 2 folds), of 3 evaluated candidates.",
                "The runner-up, Model a, is 0.5000 higher, a significant difference (corrected resampled t-test over 2 "
                        + "splits, p = 0.000).");
        assertThat(Recommender.rank(candidates, Metric.RMSE, Map.of())).extracting(CandidateResult::id)
                .containsExactly("b", "a", "c");
    }

    @Test
    void anExactTieGoesToTheCandidateTheRulesPrefer() {
        var candidates = List.of(
                evaluated("a", List.of("FAST_INFERENCE", "INTERPRETABLE"), Metric.ACCURACY, new Timing(0.5, 2), 0.9),
                evaluated("b", Metric.ACCURACY, 0.9));

        Recommendation recommendation = Recommender.recommend(candidates, Metric.ACCURACY, Map.of("a", 0, "b", 1),
                Map.of("b", List.of("preferred by rule generative-when-missing-or-scarce"))).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("b");
        assertThat(recommendation.tiedWith()).containsExactly("b", "a");
        assertThat(recommendation.tieBreak()).isEqualTo("2 candidates are statistically tied with the best (one split, "
                + "equal scores): b, a. Of these, b, a are both within 0.005 of the best mean accuracy and not worse than "
                + "the constant baseline; b is chosen because the rules prefer it "
                + "(preferred by rule generative-when-missing-or-scarce).");
        assertThat(recommendation.reasons()).contains(recommendation.tieBreak());
        // The rules are named once, in the tie sentence.
        assertThat(recommendation.reasons()).noneMatch(r -> r.startsWith("Rules:"));
    }

    @Test
    void anAvoidedCandidateLosesATie() {
        var candidates = List.of(evaluated("a", Metric.ACCURACY, 0.7), evaluated("b", Metric.ACCURACY, 0.7));

        assertThat(Recommender.rank(candidates, Metric.ACCURACY, Map.of("a", -1))).extracting(CandidateResult::id)
                .containsExactly("b", "a");
    }

    @Test
    void withEqualPreferenceDeclaredSimplicityDecides() {
        var candidates = List.of(
                evaluated("a", List.of("PROBABILISTIC"), Metric.ACCURACY, new Timing(0.5, 2), 0.9),
                evaluated("b", List.of("INTERPRETABLE"), Metric.ACCURACY, new Timing(0.5, 2), 0.9),
                evaluated("c", List.of("FAST_INFERENCE", "INTERPRETABLE"), Metric.ACCURACY, new Timing(0.5, 2), 0.9));

        Recommendation recommendation = recommend(candidates, Metric.ACCURACY).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("c");
        assertThat(recommendation.tieBreak()).endsWith("c is chosen because the rules prefer none of them more, and it "
                + "declares more of fast inference and interpretability.");
        assertThat(Recommender.rank(candidates, Metric.ACCURACY, Map.of())).extracting(CandidateResult::id)
                .containsExactly("c", "b", "a");
    }

    @Test
    void withNothingElseToGoOnTheIdDecides() {
        var candidates = List.of(evaluated("zeta", Metric.MAE, 0.3), evaluated("alpha", Metric.MAE, 0.3));

        Recommendation recommendation = recommend(candidates, Metric.MAE).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("alpha");
        assertThat(recommendation.tieBreak()).endsWith("alpha is chosen because its id comes first (no rule or declared "
                + "capability separates it from zeta).");
    }

    @Test
    void timingsNeverBreakATie() {
        var fastFirst = List.of(
                evaluated("m.one", List.of("INTERPRETABLE"), Metric.ACCURACY, new Timing(0.001, 0.01), 0.8),
                evaluated("m.two", List.of("FAST_INFERENCE"), Metric.ACCURACY, new Timing(30, 9000), 0.8));
        var slowFirst = List.of(
                evaluated("m.one", List.of("INTERPRETABLE"), Metric.ACCURACY, new Timing(30, 9000), 0.8),
                evaluated("m.two", List.of("FAST_INFERENCE"), Metric.ACCURACY, new Timing(0.001, 0.01), 0.8));

        Recommendation a = recommend(fastFirst, Metric.ACCURACY).orElseThrow();
        Recommendation b = recommend(slowFirst, Metric.ACCURACY).orElseThrow();

        assertThat(a.candidate()).isEqualTo("m.one").isEqualTo(b.candidate());
        assertThat(a.reasons()).isEqualTo(b.reasons());
        assertThat(Recommender.rank(fastFirst, Metric.ACCURACY, Map.of())).extracting(CandidateResult::id)
                .containsExactly("m.one", "m.two");
        assertThat(Recommender.rank(slowFirst, Metric.ACCURACY, Map.of())).extracting(CandidateResult::id)
                .containsExactly("m.one", "m.two");
    }

    @Test
    void theInputOrderDoesNotMatter() {
        var one = evaluated("x", Metric.ACCURACY, 0.6);
        var two = evaluated("y", Metric.ACCURACY, 0.6);
        var three = evaluated("w", Metric.ACCURACY, 0.5);

        assertThat(Recommender.rank(List.of(one, two, three), Metric.ACCURACY, Map.of()))
                .isEqualTo(Recommender.rank(List.of(three, two, one), Metric.ACCURACY, Map.of()));
    }

    @Test
    void theRecommendationSaysHowMuchItBeatsTheBaseline() {
        var candidates = List.of(
                evaluated("base", List.of("BASELINE"), Metric.ACCURACY, Timing.NONE, 0.5, 0.5),
                evaluated("good", Metric.ACCURACY, 0.8, 0.8));

        Recommendation recommendation = recommend(candidates, Metric.ACCURACY).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("good");
        assertThat(recommendation.reasons()).contains("It beats the constant baseline (Model base) by 0.3000.");
    }

    @Test
    void whenTheBaselineWinsTheRecommendationSaysSo() {
        var candidates = List.of(
                evaluated("base", List.of("BASELINE"), Metric.RMSE, Timing.NONE, 1.0),
                evaluated("bad", Metric.RMSE, 1.5));

        Recommendation recommendation = recommend(candidates, Metric.RMSE).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("base");
        assertThat(recommendation.reasons()).contains(
                "No model beat the constant baseline: the features may not carry information about the target.");
    }

    @Test
    void aModelThatOnlyTiesTheBaselineIsNotSaidToBeatIt() {
        var candidates = List.of(
                evaluated("zz.base", List.of("BASELINE"), Metric.ACCURACY, Timing.NONE, 0.5),
                evaluated("aa.model", Metric.ACCURACY, 0.5));

        Recommendation recommendation = recommend(candidates, Metric.ACCURACY).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("aa.model");
        assertThat(recommendation.reasons()).noneMatch(r -> r.startsWith("It beats"));
        assertThat(recommendation.reasons()).contains("It only ties the constant baseline (Model zz.base): the features "
                + "may not carry information about the target.");
    }

    @Test
    void aClearWinnerListsTheRulesThatPreferredIt() {
        var candidates = List.of(evaluated("a", Metric.ACCURACY, 0.9), evaluated("b", Metric.ACCURACY, 0.8));

        Recommendation recommendation = Recommender.recommend(candidates, Metric.ACCURACY, Map.of("a", 2),
                Map.of("a", List.of("preferred by rule latency-budget", "preferred by rule outcome-only"))).orElseThrow();

        assertThat(recommendation.reasons()).last()
                .isEqualTo("Rules: preferred by rule latency-budget; preferred by rule outcome-only.");
    }

    @Test
    void aSingleCandidateIsRecommendedWithoutARunnerUp() {
        Recommendation recommendation = recommend(List.of(evaluated("only", Metric.R2, 0.4, 0.6)), Metric.R2).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("only");
        assertThat(recommendation.reasons()).containsExactly(
                "Model only has the highest mean r2, 0.5000 (sd 0.1414 over 2 folds), of 1 evaluated candidates.");
    }

    @Test
    void onlyEvaluatedCandidatesWithAFiniteScoreOnTheMetricAreRanked() {
        var nan = evaluated("nan", Metric.ROC_AUC, Double.NaN, 0.9);
        var otherMetric = evaluated("other", Metric.ACCURACY, 0.99);
        var good = evaluated("good", Metric.ROC_AUC, 0.7);
        var candidates = List.of(notEvaluated("failed", Status.FAILED), notEvaluated("slow", Status.TIMED_OUT),
                notEvaluated("excluded", Status.EXCLUDED), nan, otherMetric, good);

        assertThat(Recommender.rank(candidates, Metric.ROC_AUC, Map.of())).containsExactly(good);
        assertThat(recommend(candidates, Metric.ROC_AUC).orElseThrow().candidate()).isEqualTo("good");
    }

    @Test
    void nothingEvaluatedMeansNoRecommendation() {
        var candidates = List.of(notEvaluated("failed", Status.FAILED), notEvaluated("slow", Status.TIMED_OUT),
                notEvaluated("excluded", Status.EXCLUDED));

        assertThat(recommend(candidates, Metric.ACCURACY)).isEmpty();
        assertThat(recommend(List.of(), Metric.ACCURACY)).isEmpty();
        assertThat(Recommender.rank(candidates, Metric.ACCURACY, Map.of())).isEmpty();
    }

    @Test
    void aStatisticalTieWithinTheMarginGoesToThePreferredCandidate() {
        // Folds differ in order, so the test cannot separate them; the means differ by 0.004 < 0.005.
        var best = evaluated("best", Metric.ACCURACY, 0.90, 0.86, 0.88, 0.89, 0.87);
        var close = evaluated("close", List.of("INTERPRETABLE"), Metric.ACCURACY, new Timing(1, 1), 0.86, 0.89, 0.88,
                0.87, 0.88);
        var far = evaluated("far", Metric.ACCURACY, 0.86, 0.84, 0.87, 0.85, 0.86);

        Recommendation recommendation = Recommender.recommend(List.of(best, close, far), Metric.ACCURACY,
                Map.of("close", 1, "far", 2), Map.of("close", List.of("preferred by rule explainable-decisions"),
                        "far", List.of("preferred by rule a", "preferred by rule b")), 0.25).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("close");
        assertThat(recommendation.tiedWith()).containsExactly("best", "close", "far");
        // far is tied too but 0.024 below the best: outside the margin, so its stronger preference does not count.
        assertThat(recommendation.tieBreak()).isEqualTo("3 candidates are statistically tied with the best (corrected "
                + "resampled t-test over 5 splits, p ≥ 0.05): best, close, far. Of these, close, best are both within "
                + "0.005 of the best mean accuracy and not worse than the constant baseline; close is chosen because the "
                + "rules prefer it (preferred by rule explainable-decisions), over best with the highest mean.");
        assertThat(recommendation.reasons().getFirst()).startsWith("Model close has a mean accuracy of 0.8760")
                .contains("within 0.005 of the highest, 0.8800 by Model best");
        assertThat(recommendation.score()).isEqualTo(close.scores().get("accuracy").mean());
    }

    @Test
    void aSignificantDifferenceKeepsTheBestEvenWithinTheMargin() {
        // close is 0.003 below on every fold: small, but the test separates it, so no rule can pick it.
        var best = evaluated("best", Metric.ACCURACY, 0.90, 0.86, 0.88, 0.89, 0.87);
        var close = evaluated("close", Metric.ACCURACY, 0.897, 0.857, 0.877, 0.887, 0.867);

        Recommendation recommendation = Recommender.recommend(List.of(best, close), Metric.ACCURACY, Map.of("close", 3),
                Map.of(), 0.25).orElseThrow();

        assertThat(recommendation.candidate()).isEqualTo("best");
        assertThat(recommendation.tiedWith()).isEmpty();
        assertThat(recommendation.tieBreak()).isEmpty();
        assertThat(recommendation.reasons()).contains("The runner-up, Model close, is 0.0030 lower, a significant "
                + "difference (corrected resampled t-test over 5 splits, p = 0.000).");
    }

    @Test
    void theLossMarginIsRelativeToTheBestMean() {
        // rmse 10.0 best; 10.04 is within 0.5 % (0.05), 10.2 is not, though both are statistically tied.
        var best = evaluated("best", Metric.RMSE, 9.0, 11.0, 10.0, 9.5, 10.5);
        var within = evaluated("within", List.of("FAST_INFERENCE"), Metric.RMSE, new Timing(1, 1), 10.5, 9.7, 9.6, 10.4, 10.0);
        var outside = evaluated("outside", List.of("FAST_INFERENCE", "INTERPRETABLE"), Metric.RMSE, new Timing(1, 1),
                10.6, 9.9, 9.8, 10.6, 10.1);

        Recommendation recommendation = Recommender.recommend(List.of(best, within, outside), Metric.RMSE, Map.of(),
                Map.of(), 0.25).orElseThrow();

        assertThat(Recommender.margin(Metric.RMSE, 10.0)).isEqualTo(0.05);
        assertThat(Recommender.margin(Metric.ACCURACY, 0.9)).isEqualTo(0.005);
        assertThat(recommendation.tiedWith()).containsExactly("best", "within", "outside");
        assertThat(recommendation.candidate()).isEqualTo("within");
        assertThat(recommendation.tieBreak()).contains("within 0.05 of the best mean rmse");
    }

    @Test
    void theBaselineIsNeverChosenByATieBreakNorAModelWorseThanIt() {
        var model = evaluated("model", Metric.ACCURACY, 0.52, 0.50, 0.51, 0.49, 0.50);
        var base = evaluated("base", List.of("BASELINE", "FAST_INFERENCE", "INTERPRETABLE"), Metric.ACCURACY, Timing.NONE,
                0.50, 0.50, 0.50, 0.50, 0.50);
        var worse = evaluated("worse", List.of("FAST_INFERENCE", "INTERPRETABLE"), Metric.ACCURACY, new Timing(1, 1),
                0.51, 0.49, 0.50, 0.48, 0.50);

        Recommendation recommendation = Recommender.recommend(List.of(model, base, worse), Metric.ACCURACY,
                Map.of("base", 5, "worse", 5), Map.of(), 0.25).orElseThrow();

        assertThat(recommendation.tiedWith()).containsExactly("model", "base", "worse");
        assertThat(recommendation.candidate()).isEqualTo("model");
        assertThat(recommendation.tieBreak()).endsWith("so the best mean stands.");
    }

    @Test
    void theSameScoresGiveTheSameRecommendationWhateverTheInputOrder() {
        var a = evaluated("a", List.of("INTERPRETABLE"), Metric.ACCURACY, new Timing(1, 1), 0.80, 0.82, 0.81);
        var b = evaluated("b", Metric.ACCURACY, 0.81, 0.81, 0.82);
        var c = evaluated("c", List.of("FAST_INFERENCE"), Metric.ACCURACY, new Timing(9, 9), 0.82, 0.80, 0.81);

        var one = Recommender.recommend(List.of(a, b, c), Metric.ACCURACY, Map.of(), Map.of(), 0.5).orElseThrow();
        var two = Recommender.recommend(List.of(c, b, a), Metric.ACCURACY, Map.of(), Map.of(), 0.5).orElseThrow();

        assertThat(one).isEqualTo(two);
        assertThat(one.candidate()).isEqualTo("a");
    }
}
