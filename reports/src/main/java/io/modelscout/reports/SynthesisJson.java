package io.modelscout.reports;

import io.modelscout.selector.result.GoalDetails;
import io.modelscout.selector.synthesis.Fidelity;
import io.modelscout.selector.synthesis.SynthesisDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code details} of synthesis results in {@code result.json}. */
final class SynthesisJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SynthesisJson() {
    }

    static JsonNode write(GoalDetails details) {
        if (!(details instanceof SynthesisDetails d)) {
            throw new IllegalArgumentException("details of type " + details.getClass().getSimpleName()
                    + " are not synthesis details");
        }
        ObjectNode node = NODES.objectNode();
        node.put("priority", d.priority());
        d.target().ifPresent(t -> node.put("target", t));
        d.condition().ifPresent(c -> node.put("condition", c));
        node.put("baseline", d.baseline());
        ArrayNode flagged = node.putArray("flagged");
        d.flagged().forEach(f -> flagged.addObject().put("candidate", f.candidate()).put("reason", f.reason()));
        ArrayNode judges = node.putArray("judges");
        d.judges().forEach(j -> judges.addObject().put("role", j.role()).put("plugin", j.plugin()));
        // the file's name only: a result holds no machine's paths
        node.put("file", d.file());
        node.put("rows", d.rows());
        node.put("format", d.format());
        strings(node.putArray("columns"), d.columns());
        matrix(node.putArray("realAssociations"), d.realAssociations());
        matrix(node.putArray("syntheticAssociations"), d.syntheticAssociations());
        comparisons(node.putArray("comparisons"), d.comparisons());
        ArrayNode others = node.putArray("others");
        d.others().forEach(o -> {
            ObjectNode n = others.addObject();
            n.put("candidate", o.candidate());
            comparisons(n.putArray("comparisons"), o.comparisons());
        });
        ArrayNode curves = node.putArray("curves");
        d.curves().forEach(c -> {
            ObjectNode n = curves.addObject();
            n.put("candidate", c.candidate());
            n.put("name", c.name());
            numbers(n.putArray("values"), c.values());
        });
        ArrayNode sample = node.putArray("sample");
        d.sample().forEach(row -> strings(sample.addArray(), row));
        strings(node.putArray("notes"), d.notes());
        return node;
    }

    private static void comparisons(ArrayNode array, List<Fidelity.Comparison> comparisons) {
        for (Fidelity.Comparison c : comparisons) {
            ObjectNode n = array.addObject();
            n.put("name", c.name());
            n.put("kind", c.kind());
            strings(n.putArray("labels"), c.labels());
            numbers(n.putArray("real"), c.real());
            numbers(n.putArray("synthetic"), c.synthetic());
            n.set("score", number(c.score()));
        }
    }

    private static void matrix(ArrayNode array, List<List<Double>> rows) {
        rows.forEach(row -> numbers(array.addArray(), row));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        values.forEach(v -> array.add(number(v)));
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }

    static GoalDetails read(JsonNode json, String path) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object");
        }
        String file = text(json, "file", path);
        return new SynthesisDetails(text(json, "priority", path), optionalText(json, "target", path),
                optionalText(json, "condition", path), text(json, "baseline", path),
                list(json, "flagged", path, (n, p) -> new SynthesisDetails.Flag(text(n, "candidate", p),
                        text(n, "reason", p))),
                list(json, "judges", path, (n, p) -> new SynthesisDetails.Judged(text(n, "role", p),
                        text(n, "plugin", p))),
                file, file, integer(json, "rows", path), text(json, "format", path),
                list(json, "columns", path, SynthesisJson::asText),
                list(json, "realAssociations", path, (n, p) -> numbers(n, p)),
                list(json, "syntheticAssociations", path, (n, p) -> numbers(n, p)),
                list(json, "comparisons", path, SynthesisJson::comparison),
                list(json, "others", path, (n, p) -> new SynthesisDetails.CandidateComparisons(
                        text(n, "candidate", p), list(n, "comparisons", p, SynthesisJson::comparison))),
                list(json, "curves", path, (n, p) -> new SynthesisDetails.Curve(text(n, "candidate", p),
                        text(n, "name", p), numbers(field(n, "values", p), p + ".values"))),
                list(json, "sample", path, (n, p) -> {
                    if (!n.isArray()) {
                        throw new IllegalArgumentException(p + ": expected a list");
                    }
                    var row = new ArrayList<String>();
                    for (int i = 0; i < n.size(); i++) {
                        row.add(asText(n.get(i), p + "[" + i + "]"));
                    }
                    return row;
                }),
                list(json, "notes", path, SynthesisJson::asText));
    }

    private static Fidelity.Comparison comparison(JsonNode n, String p) {
        JsonNode score = field(n, "score", p);
        return new Fidelity.Comparison(text(n, "name", p), text(n, "kind", p),
                list(n, "labels", p, SynthesisJson::asText), numbers(field(n, "real", p), p + ".real"),
                numbers(field(n, "synthetic", p), p + ".synthetic"), score.isNull() ? Double.NaN : real(score, p
                + ".score"));
    }

    private static JsonNode field(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException(path + "." + name + ": missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name, String path) {
        return asText(field(node, name, path), path + "." + name);
    }

    private static Optional<String> optionalText(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(asText(value, path + "." + name));
    }

    private static String asText(JsonNode node, String path) {
        if (!node.isString()) {
            throw new IllegalArgumentException(path + ": expected text");
        }
        return node.asString();
    }

    private static long integer(JsonNode node, String name, String path) {
        JsonNode value = field(node, name, path);
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException(path + "." + name + ": expected an integer");
        }
        return value.asLong();
    }

    private static double real(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(path + ": expected a number");
        }
        return node.asDouble();
    }

    private static List<Double> numbers(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(path + ": expected a list of numbers");
        }
        var out = new ArrayList<Double>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            out.add(v.isNull() ? Double.NaN : real(v, path + "[" + i + "]"));
        }
        return out;
    }

    private static <T> List<T> list(JsonNode node, String name, String path, BiFunction<JsonNode, String, T> element) {
        JsonNode value = field(node, name, path);
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + "." + name + ": expected a list");
        }
        var out = new ArrayList<T>();
        for (int i = 0; i < value.size(); i++) {
            out.add(element.apply(value.get(i), path + "." + name + "[" + i + "]"));
        }
        return out;
    }
}
