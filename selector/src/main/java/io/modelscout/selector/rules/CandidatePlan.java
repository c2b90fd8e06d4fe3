package io.modelscout.selector.rules;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.ModelPlugin;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
import java.util.List;

/**
 * Which plugins are candidates and why: the rulebook's output, before any evaluation.
 *
 * @param facts every fact the rules saw
 * @param rules every rule, fired or not
 * @param entries every plugin, included or excluded, sorted by id
 */
public record CandidatePlan(List<FactValue> facts, List<RuleOutcome> rules, List<Entry> entries) {
    /** Copies the lists. */
    public CandidatePlan {
        facts = List.copyOf(facts);
        rules = List.copyOf(rules);
        entries = List.copyOf(entries);
    }

    /**
     * The included plugins.
     *
     * @return entries with {@code included()} true
     */
    public List<Entry> included() {
        return entries.stream().filter(Entry::included).toList();
    }

    /**
     * The plan for one plugin.
     *
     * @param plugin the plugin
     * @param included whether it will be evaluated
     * @param reasons why, one sentence per rule or task setting that decided it, in order
     * @param preference preferring rules minus avoiding rules that fired for it; breaks ties between equal scores
     */
    public record Entry(ModelPlugin plugin, boolean included, List<String> reasons, int preference) {
        /** Copies and checks. */
        public Entry {
            requireNonNull(plugin, "plugin is null");
            reasons = List.copyOf(reasons);
        }
    }
}
