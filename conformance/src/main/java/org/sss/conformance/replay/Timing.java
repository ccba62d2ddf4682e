package org.sss.conformance.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * When a replay sends each datagram: at the capture's own intervals ({@code preserve}), at those intervals divided by
 * a factor ({@code compress:N}), or each right after the one before ({@code asap}). Intervals are measured from the
 * first selected datagram; a capture whose clock steps backwards sends the late-stamped datagram at once.
 *
 * @param factor how many times faster than captured; {@link Double#POSITIVE_INFINITY} for as fast as possible
 */
public record Timing(double factor) {
    /** The capture's own timing. */
    public static final Timing PRESERVE = new Timing(1);
    /** No waiting between datagrams. */
    public static final Timing ASAP = new Timing(Double.POSITIVE_INFINITY);

    /** Checks the factor. */
    public Timing {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("timing: the compression factor must be at least 1, got " + factor);
        }
    }

    /** The capture's intervals divided by {@code factor} (at least 1). */
    public static Timing compress(double factor) {
        return new Timing(factor);
    }

    /**
     * Parses {@code preserve}, {@code compress:N} (N a number of at least 1) or {@code asap}.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static Timing parse(String text) {
        String t = text.trim();
        if (t.equals("preserve")) {
            return PRESERVE;
        }
        if (t.equals("asap")) {
            return ASAP;
        }
        if (t.startsWith("compress:")) {
            try {
                return compress(Double.parseDouble(t.substring("compress:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("timing: compress:N needs a number N, got '" + text + "'");
            }
        }
        throw new IllegalArgumentException("timing: expected preserve, compress:N or asap, got '" + text + "'");
    }

    /** How long after the first datagram (captured at {@code first}) the one captured at {@code at} is sent. */
    public Duration offset(Instant first, Instant at) {
        if (factor == Double.POSITIVE_INFINITY) {
            return Duration.ZERO;
        }
        long nanos = Duration.between(first, at).toNanos();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos((long) (nanos / factor));
    }

    @Override
    public String toString() {
        return factor == 1 ? "preserve" : factor == Double.POSITIVE_INFINITY ? "asap" : "compress:" + factor;
    }
}
