package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.sequence.SequenceDetails;
import io.modelscout.selector.sequence.SequenceDetails.Continuation;
import io.modelscout.selector.sequence.SequenceDetails.Transitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code details} of sequence results in {@code result.json}.
 *
 * <pre>{@code
 * "details": {"task": "next", "shape": "wide", "data": "...", "evaluation": "...", "testFile": null,
 *             "levels": ["A", ...], "rivals": ["weka.j48", ...],
 *             "transitions": {"candidate": "core.hmm", "source": "...", "matrix": [[0.9, 0.1], ...]} | null,
 *             "continuations": [{"candidate", "sequence", "seed", "prefix": [], "generated": [], "actual": []}]}
 * }</pre>
 */
final class SequenceJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SequenceJson() {
    }

    static JsonNode write(GoalDetails details) {
        if (!(details instanceof SequenceDetails d)) {
            throw new IllegalArgumentException("details of type " + details.getClass().getSimpleName()
                    + " are not sequence details");
        }
        ObjectNode node = NODES.objectNode();
        node.put("task", d.task());
        node.put("shape", d.shape());
        node.put("data", d.data());
        node.put("evaluation", d.evaluation());
        if (d.testFile().isPresent()) {
            node.put("testFile", d.testFile().orElseThrow());
        } else {
            node.putNull("testFile");
        }
        strings(node.putArray("levels"), d.levels());
        strings(node.putArray("rivals"), d.rivals());
        if (d.transitions().isPresent()) {
            Transitions t = d.transitions().orElseThrow();
            ObjectNode transitions = node.putObject("transitions");
            transitions.put("candidate", t.candidate());
            transitions.put("source", t.source());
            ArrayNode matrix = transitions.putArray("matrix");
            for (List<Double> row : t.matrix()) {
                ArrayNode r = matrix.addArray();
                row.forEach(v -> r.add(Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode()));
            }
        } else {
            node.putNull("transitions");
        }
        ArrayNode continuations = node.putArray("continuations");
        for (Continuation c : d.continuations()) {
            ObjectNode one = continuations.addObject();
            one.put("candidate", c.candidate());
            one.put("sequence", c.sequence());
            one.put("seed", c.seed());
            strings(one.putArray("prefix"), c.prefix());
            strings(one.putArray("generated"), c.generated());
            strings(one.putArray("actual"), c.actual());
        }
        return node;
    }

    static GoalDetails read(JsonNode json, String path) {
        object(json, path);
        JsonNode test = field(json, path, "testFile");
        JsonNode transitions = field(json, path, "transitions");
        Optional<Transitions> matrix = Optional.empty();
        if (!transitions.isNull()) {
            String at = path + ".transitions";
            object(transitions, at);
            List<List<Double>> rows = list(field(transitions, at, "matrix"), at + ".matrix",
                    (row, p) -> list(row, p, SequenceJson::real));
            matrix = Optional.of(new Transitions(text(field(transitions, at, "candidate"), at + ".candidate"),
                    text(field(transitions, at, "source"), at + ".source"), rows));
        }
        List<Continuation> continuations = list(field(json, path, "continuations"), path + ".continuations",
                (c, p) -> {
                    object(c, p);
                    JsonNode seed = field(c, p, "seed");
                    if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                        throw new IllegalArgumentException(p + ".seed: expected an integer");
                    }
                    return new Continuation(text(field(c, p, "candidate"), p + ".candidate"),
                            text(field(c, p, "sequence"), p + ".sequence"), seed.asLong(),
                            texts(field(c, p, "prefix"), p + ".prefix"),
                            texts(field(c, p, "generated"), p + ".generated"),
                            texts(field(c, p, "actual"), p + ".actual"));
                });
        return new SequenceDetails(text(field(json, path, "task"), path + ".task"),
                text(field(json, path, "shape"), path + ".shape"), text(field(json, path, "data"), path + ".data"),
                text(field(json, path, "evaluation"), path + ".evaluation"),
                test.isNull() ? Optional.empty() : Optional.of(text(test, path + ".testFile")),
                texts(field(json, path, "levels"), path + ".levels"),
                texts(field(json, path, "rivals"), path + ".rivals"), matrix, continuations);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void object(JsonNode json, String path) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object");
        }
    }

    private static JsonNode field(JsonNode json, String path, String key) {
        JsonNode child = json.get(key);
        if (child == null) {
            throw new IllegalArgumentException(path + "." + key + ": missing");
        }
        return child;
    }

    private static String text(JsonNode json, String path) {
        if (!json.isString()) {
            throw new IllegalArgumentException(path + ": expected a string");
        }
        return json.stringValue();
    }

    private static Double real(JsonNode json, String path) {
        if (json.isNull()) {
            return Double.NaN;
        }
        if (!json.isNumber()) {
            throw new IllegalArgumentException(path + ": expected a number or null");
        }
        return json.asDouble();
    }

    private static List<String> texts(JsonNode json, String path) {
        return list(json, path, SequenceJson::text);
    }

    private static <T> List<T> list(JsonNode json, String path, BiFunction<JsonNode, String, T> element) {
        if (!json.isArray()) {
            throw new IllegalArgumentException(path + ": expected an array");
        }
        var values = new ArrayList<T>(json.size());
        for (int i = 0; i < json.size(); i++) {
            values.add(element.apply(json.get(i), path + "[" + i + "]"));
        }
        return values;
    }
}
