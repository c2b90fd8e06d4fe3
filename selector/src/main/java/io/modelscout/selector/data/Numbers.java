package io.modelscout.selector.data;

import java.math.BigDecimal;

/**
 * Decides what counts as a number in a data file. {@link Double#parseDouble} alone is too lenient for type
 * inference: it takes {@code 1d}, {@code 2f} and hexadecimal, which in a CSV file are codes, not numbers.
 */
final class Numbers {
    private Numbers() {
    }

    /** Whether the text is a plain decimal number: sign, digits, point, exponent, or (signed) Infinity. */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (s.startsWith("Infinity", i)) {
            return i + 8 == n;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** The value of a number that {@link #isNumber} accepted. */
    static double parse(String s) {
        return Double.parseDouble(s);
    }

    /** A number as a level name: {@code 3} rather than {@code 3.0}, {@code 0.5} as it is. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
