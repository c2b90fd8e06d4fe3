package io.modelscout.selector.spec;

import java.util.Map;

/**
 * Where each field of a task file was written, so that checks made after reading (for example against the loaded
 * data) can still point at a line and column.
 *
 * <p>Keys are dotted field paths as used in {@link SpecError#field()}: {@code goal}, {@code data.target},
 * {@code evaluation.folds}; list items add their index, e.g. {@code data.ignore[1]}. A scalar or list field maps to
 * the position of its value, a section (mapping) to the position of its key.
 *
 * @param fields the position of each field that was present in the file
 */
public record Locations(Map<String, Location> fields) {
    /** No positions known: every lookup gives {@link Location#NONE}. */
    public static final Locations NONE = new Locations(Map.of());

    /** Copies the map. */
    public Locations {
        fields = Map.copyOf(fields);
    }

    /**
     * The position of a field.
     *
     * @param field a dotted field path
     * @return its position, or {@link Location#NONE} when the field was not in the file
     */
    public Location of(String field) {
        return fields.getOrDefault(field, Location.NONE);
    }

    /**
     * A position in a file.
     *
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     */
    public record Location(int line, int column) {
        /** An unknown position. */
        public static final Location NONE = new Location(0, 0);

        /** Checks the numbers are not negative. */
        public Location {
            if (line < 0 || column < 0) {
                throw new IllegalArgumentException("line and column must not be negative, got " + line + ":" + column);
            }
        }
    }
}
