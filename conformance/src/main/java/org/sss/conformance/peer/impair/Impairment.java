package org.sss.conformance.peer.impair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a simulated link does to the datagrams of one direction, written compactly as
 * {@code loss=5%,burst=3,dup=1%,reorder=2%,corrupt=1%,delay=20ms} (every key optional, in any
 * order; {@code none} or the empty string for a clean link). Rates are fractions of datagrams.
 * Losses are independent with {@code burst=1} (the default); with a larger {@code burst} they follow
 * a two-state (Gilbert) model whose long-run loss fraction is {@code loss} and whose loss runs have
 * the mean length {@code burst}. A reordered datagram is held back by {@code hold}
 * (default 10 ms) so that the datagrams sent during that time overtake it.
 *
 * @param loss the long-run fraction of datagrams lost, in [0, 1)
 * @param burst the mean length of a run of lost datagrams; 1 for independent losses
 * @param duplicate the fraction of delivered datagrams delivered twice
 * @param reorder the fraction of delivered datagrams held back by {@code hold}
 * @param corrupt the fraction of delivered datagrams with one bit flipped
 * @param delay the constant one-way delay added to every datagram
 * @param hold how long a reordered datagram is held back on top of {@code delay}
 */
public record Impairment(double loss, double burst, double duplicate, double reorder, double corrupt, Duration delay,
        Duration hold) {
    /** The default hold-back of a reordered datagram. */
    public static final Duration DEFAULT_HOLD = Duration.ofMillis(10);
    /** A clean link. */
    public static final Impairment NONE = new Impairment(0, 1, 0, 0, 0, Duration.ZERO, DEFAULT_HOLD);

    /** Checks the ranges. */
    public Impairment {
        requireRate("loss", loss);
        if (loss >= 1) {
            throw new IllegalArgumentException("loss must be below 100%: " + loss);
        }
        if (!(burst >= 1)) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        requireRate("dup", duplicate);
        requireRate("reorder", reorder);
        requireRate("corrupt", corrupt);
        if (delay.isNegative() || hold.isNegative()) {
            throw new IllegalArgumentException("delay and hold must not be negative");
        }
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0% and 100%: " + value);
        }
    }

    /**
     * Parses the compact form: comma-separated {@code key=value} pairs with keys {@code loss},
     * {@code dup}, {@code reorder}, {@code corrupt} (percentages, {@code %} optional), {@code burst}
     * (a number), {@code delay} and {@code hold} (milliseconds, {@code ms} optional).
     *
     * @throws IllegalArgumentException naming the part it cannot read
     */
    public static Impairment parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        double loss = 0;
        double burst = 1;
        double dup = 0;
        double reorder = 0;
        double corrupt = 0;
        Duration delay = Duration.ZERO;
        Duration hold = DEFAULT_HOLD;
        for (String part : trimmed.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got '" + part.trim() + "' in '" + text + "'");
            }
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            switch (key) {
                case "loss" -> loss = percent(value);
                case "burst" -> burst = number(value);
                case "dup" -> dup = percent(value);
                case "reorder" -> reorder = percent(value);
                case "corrupt" -> corrupt = percent(value);
                case "delay" -> delay = millis(value);
                case "hold" -> hold = millis(value);
                default -> throw new IllegalArgumentException("unknown impairment '" + key + "' in '" + text + "'");
            }
        }
        return new Impairment(loss, burst, dup, reorder, corrupt, delay, hold);
    }

    private static double percent(String value) {
        String v = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
        return number(v) / 100;
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + value + "'", e);
        }
    }

    private static Duration millis(String value) {
        String v = value.endsWith("ms") ? value.substring(0, value.length() - 2) : value;
        return Duration.ofNanos(Math.round(number(v) * 1_000_000));
    }

    /** Whether the link is clean (every datagram delivered at once, unchanged). */
    public boolean isNone() {
        return loss == 0 && duplicate == 0 && reorder == 0 && corrupt == 0 && delay.isZero();
    }

    /** The compact form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (loss > 0) {
            parts.add("loss=" + pct(loss));
            if (burst != 1) {
                parts.add("burst=" + trim(burst));
            }
        }
        if (duplicate > 0) {
            parts.add("dup=" + pct(duplicate));
        }
        if (reorder > 0) {
            parts.add("reorder=" + pct(reorder));
            if (!hold.equals(DEFAULT_HOLD)) {
                parts.add("hold=" + trim(hold.toNanos() / 1e6) + "ms");
            }
        }
        if (corrupt > 0) {
            parts.add("corrupt=" + pct(corrupt));
        }
        if (!delay.isZero()) {
            parts.add("delay=" + trim(delay.toNanos() / 1e6) + "ms");
        }
        return String.join(",", parts);
    }

    private static String pct(double rate) {
        return trim(rate * 100) + "%";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
