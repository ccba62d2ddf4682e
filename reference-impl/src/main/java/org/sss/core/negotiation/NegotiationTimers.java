package org.sss.core.negotiation;

import java.time.Duration;
import java.util.Objects;

/**
 * The initiator's negotiation timers (SPEC.md section 5.6). {@link #defaults()} are the values the
 * specification fixes; tests shorten them.
 *
 * @param firstInterval the wait before the first retransmission of HELLO, and of INITIATE after
 *     the COOKIE (NEG-TIMER-1, NEG-TIMER-3): 500 ms
 * @param growthFactor each following interval is the previous one times this: 1.5
 * @param maxInterval no interval is longer: 8 s
 * @param deadline the negotiation fails this long after its first HELLO (NEG-TIMER-2): 20 s
 * @param initiatesBeforeRestart after this many unanswered INITIATEs the initiator starts again at
 *     HELLO with a fresh short-term key (NEG-TIMER-6): 4
 */
public record NegotiationTimers(Duration firstInterval, double growthFactor, Duration maxInterval, Duration deadline,
        int initiatesBeforeRestart) {

    /** Checks that every duration is positive, the factor at least 1 and the restart count at least 1. */
    public NegotiationTimers {
        positive(firstInterval, "firstInterval");
        positive(maxInterval, "maxInterval");
        positive(deadline, "deadline");
        if (!(growthFactor >= 1.0) || Double.isInfinite(growthFactor)) {
            throw new IllegalArgumentException("growthFactor must be a finite number >= 1, got " + growthFactor);
        }
        if (maxInterval.compareTo(firstInterval) < 0) {
            throw new IllegalArgumentException("maxInterval " + maxInterval + " is shorter than firstInterval " + firstInterval);
        }
        if (initiatesBeforeRestart < 1) {
            throw new IllegalArgumentException("initiatesBeforeRestart must be at least 1, got " + initiatesBeforeRestart);
        }
    }

    /** SPEC.md section 5.6: 500 ms, × 1.5, at most 8 s, fail at 20 s, back to HELLO after 4 INITIATEs. */
    public static NegotiationTimers defaults() {
        return new NegotiationTimers(Duration.ofMillis(500), 1.5, Duration.ofSeconds(8), Duration.ofSeconds(20), 4);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
