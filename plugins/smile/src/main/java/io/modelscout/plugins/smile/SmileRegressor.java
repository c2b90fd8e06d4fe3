package io.modelscout.plugins.smile;

import static java.util.Objects.requireNonNull;

import io.modelscout.api.data.Table;
import io.modelscout.api.model.Regressor;
import io.modelscout.plugins.smile.SmileData.RegressionTraining;
import java.util.function.Function;

/** A fitted Smile regression model seen through the api. */
final class SmileRegressor implements Regressor {

    /** The predictions of a batch of rows. */
    @FunctionalInterface
    interface Predictions {
        double[] of(double[][] x);
    }

    private final SmileData.Layout layout;
    private final Predictions predictions;
    private final String summary;

    private SmileRegressor(SmileData.Layout layout, Predictions predictions, String summary) {
        this.layout = requireNonNull(layout, "layout is null");
        this.predictions = requireNonNull(predictions, "predictions is null");
        this.summary = requireNonNull(summary, "summary is null");
    }

    /**
     * Wraps a fitted model.
     *
     * @param data the training data it was fitted on
     * @param predictions its predictions
     * @param summary a line on the fitted model
     * @return the regressor
     */
    static Regressor of(RegressionTraining data, Predictions predictions, String summary) {
        return new SmileRegressor(data.layout(), predictions, summary);
    }

    /**
     * The predictions of a Smile regression model.
     *
     * @param model the fitted model
     * @param input how rows become the model's input
     * @param <T> the model's input type
     * @return the predictions
     */
    static <T> Predictions predictions(smile.regression.Regression<T> model, Function<double[][], T[]> input) {
        requireNonNull(model, "model is null");
        requireNonNull(input, "input is null");
        return x -> {
            T[] rows = input.apply(x);
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = model.predict(rows[i]);
            }
            return y;
        };
    }

    @Override
    public double[] predict(Table table) {
        return predictions.of(SmileData.features(table, layout));
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "SmileRegressor[" + summary + "]";
    }
}
