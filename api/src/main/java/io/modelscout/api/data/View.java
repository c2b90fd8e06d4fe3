package io.modelscout.api.data;

/** Index arithmetic shared by the column views. */
final class View {
    private View() {
    }

    /** The backing indices of {@code rows} taken from a column whose own view is {@code index} (null: identity). */
    static int[] compose(int[] index, int[] rows, int size) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size + ")");
            }
            out[i] = index == null ? row : index[row];
        }
        return out;
    }
}
