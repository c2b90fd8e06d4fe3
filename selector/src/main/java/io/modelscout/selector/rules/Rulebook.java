package io.modelscout.selector.rules;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Goal;
import io.modelscout.api.ModelPlugin;
import io.modelscout.selector.data.DataProfile;
import io.modelscout.selector.result.SelectionResult.FactValue;
import io.modelscout.selector.result.SelectionResult.RuleOutcome;
import io.modelscout.selector.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies rules to the task facts and the data profile and turns the plugins Guice assembled into a candidate plan.
 * It never names a concrete plugin: rules select by family, capability or id as data.
 */
public final class Rulebook {
    private final List<Rule> rules;

    /**
     * A rulebook of the given rules.
     *
     * @param rules the rules, applied in order
     */
    public Rulebook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The bundled rulebook, with a user's rules appended (a user rule with a bundled rule's id replaces it).
     *
     * @param extra the user's rules; may be empty
     * @return the rulebook
     */
    public static Rulebook bundledWith(List<Rule> extra) {
        var byId = new LinkedHashMap<String, Rule>();
        for (Rule rule : RuleFile.bundled(DerivedFacts.knownNames())) {
            byId.put(rule.id(), rule);
        }
        for (Rule rule : extra) {
            byId.put(rule.id(), rule);
        }
        return new Rulebook(List.copyOf(byId.values()));
    }

    /**
     * The rules in order.
     *
     * @return the rules
     */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Plans the candidates of a task.
     *
     * @param spec the task
     * @param profile the data profile
     * @param plugins every registered plugin
     * @return the plan: facts, rule outcomes, and each plugin included or excluded with its reasons
     */
    public CandidatePlan plan(TaskSpec spec, DataProfile profile, Set<ModelPlugin> plugins) {
        requireNonNull(spec, "spec is null");
        Goal goal = spec.goal();
        List<FactValue> facts = DerivedFacts.of(goal, profile, spec.facts());
        Map<String, Boolean> values = new HashMap<>();
        facts.forEach(f -> values.put(f.name(), f.value()));

        var sorted = new ArrayList<>(plugins);
        sorted.sort(Comparator.comparing(ModelPlugin::id));
        var included = new LinkedHashMap<String, Boolean>();
        var reasons = new LinkedHashMap<String, List<String>>();
        var preference = new HashMap<String, Integer>();
        for (ModelPlugin plugin : sorted) {
            included.put(plugin.id(), false);
            reasons.put(plugin.id(), new ArrayList<>());
            preference.put(plugin.id(), 0);
        }
        var outcomes = new ArrayList<RuleOutcome>();
        for (Rule rule : rules) {
            boolean fired = rule.condition().test(goal, values);
            outcomes.add(new RuleOutcome(rule.id(), fired, rule.when(), rule.effect(), rule.reason()));
            if (!fired) {
                continue;
            }
            for (ModelPlugin plugin : sorted) {
                if (!plugin.goals().contains(goal) && rule.action() == Rule.Action.EXCLUDE
                        && !rule.select().servesOnly().isEmpty() && rule.select().matches(plugin)) {
                    // A rule about what a plugin cannot do gives its reason to plugins outside the goal too.
                    reasons.get(plugin.id()).add("excluded by rule " + rule.id() + ": " + rule.reason());
                    continue;
                }
                if (!plugin.goals().contains(goal) || !rule.select().matches(plugin)) {
                    continue;
                }
                String id = plugin.id();
                switch (rule.action()) {
                    case INCLUDE -> {
                        included.put(id, true);
                        reasons.get(id).add("included by rule " + rule.id());
                    }
                    case EXCLUDE -> {
                        included.put(id, false);
                        reasons.get(id).add("excluded by rule " + rule.id() + ": " + rule.reason());
                    }
                    case PREFER -> {
                        preference.merge(id, 1, Integer::sum);
                        reasons.get(id).add("preferred by rule " + rule.id());
                    }
                    case AVOID -> {
                        preference.merge(id, -1, Integer::sum);
                        reasons.get(id).add("avoided by rule " + rule.id());
                    }
                }
            }
        }
        var candidates = spec.candidates();
        var entries = new ArrayList<CandidatePlan.Entry>();
        for (ModelPlugin plugin : sorted) {
            String id = plugin.id();
            var why = reasons.get(id);
            boolean in = included.get(id);
            if (!plugin.goals().contains(goal)) {
                in = false;
                why.add("does not serve the goal " + goal.id() + " (serves "
                        + String.join(", ", plugin.goals().stream().map(Goal::id).sorted().toList()) + ")");
            } else if (candidates.exclude().contains(id)) {
                in = false;
                why.add("excluded by the task (candidates.exclude)");
            } else if (candidates.include().contains(id)) {
                in = true;
                why.add("included by the task (candidates.include)");
            } else if (candidates.only()) {
                in = false;
                why.add("not listed in candidates.include, and candidates.only is true");
            }
            entries.add(new CandidatePlan.Entry(plugin, in, why, preference.get(id)));
        }
        return new CandidatePlan(facts, outcomes, entries);
    }
}
