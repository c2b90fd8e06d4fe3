package io.modelscout.selector.recommend;

import io.modelscout.selector.eval.Metric;
import io.modelscout.selector.result.CandidateResult;
import io.modelscout.selector.result.SelectionResult.Recommendation;
import io.modelscout.selector.stats.CorrectedTTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the recommendation. The evidence decides first: the candidate with the best mean score, and the candidates
 * statistically tied with it (corrected resampled t-test of Nadeau and Bengio on the same splits, two-sided, at
 * {@link #ALPHA}). Within that tie group, the candidates whose mean is also within a practical margin of the best (see
 * {@link #margin}) and not worse than the constant baseline may win on the rules' preferences, then on declared
 * simplicity (fast inference, interpretability), then on id. Measured times never break a tie: they vary from run to
 * run, and the recommendation must not.
 */
public final class Recommender {
    /** The significance level of the tie test. */
    public static final double ALPHA = 0.05;
    /** The practical margin for accuracy-like scores, in score units. */
    public static final double ABSOLUTE_MARGIN = 0.005;
    /** The practical margin for losses, as a fraction of the best mean. */
    public static final double RELATIVE_MARGIN = 0.005;

    private Recommender() {
    }

    /**
     * Ranks the evaluated candidates, best first: by mean score, then exact ties by preference, simplicity and id.
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
        evaluated.sort(byScore.thenComparing(tieOrder(preference)));
        return evaluated;
    }

    /** The deterministic order among tied candidates: preference, declared simplicity, id. */
    private static Comparator<CandidateResult> tieOrder(Map<String, Integer> preference) {
        return Comparator.comparingInt((CandidateResult c) -> preference.getOrDefault(c.id(), 0)).reversed()
                .thenComparing(Comparator.comparingInt(Recommender::simplicity).reversed())
                .thenComparing(CandidateResult::id);
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
     * The practical margin around the best mean within which a tie may be broken by the rules: 0.005 for scores
     * bounded by one (accuracy, balanced accuracy, ROC AUC, R²), 0.5 % of the best mean for losses (RMSE, MAE, log loss).
     *
     * @param metric the metric
     * @param bestMean the best mean score
     * @return the margin, in score units
     */
    public static double margin(Metric metric, double bestMean) {
        return metric.higherIsBetter() ? ABSOLUTE_MARGIN : RELATIVE_MARGIN * Math.abs(bestMean);
    }

    /**
     * Recommends one candidate, assuming plain k-fold (test/train = 1/(k-1), with k the number of scores).
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
        return recommend(candidates, metric, preference, preferenceReasons, Double.NaN);
    }

    /**
     * Recommends one candidate.
     *
     * @param candidates all candidates
     * @param metric the task's metric
     * @param preference the rules' preference per candidate id
     * @param preferenceReasons per candidate id, the rules that preferred or avoided it
     * @param testTrainRatio test rows over training rows of one split; NaN for 1/(k-1) with k the number of scores
     * @return the recommendation, or empty when no candidate was evaluated
     */
    public static Optional<Recommendation> recommend(List<CandidateResult> candidates, Metric metric,
                                                     Map<String, Integer> preference,
                                                     Map<String, List<String>> preferenceReasons, double testTrainRatio) {
        List<CandidateResult> ranked = rank(candidates, metric, preference);
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        CandidateResult best = ranked.getFirst();
        double bestMean = mean(best, metric);
        var bestScore = best.scores().get(metric.id());
        int n = bestScore.folds().size();
        double ratio = Double.isNaN(testTrainRatio) ? (n > 1 ? 1.0 / (n - 1) : 1.0) : testTrainRatio;

        // The tie group: the best, and every candidate the test cannot tell from it.
        var tieGroup = new ArrayList<CandidateResult>();
        var pValues = new java.util.HashMap<String, Double>();
        tieGroup.add(best);
        for (CandidateResult other : ranked.subList(1, ranked.size())) {
            double p = pValue(best, other, metric, ratio);
            pValues.put(other.id(), p);
            if (p >= ALPHA) {
                tieGroup.add(other);
            }
        }
        double margin = margin(metric, bestMean);
        Optional<CandidateResult> baseline = ranked.stream().filter(Recommender::isBaseline).findFirst();
        var eligible = new ArrayList<CandidateResult>();
        for (CandidateResult c : tieGroup) {
            double gap = Math.abs(bestMean - mean(c, metric));
            boolean belowBaseline = baseline.isPresent() && worse(metric, mean(c, metric), mean(baseline.get(), metric));
            // A constant predictor is a yardstick, not a choice: it wins only when it has the best mean itself.
            if (c == best || (gap <= margin + 1e-12 && !belowBaseline && !isBaseline(c))) {
                eligible.add(c);
            }
        }
        eligible.sort(tieOrder(preference));
        CandidateResult winner = eligible.getFirst();
        var score = winner.scores().get(metric.id());

        var reasons = new ArrayList<String>();
        String direction = metric.higherIsBetter() ? "highest" : "lowest";
        if (winner == best) {
            reasons.add(String.format(Locale.ROOT, "%s has the %s mean %s, %.4f (sd %.4f over %d folds), of %d evaluated candidates.",
                    best.name(), direction, metric.id(), score.mean(), score.sd(), score.folds().size(), ranked.size()));
        } else {
            reasons.add(String.format(Locale.ROOT, "%s has a mean %s of %.4f (sd %.4f over %d folds), within %s of the %s, "
                            + "%.4f by %s, and not significantly different from it (p = %.3f).",
                    winner.name(), metric.id(), score.mean(), score.sd(), score.folds().size(), number(margin), direction,
                    bestMean, best.name(), pValues.get(winner.id())));
        }
        String tieBreak = "";
        if (tieGroup.size() > 1) {
            tieBreak = tieBreak(winner, best, tieGroup, eligible, metric, margin, n, preference, preferenceReasons);
            reasons.add(tieBreak);
        } else if (ranked.size() > 1) {
            CandidateResult second = ranked.get(1);
            double gap = Math.abs(bestMean - mean(second, metric));
            reasons.add(String.format(Locale.ROOT, "The runner-up, %s, is %.4f %s%s.", second.name(), gap,
                    metric.higherIsBetter() ? "lower" : "higher", significance(pValues.get(second.id()), n)));
        }
        baseline.ifPresent(b -> {
            double delta = Math.abs(score.mean() - mean(b, metric));
            if (b != winner && delta > 0) {
                reasons.add(String.format(Locale.ROOT, "It beats the constant baseline (%s) by %.4f.", b.name(), delta));
            } else if (b != winner) {
                reasons.add(String.format(Locale.ROOT, "It only ties the constant baseline (%s): the features may not "
                        + "carry information about the target.", b.name()));
            } else {
                reasons.add("No model beat the constant baseline: the features may not carry information about the target.");
            }
        });
        List<String> why = preferenceReasons.getOrDefault(winner.id(), List.of());
        if (!why.isEmpty() && eligible.size() == 1) {
            reasons.add("Rules: " + String.join("; ", why) + ".");
        }
        List<String> tiedWith = tieGroup.size() > 1 ? tieGroup.stream().map(CandidateResult::id).toList() : List.of();
        return Optional.of(new Recommendation(winner.id(), metric.id(), score.mean(), reasons, tiedWith, tieBreak));
    }

    private static String tieBreak(CandidateResult winner, CandidateResult best, List<CandidateResult> tieGroup,
                                   List<CandidateResult> eligible, Metric metric, double margin, int n,
                                   Map<String, Integer> preference, Map<String, List<String>> preferenceReasons) {
        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d candidates are statistically tied with the best (%s): %s. ",
                tieGroup.size(), n > 1 ? "corrected resampled t-test over " + n + " splits, p ≥ " + number(ALPHA)
                        : "one split, equal scores", String.join(", ", tieGroup.stream().map(CandidateResult::id).toList())));
        if (eligible.size() == 1) {
            text.append(String.format(Locale.ROOT, "None of the others is within %s of the best mean %s and at least as "
                    + "good as the constant baseline, so the best mean stands.", number(margin), metric.id()));
            return text.toString();
        }
        text.append(String.format(Locale.ROOT, "Of these, %s %s within %s of the best mean %s and not worse than the "
                        + "constant baseline; %s is chosen because ",
                String.join(", ", eligible.stream().map(CandidateResult::id).toList()), eligible.size() == 2 ? "are both" : "are",
                number(margin), metric.id(), winner.id()));
        CandidateResult next = eligible.get(1);
        if (preference.getOrDefault(winner.id(), 0) > preference.getOrDefault(next.id(), 0)) {
            text.append("the rules prefer it (").append(String.join("; ", preferenceReasons.getOrDefault(winner.id(), List.of())))
                    .append(")");
        } else if (simplicity(winner) > simplicity(next)) {
            text.append("the rules prefer none of them more, and it declares more of fast inference and interpretability");
        } else {
            text.append("its id comes first (no rule or declared capability separates it from ").append(next.id()).append(")");
        }
        text.append(winner == best ? "." : String.format(Locale.ROOT, ", over %s with the %s mean.", best.id(),
                metric.higherIsBetter() ? "highest" : "lowest"));
        return text.toString();
    }

    private static String significance(Double p, int n) {
        if (p == null || n < 2) {
            return "";
        }
        return String.format(Locale.ROOT, ", a significant difference (corrected resampled t-test over %d splits, p = %.3f)",
                n, p);
    }

    /** The two-sided p-value of best against other; with one split only equal scores are a tie. */
    private static double pValue(CandidateResult best, CandidateResult other, Metric metric, double ratio) {
        List<Double> a = best.scores().get(metric.id()).folds();
        List<Double> b = other.scores().get(metric.id()).folds();
        if (a.size() != b.size() || a.size() < 2 || a.stream().anyMatch(v -> !Double.isFinite(v))
                || b.stream().anyMatch(v -> !Double.isFinite(v))) {
            return mean(best, metric) == mean(other, metric) ? 1.0 : 0.0;
        }
        return CorrectedTTest.compare(a, b, ratio).p();
    }

    private static boolean isBaseline(CandidateResult c) {
        return c.capabilities().contains("BASELINE");
    }

    private static boolean worse(Metric metric, double value, double reference) {
        return metric.higherIsBetter() ? value < reference : value > reference;
    }

    private static double mean(CandidateResult c, Metric metric) {
        return c.scores().get(metric.id()).mean();
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
