package io.modelscout.api.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A categorical column whose levels have no order.
 */
public final class NominalColumn implements CategoricalColumn {
    private final String name;
    private final List<String> levels;
    private final int[] codes;
    private final int[] index;

    private NominalColumn(String name, List<String> levels, int[] codes, int[] index) {
        this.name = requireNonNull(name, "name is null");
        this.levels = levels;
        this.codes = codes;
        this.index = index;
    }

    /**
     * A column holding a copy of the given codes.
     *
     * @param name the column name
     * @param levels the declared levels
     * @param codes one code per row: an index into {@code levels} or {@link CategoricalColumn#MISSING}
     * @return the column
     * @throws IllegalArgumentException when a code is out of range or a level repeats
     */
    public static NominalColumn of(String name, List<String> levels, int[] codes) {
        List<String> copy = List.copyOf(levels);
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("column '" + name + "': levels repeat: " + copy);
        }
        for (int code : codes) {
            if (code < MISSING || code >= copy.size()) {
                throw new IllegalArgumentException("column '" + name + "': code " + code + " outside the " + copy.size() + " levels");
            }
        }
        return new NominalColumn(name, copy, codes.clone(), null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return index == null ? codes.length : index.length;
    }

    @Override
    public List<String> levels() {
        return levels;
    }

    @Override
    public int code(int row) {
        return codes[index == null ? row : index[row]];
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public NominalColumn select(int[] rows) {
        return new NominalColumn(name, levels, codes, View.compose(index, rows, size()));
    }

    @Override
    public NominalColumn withCodes(int[] newCodes) {
        return of(name, levels, newCodes);
    }

    @Override
    public String kind() {
        return "nominal";
    }

    @Override
    public String toString() {
        return "NominalColumn[" + name + ", " + levels.size() + " levels, " + size() + " rows]";
    }
}
