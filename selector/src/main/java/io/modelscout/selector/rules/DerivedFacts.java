package io.modelscout.selector.rules;

import io.modelscout.api.Goal;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.spec.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts derived from the data profile, next to the facts a user states. A stated fact wins over a derived one of
 * the same name (the user may know that values will go missing in production even if the sample is complete).
 */
public final class DerivedFacts {
    /** Fewer rows than this per feature counts as little data. */
    public static final double ROWS_PER_FEATURE = 20;
    /** Fewer rows than this in the rarest present class counts as little data. */
    public static final int MIN_CLASS_ROWS = 10;
    /** The largest class this many times the rarest counts as imbalanced. */
    public static final double IMBALANCE = 3;
    /** This many rows or more counts as large data. */
    public static final int LARGE = 10_000;
    /** Fewer rows than this counts as few rows for a synthesizer to learn from (goal generate). */
    public static final int FEW_ROWS = 5_000;

    /** Names of the facts derived from data. */
    public static final Set<String> DERIVED = Set.of("missing_values", "little_data", "labelled", "nominal_features",
            "imbalanced", "binary_target", "multiclass_target", "ordered_target", "large_data", "sequential",
            "few_rows");

    private DerivedFacts() {
    }

    /**
     * Every fact name a condition may use.
     *
     * @return stated and derived names
     */
    public static Set<String> knownNames() {
        var names = new TreeSet<String>(Facts.KNOWN.keySet());
        names.addAll(DERIVED);
        return Set.copyOf(names);
    }

    /**
     * Derives facts from the profile and merges the stated ones over them.
     *
     * @param goal the task's goal
     * @param profile the data profile
     * @param stated the facts the user stated
     * @return every fact with its value, source and how it was found, sorted by name
     */
    public static List<FactValue> of(Goal goal, DataProfile profile, Map<String, Boolean> stated) {
        var facts = new LinkedHashMap<String, FactValue>();
        int features = Math.max(1, profile.featureCount());
        double rowsPerFeature = profile.rows() / (double) features;
        facts.put("missing_values", derived("missing_values", profile.missingCells() > 0,
                String.format(Locale.ROOT, "%d of the feature cells (%.1f %%) are missing, in %d rows",
                        profile.missingCells(), 100 * profile.missingRate(), profile.rowsWithMissing())));
        int rarest = profile.target().map(t -> t.classes().stream().mapToInt(DataProfile.ClassCount::count)
                .filter(c -> c > 0).min().orElse(0)).orElse(Integer.MAX_VALUE);
        boolean classScarce = goal == Goal.CLASSIFY && rarest < MIN_CLASS_ROWS;
        facts.put("little_data", derived("little_data", rowsPerFeature < ROWS_PER_FEATURE || classScarce,
                String.format(Locale.ROOT, "%.1f rows per feature (little below %.0f)%s", rowsPerFeature, ROWS_PER_FEATURE,
                        goal == Goal.CLASSIFY ? "; the rarest present class has " + rarest + " rows (little below "
                                + MIN_CLASS_ROWS + ")" : "")));
        facts.put("labelled", derived("labelled", profile.target().isPresent(),
                profile.target().map(t -> "target column '" + t.name() + "'").orElse("no target column")));
        facts.put("nominal_features", derived("nominal_features", profile.categoricalFeatureCount() > 0,
                profile.categoricalFeatureCount() + " of " + profile.featureCount() + " features are nominal or ordinal"));
        var target = profile.target();
        boolean categorical = goal == Goal.CLASSIFY && target.isPresent();
        int present = target.map(DataProfile.TargetProfile::presentClasses).orElse(0);
        double ratio = target.map(DataProfile.TargetProfile::imbalanceRatio).orElse(Double.NaN);
        facts.put("imbalanced", derived("imbalanced", categorical && ratio > IMBALANCE,
                categorical ? String.format(Locale.ROOT, "largest class / rarest class = %.2f (imbalanced above %.0f)",
                        ratio, IMBALANCE) : "no class target"));
        facts.put("binary_target", derived("binary_target", categorical && present == 2, present + " classes present"));
        facts.put("multiclass_target", derived("multiclass_target", categorical && present > 2, present + " classes present"));
        boolean ordered = target.map(t -> t.kind().equals("ordinal")).orElse(false);
        facts.put("ordered_target", derived("ordered_target", categorical && ordered,
                ordered ? "the task gives the target's order" : "the target's classes have no declared order"));
        facts.put("large_data", derived("large_data", profile.rows() >= LARGE,
                profile.rows() + " rows (large from " + LARGE + ")"));
        facts.put("few_rows", derived("few_rows", profile.rows() < FEW_ROWS,
                profile.rows() + " rows (few below " + FEW_ROWS + ", for synthesizers)"));
        facts.put("sequential", derived("sequential", goal == Goal.MODEL_SEQUENCES, goal == Goal.MODEL_SEQUENCES
                ? "the goal models sequences: rows are positions in order" : "rows are treated as independent cases"));
        for (String name : Facts.KNOWN.keySet()) {
            if (stated.containsKey(name)) {
                facts.put(name, new FactValue(name, stated.get(name), "task", "stated in the task: " + Facts.KNOWN.get(name)));
            } else {
                facts.putIfAbsent(name, new FactValue(name, false, "default", "not stated: " + Facts.KNOWN.get(name)));
            }
        }
        var out = new ArrayList<>(facts.values());
        out.sort(java.util.Comparator.comparing(FactValue::name));
        return List.copyOf(out);
    }

    private static FactValue derived(String name, boolean value, String detail) {
        return new FactValue(name, value, "profile", detail);
    }
}
