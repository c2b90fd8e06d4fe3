package io.modelscout.plugins.core.synth;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.FitRequest;
import io.modelscout.api.Goal;
import io.modelscout.api.data.Column;
import io.modelscout.api.data.Table;
import io.modelscout.api.model.Generator;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * A fitted in-house synthesizer: it draws one {@code double[]} per column and lets its {@link Schema} turn them into
 * a table of the training schema. Each call to {@link #sample(int, long)} starts a fresh generator from its seed,
 * so the same seed gives the same rows however often and from whichever thread it is called.
 */
public abstract class SynthesizerModel implements Generator {
    /** The largest number of rows one call draws; more is a mistake of the caller, not a wish. */
    public static final int MAX_ROWS = 10_000_000;

    /** The schema of the training table. */
    protected final Schema schema;

    /**
     * A model of the given schema.
     *
     * @param schema the training table's schema
     */
    protected SynthesizerModel(Schema schema) {
        this.schema = requireNonNull(schema, "schema is null");
    }

    /**
     * The table a synthesizer is fitted on: the features, and the target as the last column when the framework
     * passed one.
     *
     * @param plugin the plugin id, for messages
     * @param request the fit request
     * @return the training table
     * @throws IllegalArgumentException when the goal is not {@link Goal#GENERATE} or the table is empty
     */
    public static Table trainingTable(String plugin, FitRequest request) {
        if (request.goal() != Goal.GENERATE) {
            throw new IllegalArgumentException(plugin + " does not serve goal " + request.goal().id());
        }
        Table features = request.features();
        Table table = features;
        if (request.target().isPresent()) {
            var columns = new ArrayList<Column>(features.columns());
            columns.add(request.target().get());
            table = new Table(features.name(), columns);
        }
        if (table.rowCount() == 0 || table.columnCount() == 0) {
            throw new IllegalArgumentException(plugin + ": the training table has " + table.rowCount() + " rows and "
                    + table.columnCount() + " columns; a synthesizer needs at least one of each");
        }
        return table;
    }

    /**
     * The schema of the training table.
     *
     * @return the schema
     */
    public Schema schema() {
        return schema;
    }

    @Override
    public final Table sample(int rows, long seed) {
        checkRows(rows);
        return schema.table(draw(rows, new SplittableRandom(seed)));
    }

    /**
     * Draws the cells of new rows.
     *
     * @param rows how many rows
     * @param random the source of randomness of this call
     * @return one array of {@code rows} cells per column: values, or level codes of categorical columns
     */
    protected abstract double[][] draw(int rows, SplittableRandom random);

    /**
     * Checks a requested row count.
     *
     * @param rows the count
     * @throws IllegalArgumentException when it is negative or above {@link #MAX_ROWS}
     */
    protected static void checkRows(int rows) {
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows: must be between 0 and " + MAX_ROWS + ", got " + rows);
        }
    }
}
