package io.modelscout.selector.recommend;

import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the recommendation: the best mean score on the task's metric. Exact ties are broken by the rules'
 * preferences, then by declared simplicity (fast inference, interpretability), then by id, and the reasons say which
 * decided. Measured times never break a tie: they vary from run to run, and the recommendation must not.
 */
public final class Recommender {
    private Recommender() {
    }

    /**
     * Ranks the evaluated candidates, best first.
     *
     * @param candidates all candidates
     * @param metric the task's metric
     * @param preference the rules' preference per candidate id
     * @return the evaluated candidates in rank order
     */
    public static List<CandidateResult> rank(List<CandidateResult> candidates, Metric metric, Map<String, Integer> preference) {
        var evaluated = new ArrayList<CandidateResult>();
        for (CandidateResult c : candidates) {
            if (c.status() == CandidateResult.Status.EVALUATED && c.scores().containsKey(metric.id())
                    && Double.isFinite(c.scores().get(metric.id()).mean())) {
                evaluated.add(c);
            }
        }
        Comparator<CandidateResult> byScore = Comparator.comparingDouble(c -> c.scores().get(metric.id()).mean());
        if (metric.higherIsBetter()) {
            byScore = byScore.reversed();
        }
        evaluated.sort(byScore
                .thenComparing(Comparator.comparingInt((CandidateResult c) -> preference.getOrDefault(c.id(), 0)).reversed())
                .thenComparing(Comparator.comparingInt(Recommender::simplicity).reversed())
                .thenComparing(CandidateResult::id));
        return evaluated;
    }

    /** How many of the simplicity capabilities a candidate declares. */
    private static int simplicity(CandidateResult candidate) {
        int count = 0;
        for (String capability : List.of("FAST_INFERENCE", "INTERPRETABLE")) {
            if (candidate.capabilities().contains(capability)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Recommends one candidate.
     *
     * @param candidates all candidates
     * @param metric the task's metric
     * @param preference the rules' preference per candidate id
     * @param preferenceReasons per candidate id, the rules that preferred or avoided it
     * @return the recommendation, or empty when no candidate was evaluated
     */
    public static Optional<Recommendation> recommend(List<CandidateResult> candidates, Metric metric,
                                                     Map<String, Integer> preference,
                                                     Map<String, List<String>> preferenceReasons) {
        List<CandidateResult> ranked = rank(candidates, metric, preference);
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        CandidateResult best = ranked.getFirst();
        var score = best.scores().get(metric.id());
        var reasons = new ArrayList<String>();
        reasons.add(String.format(Locale.ROOT, "%s has the %s mean %s, %.4f (sd %.4f over %d folds), of %d evaluated candidates.",
                best.name(), metric.higherIsBetter() ? "highest" : "lowest", metric.id(), score.mean(), score.sd(),
                score.folds().size(), ranked.size()));
        if (ranked.size() > 1) {
            CandidateResult second = ranked.get(1);
            double gap = Math.abs(score.mean() - second.scores().get(metric.id()).mean());
            if (gap == 0) {
                String decided = preference.getOrDefault(best.id(), 0) > preference.getOrDefault(second.id(), 0)
                        ? "the rules prefer it (" + String.join("; ", preferenceReasons.getOrDefault(best.id(), List.of())) + ")"
                        : simplicity(best) > simplicity(second)
                        ? "it declares more of fast inference and interpretability"
                        : "its id comes first (no rule or capability separates them)";
                reasons.add(String.format(Locale.ROOT, "It ties exactly with %s; chosen because %s.", second.name(), decided));
            } else {
                reasons.add(String.format(Locale.ROOT, "The runner-up, %s, is %.4f %s.", second.name(), gap,
                        metric.higherIsBetter() ? "lower" : "higher"));
            }
        }
        ranked.stream().filter(c -> c.capabilities().contains("BASELINE")).findFirst().ifPresent(baseline -> {
            double delta = Math.abs(score.mean() - baseline.scores().get(metric.id()).mean());
            if (baseline != best && delta > 0) {
                reasons.add(String.format(Locale.ROOT, "It beats the constant baseline (%s) by %.4f.", baseline.name(), delta));
            } else if (baseline != best) {
                // Won a tie-break against the baseline: it did not beat it.
                reasons.add(String.format(Locale.ROOT, "It only ties the constant baseline (%s): the features may not "
                        + "carry information about the target.", baseline.name()));
            } else {
                reasons.add("No model beat the constant baseline: the features may not carry information about the target.");
            }
        });
        List<String> why = preferenceReasons.getOrDefault(best.id(), List.of());
        if (!why.isEmpty() && (ranked.size() == 1 || ranked.get(1).scores().get(metric.id()).mean() != score.mean())) {
            reasons.add("Rules: " + String.join("; ", why) + ".");
        }
        return Optional.of(new Recommendation(best.id(), metric.id(), score.mean(), reasons));
    }
}
