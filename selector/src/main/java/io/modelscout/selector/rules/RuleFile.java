package io.modelscout.selector.rules;

import io.modelscout.api.Capability;
import io.modelscout.api.Family;
import io.modelscout.selector.spec.SpecError;
import io.modelscout.selector.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads rules from YAML, as strictly as a task file: every problem of a file is reported together, with the rule id.
 *
 * <pre>
 * rules:
 *   - id: discriminative-when-plentiful
 *     when: labelled and not missing_values and not little_data
 *     action: prefer
 *     select: {family: discriminative}
 *     reason: ...
 * </pre>
 */
public final class RuleFile {
    private static final Set<String> RULE_KEYS = Set.of("id", "when", "action", "select", "reason");
    private static final Set<String> SELECT_KEYS = Set.of("family", "capability", "models", "serves_only");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private RuleFile() {
    }

    /** The bundled rulebook's resource name. */
    public static final String BUNDLED = "rulebook.yaml";

    /**
     * The rules that ship with ModelScout.
     *
     * @param knownFacts the fact names conditions may use
     * @return the rules in order
     */
    public static List<Rule> bundled(Set<String> knownFacts) {
        try (InputStream in = RuleFile.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled rulebook missing: " + BUNDLED);
            }
            return parse(YAML.readTree(in), BUNDLED, knownFacts);
        } catch (IOException | SpecException e) {
            throw new IllegalStateException("bundled rulebook is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a user's rule file.
     *
     * @param file the file
     * @param knownFacts the fact names conditions may use
     * @return the rules in order
     * @throws SpecException listing every problem in the file
     */
    public static List<Rule> read(Path file, Set<String> knownFacts) throws SpecException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw SpecException.of(name, "", "rule file not found: " + file.toAbsolutePath());
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new SpecException(List.of(new SpecError(name, "", "not valid YAML: " + e.getOriginalMessage(),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr())));
        }
        return parse(root, name, knownFacts);
    }

    private static List<Rule> parse(JsonNode root, String file, Set<String> knownFacts) throws SpecException {
        var errors = new ArrayList<SpecError>();
        var rules = new ArrayList<Rule>();
        if (root == null || !root.isObject() || !root.has("rules") || !root.get("rules").isArray()) {
            throw SpecException.of(file, "rules", "expected a mapping with a list 'rules'");
        }
        for (String key : root.propertyNames()) {
            if (!key.equals("rules")) {
                errors.add(new SpecError(file, key, "unknown key '" + key + "'; known: rules", 0, 0));
            }
        }
        var ids = new HashSet<String>();
        JsonNode list = root.get("rules");
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = "rules[" + i + "]";
            if (!node.isObject()) {
                errors.add(new SpecError(file, at, "expected a mapping with "
                        + String.join(", ", RULE_KEYS.stream().sorted().toList()), 0, 0));
                continue;
            }
            // The id first, so that every problem of the rule, unknown keys included, is named by it.
            String id = text(node, "id", at, file, errors);
            if (id != null) {
                at = "rules[" + id + "]";
                if (!ids.add(id)) {
                    errors.add(new SpecError(file, at + ".id", "rule id '" + id + "' appears twice", 0, 0));
                }
            }
            for (String key : node.propertyNames()) {
                if (!RULE_KEYS.contains(key)) {
                    errors.add(new SpecError(file, at + "." + key, "unknown key '" + key + "'; known: "
                            + String.join(", ", RULE_KEYS.stream().sorted().toList()), 0, 0));
                }
            }
            String when = text(node, "when", at, file, errors);
            String actionText = text(node, "action", at, file, errors);
            String reason = text(node, "reason", at, file, errors);
            Condition condition = null;
            if (when != null) {
                try {
                    condition = Condition.parse(when, knownFacts);
                } catch (IllegalArgumentException e) {
                    errors.add(new SpecError(file, at + ".when", e.getMessage(), 0, 0));
                }
            }
            Rule.Action action = null;
            if (actionText != null) {
                try {
                    action = Rule.Action.valueOf(actionText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new SpecError(file, at + ".action", "unknown action '" + actionText
                            + "'; known: include, exclude, prefer, avoid", 0, 0));
                }
            }
            Rule.Selection selection = selection(node.get("select"), at + ".select", file, errors);
            if (id != null && condition != null && action != null && reason != null && selection != null) {
                rules.add(new Rule(id, when, condition, action, selection, reason));
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        return List.copyOf(rules);
    }

    private static String text(JsonNode node, String key, String at, String file, List<SpecError> errors) {
        JsonNode value = node.get(key);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            errors.add(new SpecError(file, at + "." + key, "expected a non-empty text, got "
                    + (value == null ? "nothing" : value.toString()), 0, 0));
            return null;
        }
        return value.asString().strip();
    }

    private static Rule.Selection selection(JsonNode node, String at, String file, List<SpecError> errors) {
        if (node == null) {
            return new Rule.Selection(Optional.empty(), Optional.empty(), List.of());
        }
        if (!node.isObject()) {
            errors.add(new SpecError(file, at, "expected a mapping of family, capability, models, serves_only", 0, 0));
            return null;
        }
        boolean ok = true;
        for (String key : node.propertyNames()) {
            if (!SELECT_KEYS.contains(key)) {
                errors.add(new SpecError(file, at + "." + key, "unknown key '" + key + "'; known: capability, family, models, serves_only", 0, 0));
                ok = false;
            }
        }
        Optional<Family> family = Optional.empty();
        if (node.has("family")) {
            String value = node.get("family").asString();
            family = Arrays.stream(Family.values()).filter(f -> f.id().equals(value)).findFirst();
            if (family.isEmpty()) {
                errors.add(new SpecError(file, at + ".family", "unknown family '" + value
                        + "'; known: generative, discriminative", 0, 0));
                ok = false;
            }
        }
        Optional<Capability> capability = Optional.empty();
        if (node.has("capability")) {
            String value = node.get("capability").asString();
            capability = Arrays.stream(Capability.values()).filter(c -> c.name().equals(value)).findFirst();
            if (capability.isEmpty()) {
                errors.add(new SpecError(file, at + ".capability", "unknown capability '" + value + "'; known: "
                        + String.join(", ", Arrays.stream(Capability.values()).map(Enum::name).toList()), 0, 0));
                ok = false;
            }
        }
        var models = new ArrayList<String>();
        if (node.has("models")) {
            JsonNode list = node.get("models");
            if (!list.isArray()) {
                errors.add(new SpecError(file, at + ".models", "expected a list of plugin ids", 0, 0));
                ok = false;
            } else {
                list.forEach(m -> models.add(m.asString()));
            }
        }
        var servesOnly = new ArrayList<io.modelscout.api.Goal>();
        if (node.has("serves_only")) {
            JsonNode list = node.get("serves_only");
            if (!list.isArray()) {
                errors.add(new SpecError(file, at + ".serves_only", "expected a list of goals", 0, 0));
                ok = false;
            } else {
                for (JsonNode item : list) {
                    var goal = Arrays.stream(io.modelscout.api.Goal.values())
                            .filter(g -> g.id().equals(item.asString())).findFirst();
                    if (goal.isEmpty()) {
                        errors.add(new SpecError(file, at + ".serves_only", "unknown goal '" + item.asString()
                                + "'; known: " + io.modelscout.api.Goal.knownIds(), 0, 0));
                        ok = false;
                    } else {
                        servesOnly.add(goal.get());
                    }
                }
            }
        }
        return ok ? new Rule.Selection(family, capability, models, servesOnly) : null;
    }
}
