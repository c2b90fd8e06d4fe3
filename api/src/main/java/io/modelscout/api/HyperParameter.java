package io.modelscout.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One declared hyper-parameter of a plugin: its name, type, default and the range a tuner may search.
 */
public sealed interface HyperParameter {

    /**
     * The parameter's name, unique within its plugin.
     *
     * @return a lower-camel-case name such as {@code trees}
     */
    String name();

    /**
     * A sentence saying what the parameter controls.
     *
     * @return the description
     */
    String description();

    /**
     * The value used when nothing else is asked for.
     *
     * @return the default, of the parameter's type ({@link Integer}, {@link Double}, {@link String} or {@link Boolean})
     */
    Object defaultObject();

    /**
     * Checks a value against this parameter's type and range.
     *
     * @param value a candidate value
     * @return the value converted to the parameter's type
     * @throws IllegalArgumentException saying what was expected when the value does not fit
     */
    Object validate(Object value);

    /**
     * An integer parameter within {@code [min, max]}.
     *
     * @param name parameter name
     * @param description what it controls
     * @param defaultValue the default
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param logScale whether a tuner should search it on a log scale
     */
    record IntParam(String name, String description, int defaultValue, int min, int max, boolean logScale)
            implements HyperParameter {
        /** Checks that the range is not empty and holds the default. */
        public IntParam {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            if (min > max || defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
        }

        @Override
        public Object defaultObject() {
            return defaultValue();
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new IllegalArgumentException(name + ": expected an integer, got " + value);
            }
            int v = number.intValue();
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        }
    }

    /**
     * A real parameter within {@code [min, max]}.
     *
     * @param name parameter name
     * @param description what it controls
     * @param defaultValue the default
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param logScale whether a tuner should search it on a log scale
     */
    record RealParam(String name, String description, double defaultValue, double min, double max, boolean logScale)
            implements HyperParameter {
        /** Checks that the range is not empty and holds the default. */
        public RealParam {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            if (!(min <= max) || defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
            if (logScale && min <= 0) {
                throw new IllegalArgumentException(name + ": a log-scale range must be positive, got min " + min);
            }
        }

        @Override
        public Object defaultObject() {
            return defaultValue();
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException(name + ": expected a number, got " + value);
            }
            double v = number.doubleValue();
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        }
    }

    /**
     * A parameter that takes one of a fixed list of names.
     *
     * @param name parameter name
     * @param description what it controls
     * @param defaultValue the default, one of {@code choices}
     * @param choices the allowed names
     */
    record ChoiceParam(String name, String description, String defaultValue, List<String> choices)
            implements HyperParameter {
        /** Copies the choices and checks that they hold the default. */
        public ChoiceParam {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            choices = List.copyOf(choices);
            if (!choices.contains(defaultValue)) {
                throw new IllegalArgumentException(name + ": default '" + defaultValue + "' not among " + choices);
            }
        }

        @Override
        public Object defaultObject() {
            return defaultValue();
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof String s) || !choices.contains(s)) {
                throw new IllegalArgumentException(name + ": must be one of " + choices + ", got " + value);
            }
            return s;
        }
    }

    /**
     * A parameter that takes a free name, e.g. a column of the data; no tuner searches it. An empty default means
     * the plugin chooses from the data.
     *
     * @param name parameter name
     * @param description what it controls, including what the empty value means
     * @param defaultValue the default; may be empty
     */
    record TextParam(String name, String description, String defaultValue) implements HyperParameter {
        /** Checks the name, description and default. */
        public TextParam {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
            requireNonNull(defaultValue, "defaultValue is null");
        }

        @Override
        public Object defaultObject() {
            return defaultValue();
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException(name + ": expected a text value, got " + value);
            }
            return s;
        }
    }

    /**
     * A yes/no parameter.
     *
     * @param name parameter name
     * @param description what it controls
     * @param defaultValue the default
     */
    record FlagParam(String name, String description, boolean defaultValue) implements HyperParameter {
        /** Checks the name and description. */
        public FlagParam {
            requireNonNull(name, "name is null");
            requireNonNull(description, "description is null");
        }

        @Override
        public Object defaultObject() {
            return defaultValue();
        }

        @Override
        public Object validate(Object value) {
            if (!(value instanceof Boolean b)) {
                throw new IllegalArgumentException(name + ": expected true or false, got " + value);
            }
            return b;
        }
    }
}
