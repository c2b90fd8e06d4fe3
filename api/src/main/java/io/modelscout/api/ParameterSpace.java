package io.modelscout.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hyper-parameters a plugin declares, in a fixed order.
 *
 * @param parameters the declared parameters; names are unique
 */
public record ParameterSpace(List<HyperParameter> parameters) {

    /** An empty space, for models without hyper-parameters. */
    public static final ParameterSpace EMPTY = new ParameterSpace(List.of());

    /** Copies the list and checks that names are unique. */
    public ParameterSpace {
        parameters = List.copyOf(parameters);
        var names = new HashSet<String>();
        for (HyperParameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' declared twice");
            }
        }
    }

    /**
     * A space of the given parameters.
     *
     * @param parameters the parameters in order
     * @return the space
     */
    public static ParameterSpace of(HyperParameter... parameters) {
        return new ParameterSpace(List.of(parameters));
    }

    /**
     * Finds a parameter by name.
     *
     * @param name the parameter name
     * @return the parameter, or empty when it is not declared
     */
    public Optional<HyperParameter> find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The defaults of all parameters.
     *
     * @return parameter values holding every default
     */
    public ParameterValues defaults() {
        return resolve(Map.of());
    }

    /**
     * Fills the defaults in around the given values and checks each against its declaration.
     *
     * @param overrides values by parameter name; may be empty
     * @return the complete, checked values
     * @throws IllegalArgumentException listing every unknown name and every value out of range
     */
    public ParameterValues resolve(Map<String, ?> overrides) {
        var errors = new ArrayList<String>();
        for (String name : overrides.keySet()) {
            if (find(name).isEmpty()) {
                errors.add("unknown parameter '" + name + "'; known: "
                        + String.join(", ", parameters.stream().map(HyperParameter::name).toList()));
            }
        }
        var values = new LinkedHashMap<String, Object>();
        for (HyperParameter p : parameters) {
            Object raw = overrides.containsKey(p.name()) ? overrides.get(p.name()) : p.defaultObject();
            try {
                values.put(p.name(), p.validate(raw));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new ParameterValues(values);
    }
}
