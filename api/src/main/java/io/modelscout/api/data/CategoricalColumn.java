package io.modelscout.api.data;

import java.util.List;

/**
 * A column whose cells take one of a declared list of levels, stored as codes into that list.
 * A missing cell has code {@link #MISSING}.
 */
public sealed interface CategoricalColumn extends Column permits NominalColumn, OrdinalColumn {

    /** The code of a missing cell. */
    int MISSING = -1;

    /**
     * The declared levels; a level may never occur in the data.
     *
     * @return the levels, in declaration (for ordinal columns: ascending) order
     */
    List<String> levels();

    /**
     * The code of a cell.
     *
     * @param row a row index
     * @return an index into {@link #levels()}, or {@link #MISSING}
     */
    int code(int row);

    /**
     * Whether the levels have an order.
     *
     * @return true for ordinal columns
     */
    boolean ordered();

    /**
     * The label of a cell.
     *
     * @param row a row index
     * @return the level, or {@code null} when missing
     */
    default String label(int row) {
        int code = code(row);
        return code == MISSING ? null : levels().get(code);
    }

    @Override
    default boolean isMissing(int row) {
        return code(row) == MISSING;
    }

    /**
     * How often each level occurs.
     *
     * @return counts indexed by code; missing cells are not counted
     */
    default int[] counts() {
        int[] counts = new int[levels().size()];
        for (int i = 0; i < size(); i++) {
            int code = code(i);
            if (code != MISSING) {
                counts[code]++;
            }
        }
        return counts;
    }

    /**
     * A fresh array of the codes in row order.
     *
     * @return the codes; {@link #MISSING} where missing
     */
    default int[] toCodes() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code(i);
        }
        return out;
    }

    @Override
    CategoricalColumn select(int[] rows);

    /**
     * A column of the same name and levels holding other codes, e.g. after imputation.
     *
     * @param codes the new codes, one per row
     * @return the new column
     */
    CategoricalColumn withCodes(int[] codes);
}
