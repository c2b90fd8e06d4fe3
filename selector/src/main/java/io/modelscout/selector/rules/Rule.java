package io.modelscout.selector.rules;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.api.ModelPlugin;
import java.util.List;
import java.util.Optional;

/**
 * One rule of thumb: when its condition holds, it includes, excludes, prefers or avoids the plugins it selects.
 *
 * @param id a stable id, e.g. {@code discriminative-when-plentiful}
 * @param when the condition as written
 * @param condition the parsed condition
 * @param action what it does to the selected plugins
 * @param select which plugins it acts on
 * @param reason why, in a sentence a user can read
 */
public record Rule(String id, String when, Condition condition, Action action, Selection select, String reason) {
    /** Checks for nulls. */
    public Rule {
        requireNonNull(id, "id is null");
        requireNonNull(when, "when is null");
        requireNonNull(condition, "condition is null");
        requireNonNull(action, "action is null");
        requireNonNull(select, "select is null");
        requireNonNull(reason, "reason is null");
    }

    /** What a rule does to the plugins it selects. */
    public enum Action {
        /** Make them candidates. */
        INCLUDE,
        /** Leave them out, with the rule's reason. */
        EXCLUDE,
        /** Favour them when scores are tied. */
        PREFER,
        /** Disfavour them when scores are tied. */
        AVOID;

        /**
         * The lower-case name used in rule files.
         *
         * @return e.g. {@code prefer}
         */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Which plugins a rule acts on; every given criterion must match, none given selects all.
     *
     * @param family a family, or empty for any
     * @param capability a capability the plugin must declare, or empty
     * @param models plugin ids or id patterns with {@code *}, or empty for any
     * @param servesOnly goals the plugin's goals must all be among (e.g. classify and regress for a plugin that only
     *     learns a conditional distribution), or empty for any. A rule with this criterion also gives its reason to
     *     the plugins it selects that do not serve the task's goal
     */
    public record Selection(Optional<Family> family, Optional<Capability> capability, List<String> models,
                            List<io.modelscout.api.Goal> servesOnly) {
        /** Copies and checks. */
        public Selection {
            requireNonNull(family, "family is null");
            requireNonNull(capability, "capability is null");
            models = List.copyOf(models);
            servesOnly = List.copyOf(servesOnly);
        }

        /**
         * A selection without a goal criterion.
         *
         * @param family a family, or empty
         * @param capability a capability, or empty
         * @param models plugin ids or patterns, or empty
         */
        public Selection(Optional<Family> family, Optional<Capability> capability, List<String> models) {
            this(family, capability, models, List.of());
        }

        /**
         * Whether a plugin is selected.
         *
         * @param plugin the plugin
         * @return true when every criterion matches
         */
        public boolean matches(ModelPlugin plugin) {
            return family.map(f -> f == plugin.family()).orElse(true)
                    && capability.map(c -> plugin.capabilities().contains(c)).orElse(true)
                    && (models.isEmpty() || models.stream().anyMatch(m -> idMatches(m, plugin.id())))
                    && (servesOnly.isEmpty() || servesOnly.containsAll(plugin.goals()));
        }

        /**
         * Whether a plugin id matches an entry of {@code models}: the id itself, or a pattern where {@code *} stands
         * for any run of characters, e.g. {@code *.random-forest} for every backend's random forest.
         *
         * @param pattern the entry
         * @param id the plugin id
         * @return true when it matches
         */
        public static boolean idMatches(String pattern, String id) {
            if (pattern.indexOf('*') < 0) {
                return pattern.equals(id);
            }
            var parts = java.util.Arrays.stream(pattern.split("\\*", -1)).map(java.util.regex.Pattern::quote).toList();
            return id.matches(String.join(".*", parts));
        }

        /**
         * The selection in words.
         *
         * @return e.g. {@code family generative} or {@code every plugin}
         */
        public String describe() {
            var parts = new java.util.ArrayList<String>();
            family.ifPresent(f -> parts.add("family " + f.id()));
            capability.ifPresent(c -> parts.add("capability " + c.name()));
            if (!models.isEmpty()) {
                parts.add("models " + String.join(", ", models));
            }
            if (!servesOnly.isEmpty()) {
                parts.add("goals only " + String.join(", ", servesOnly.stream().map(io.modelscout.api.Goal::id)
                        .toList()));
            }
            return parts.isEmpty() ? "every plugin" : String.join(" with ", parts);
        }
    }

    /**
     * The effect in words.
     *
     * @return e.g. {@code prefer family discriminative}
     */
    public String effect() {
        return action.id() + " " + select.describe();
    }
}
