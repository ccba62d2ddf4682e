package org.sss.core.negotiation;

/**
 * The exponential back-off of NEG-TIMER-1 and NEG-TIMER-3: the first retransmission
 * {@code firstInterval} after the first transmission, each later interval {@code growthFactor}
 * times the previous one, capped at {@code maxInterval}. Intervals are measured from the moment a
 * packet was actually sent. Not thread-safe.
 */
final class RetransmissionSchedule {
    private final long firstNanos;
    private final double growth;
    private final long maxNanos;
    private long intervalNanos;
    private long nextAtNanos;

    RetransmissionSchedule(NegotiationTimers timers) {
        this.firstNanos = timers.firstInterval().toNanos();
        this.growth = timers.growthFactor();
        this.maxNanos = timers.maxInterval().toNanos();
    }

    /** A first transmission went out at {@code nowNanos}: the next is due one first interval later. */
    void restart(long nowNanos) {
        intervalNanos = firstNanos;
        nextAtNanos = nowNanos + intervalNanos;
    }

    /** A retransmission went out at {@code nowNanos}: the interval grows, up to the cap. */
    void retransmitted(long nowNanos) {
        // SPEC-GAP: intervals run from the actual send time, so a late host timer never causes a burst
        // SPEC NEG-TIMER-1: intervals each grow by a factor of 1.5, none longer than 8 s
        intervalNanos = (long) Math.min((double) maxNanos, Math.rint(intervalNanos * growth));
        nextAtNanos = nowNanos + intervalNanos;
    }

    /** Whether the next transmission is due at {@code nowNanos}. */
    boolean isDue(long nowNanos) {
        return nowNanos - nextAtNanos >= 0;
    }

    /** When the next transmission is due. */
    long nextAtNanos() {
        return nextAtNanos;
    }
}
