package io.modelscout.reports;

import java.util.Locale;

/** Number formatting for the report: one place, {@link Locale#ROOT}, never a NaN or an exponent a reader trips on. */
final class Numbers {
    /** Shown for a value that is missing or not a number. */
    static final String NONE = "n/a";

    private Numbers() {
    }

    /**
     * A score, with as many decimals as its size calls for.
     *
     * @param value the score
     * @return e.g. {@code 0.9533}, {@code 12.35}, {@code n/a}
     */
    static String score(double value) {
        return fixed(value, decimals(value));
    }

    /**
     * A mean and standard deviation, both with the decimals the mean calls for.
     *
     * @param mean the mean
     * @param sd the standard deviation
     * @return e.g. {@code 0.9533 ± 0.0210}
     */
    static String meanSd(double mean, double sd) {
        int decimals = decimals(mean);
        if (!Double.isFinite(sd)) {
            return fixed(mean, decimals);
        }
        return fixed(mean, decimals) + " ± " + fixed(sd, decimals);
    }

    /**
     * Seconds of fitting.
     *
     * @param seconds the time
     * @return e.g. {@code 0.012}, {@code 14.2}
     */
    static String seconds(double seconds) {
        return fixed(seconds, Math.abs(seconds) < 10 ? 3 : 1);
    }

    /**
     * Microseconds per predicted row.
     *
     * @param micros the time
     * @return e.g. {@code 1.25}, {@code 310}
     */
    static String micros(double micros) {
        double abs = Math.abs(micros);
        return fixed(micros, abs < 10 ? 2 : abs < 100 ? 1 : 0);
    }

    /**
     * A share as a percentage.
     *
     * @param share a value in [0, 1]
     * @return e.g. {@code 9.5 %}
     */
    static String percent(double share) {
        return Double.isFinite(share) ? fixed(share * 100, 1) + " %" : NONE;
    }

    /**
     * A plain number, e.g. a column mean: up to four significant decimals.
     *
     * @param value the number
     * @return its text
     */
    static String plain(double value) {
        return fixed(value, decimals(value));
    }

    /**
     * An SVG coordinate.
     *
     * @param value the coordinate
     * @return one decimal, e.g. {@code 212.5}
     */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static int decimals(double value) {
        double abs = Math.abs(value);
        if (abs == 0 || !Double.isFinite(abs)) {
            return 4;
        }
        if (abs < 0.001) {
            return -1;
        }
        return abs < 1 ? 4 : abs < 10 ? 3 : abs < 100 ? 2 : abs < 1000 ? 1 : 0;
    }

    private static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (decimals < 0) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
