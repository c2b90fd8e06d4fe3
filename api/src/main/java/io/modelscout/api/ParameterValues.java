package io.modelscout.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolved hyper-parameter values of one candidate, every declared parameter present and checked.
 *
 * @param values values by parameter name, in declaration order
 */
public record ParameterValues(Map<String, Object> values) {

    /** An empty set of values. */
    public static final ParameterValues NONE = new ParameterValues(Map.of());

    /** Copies the values, keeping their order. */
    public ParameterValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * An integer parameter.
     *
     * @param name parameter name
     * @return its value
     * @throws IllegalArgumentException when there is no such parameter
     */
    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    /**
     * A real parameter.
     *
     * @param name parameter name
     * @return its value
     * @throws IllegalArgumentException when there is no such parameter
     */
    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /**
     * A choice parameter.
     *
     * @param name parameter name
     * @return its value
     * @throws IllegalArgumentException when there is no such parameter
     */
    public String getString(String name) {
        return (String) get(name);
    }

    /**
     * A flag parameter.
     *
     * @param name parameter name
     * @return its value
     * @throws IllegalArgumentException when there is no such parameter
     */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; have: " + values.keySet());
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
