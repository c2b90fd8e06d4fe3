package io.modelscout.selector.synthesis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bundled defaults of the goal generate ({@code rules/synthesis.yaml}, next to the rulebook): which plugins judge
 * synthetic rows, when a synthesizer counts as memorising, and the time budget of neural synthesizers. Plugin ids
 * live in that file, never in code.
 *
 * @param classifyJudges plugin ids that may judge detection and a categorical target, first registered wins
 * @param regressJudges plugin ids that may judge a numeric target, first registered wins
 * @param maxCopyRate above this share of copied training rows a synthesizer is flagged
 * @param minDcrRatio below this distance ratio a synthesizer is flagged
 * @param budgetRule the rule whose selected plugins get the time budget
 * @param budgetSeconds the time budget per fit, in seconds
 */
record SynthesisDefaults(List<String> classifyJudges, List<String> regressJudges, double maxCopyRate,
                         double minDcrRatio, String budgetRule, long budgetSeconds) {
    private static final String RESOURCE = "/io/modelscout/selector/rules/synthesis.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    SynthesisDefaults {
        classifyJudges = List.copyOf(classifyJudges);
        regressJudges = List.copyOf(regressJudges);
        requireNonNull(budgetRule, "budgetRule is null");
    }

    static SynthesisDefaults bundled() {
        try (InputStream in = SynthesisDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode root = YAML.readTree(in);
            return new SynthesisDefaults(ids(root.path("judge").path("classify")),
                    ids(root.path("judge").path("regress")),
                    number(root.path("memorisation").path("copy_rate"), "memorisation.copy_rate"),
                    number(root.path("memorisation").path("dcr_ratio"), "memorisation.dcr_ratio"),
                    text(root.path("time_budget").path("rule"), "time_budget.rule"),
                    (long) number(root.path("time_budget").path("seconds"), "time_budget.seconds"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(JsonNode node) {
        var out = new ArrayList<String>();
        node.forEach(n -> out.add(n.asString()));
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": a judge list is empty");
        }
        return out;
    }

    private static double number(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw new IllegalStateException(RESOURCE + ": " + field + " must be a number");
        }
        return node.asDouble();
    }

    private static String text(JsonNode node, String field) {
        if (!node.isString()) {
            throw new IllegalStateException(RESOURCE + ": " + field + " must be text");
        }
        return node.asString();
    }
}
