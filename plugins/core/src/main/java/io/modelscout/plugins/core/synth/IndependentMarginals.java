package io.modelscout.plugins.core.synth;

import io.modelscout.api.data.CategoricalColumn;
import io.modelscout.api.data.NumericColumn;
import io.modelscout.api.data.Table;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Each column drawn alone from its own smoothed empirical distribution: every column's shape is kept and every
 * relation between columns is lost. The floor a synthesizer that models the joint distribution must beat.
 */
public final class IndependentMarginals extends SynthesizerModel {
    private final NumericMarginal[] numeric;
    private final LevelFrequencies[] levels;

    private IndependentMarginals(Schema schema, NumericMarginal[] numeric, LevelFrequencies[] levels) {
        super(schema);
        this.numeric = numeric;
        this.levels = levels;
    }

    /**
     * Fits the marginals of a table.
     *
     * @param table the training table
     * @return the model
     */
    public static IndependentMarginals fit(Table table) {
        Schema schema = Schema.of(table);
        int p = table.columnCount();
        var numeric = new NumericMarginal[p];
        var levels = new LevelFrequencies[p];
        for (int j = 0; j < p; j++) {
            switch (table.column(j)) {
                case NumericColumn column -> numeric[j] = NumericMarginal.of(column);
                case CategoricalColumn column -> levels[j] = LevelFrequencies.of(column);
            }
        }
        return new IndependentMarginals(schema, numeric, levels);
    }

    @Override
    protected double[][] draw(int rows, SplittableRandom random) {
        double[][] cells = new double[schema.size()][rows];
        for (int j = 0; j < schema.size(); j++) {
            if (schema.column(j).constant()) {
                continue;
            }
            // one stream per column, so that a column's draws do not depend on the columns before it
            var stream = random.split();
            for (int i = 0; i < rows; i++) {
                cells[j][i] = numeric[j] != null ? numeric[j].draw(stream) : levels[j].draw(stream);
            }
        }
        return cells;
    }

    /** Exact: the columns are independent, so the conditioned column is set and the others drawn as ever. */
    @Override
    public Table sampleWhere(int rows, long seed, String column, String level) {
        int[] at = schema.levelOf(column, level);
        checkRows(rows);
        double[][] cells = draw(rows, new SplittableRandom(seed));
        Arrays.fill(cells[at[0]], at[1]);
        return schema.table(cells);
    }

    @Override
    public String summary() {
        return "independent marginals of " + schema.size() + " columns";
    }
}
