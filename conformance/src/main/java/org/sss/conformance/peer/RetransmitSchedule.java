package org.sss.conformance.peer;

/**
 * The negotiation retransmission schedule (NEG-TIMER-1, NEG-TIMER-3): first after 500 ms, then after
 * intervals that each grow by a factor of 1.5, none longer than 8 s.
 */
final class RetransmitSchedule {
    static final long FIRST_NANOS = 500_000_000L;
    static final long CAP_NANOS = 8_000_000_000L;

    private long interval = FIRST_NANOS;
    private long next;

    /** Starts the schedule with a transmission at {@code now}. */
    RetransmitSchedule(long now) {
        this.next = now;
    }

    /** Whether a transmission is due. */
    boolean due(long now) {
        return now - next >= 0;
    }

    /** When the next transmission is due. */
    long next() {
        return next;
    }

    /** Records a transmission at {@code now}; the following one is due one interval later. */
    void sent(long now) {
        next = now + interval;
        interval = Math.min(CAP_NANOS, interval * 3 / 2);
    }
}
