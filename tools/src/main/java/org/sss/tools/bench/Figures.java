package org.sss.tools.bench;

import java.util.Locale;

/** How the benchmark reports print a figure, the same in every table. */
public final class Figures {
    private Figures() {
    }

    /**
     * A figure as printed: no decimals from 100 up (thousands grouped with commas), one from 10,
     * two below; {@code n/a} for NaN or an infinity.
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
