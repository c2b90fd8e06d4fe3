package io.modelscout.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A JSON node of {@code result.json} and its path from the root, so that every complaint names the key, e.g.
 * {@code $.candidates[2].id}. Every reader of the result (the common keys and each goal's details) reads through it.
 */
record JsonIn(JsonNode json, String path) {
    JsonIn get(String key) {
        requireObject();
        JsonNode child = json.get(key);
        if (child == null) {
            throw new Malformed(path + "." + key + ": missing");
        }
        return new JsonIn(child, path + "." + key);
    }

    JsonIn optional(String key) {
        JsonNode child = json.get(key);
        return child == null ? null : new JsonIn(child, path + "." + key);
    }

    void requireObject() {
        if (!json.isObject()) {
            throw wrong("an object");
        }
    }

    boolean isNull() {
        return json.isNull();
    }

    String text() {
        if (!json.isString()) {
            throw wrong("a string");
        }
        return json.stringValue();
    }

    String textOrNull() {
        return json.isNull() ? null : text();
    }

    boolean bool() {
        if (!json.isBoolean()) {
            throw wrong("true or false");
        }
        return json.booleanValue();
    }

    int integer() {
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            throw wrong("an integer");
        }
        return json.asInt();
    }

    long longInteger() {
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw wrong("an integer");
        }
        return json.asLong();
    }

    /** A double; null stands for a value that was NaN or infinite when written. */
    double real() {
        if (json.isNull()) {
            return Double.NaN;
        }
        if (!json.isNumber()) {
            throw wrong("a number or null");
        }
        return json.asDouble();
    }

    /** A parameter value of the type it was written with: Integer, Long, Double, String, Boolean, list or map. */
    Object parameter() {
        if (json.isNull()) {
            return Double.NaN;
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isString()) {
            return json.stringValue();
        }
        if (json.isIntegralNumber()) {
            return json.canConvertToInt() ? (Object) json.asInt()
                    : json.canConvertToLong() ? (Object) json.asLong() : json.bigIntegerValue();
        }
        if (json.isNumber()) {
            return json.asDouble();
        }
        if (json.isArray()) {
            return list(JsonIn::parameter);
        }
        return map(JsonIn::parameter);
    }

    <T> List<T> list(Function<JsonIn, T> element) {
        if (!json.isArray()) {
            throw wrong("an array");
        }
        var values = new ArrayList<T>(json.size());
        for (int i = 0; i < json.size(); i++) {
            values.add(element.apply(new JsonIn(json.get(i), path + "[" + i + "]")));
        }
        return values;
    }

    <T> Map<String, T> map(Function<JsonIn, T> value) {
        requireObject();
        var values = new LinkedHashMap<String, T>();
        for (var entry : json.properties()) {
            values.put(entry.getKey(), value.apply(new JsonIn(entry.getValue(), path + "." + entry.getKey())));
        }
        return values;
    }

    /**
     * A complaint about this node, naming its path.
     *
     * @param message what is wrong
     */
    Malformed fail(String message) {
        return new Malformed(path + ": " + message);
    }

    /** A number, or empty for null (a value that was NaN or infinite when written). */
    OptionalDouble optionalReal() {
        if (json.isNull()) {
            return OptionalDouble.empty();
        }
        if (!json.isNumber()) {
            throw wrong("a number or null");
        }
        return OptionalDouble.of(json.asDouble());
    }

    private Malformed wrong(String expected) {
        return fail("expected " + expected + ", got " + describe(json));
    }

    /** A document that parses as JSON but not as what was expected; carries the path of the offending key. */
    static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
