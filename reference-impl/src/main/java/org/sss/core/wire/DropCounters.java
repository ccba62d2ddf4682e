package org.sss.core.wire;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One counter per {@link DropReason}: every rejected datagram, plaintext or service message is
 * counted here (SPEC.md section 13), and logged at debug level under this class's logger.
 * Written on the event loop, readable from any thread.
 */
public final class DropCounters {
    private static final Logger LOG = LoggerFactory.getLogger(DropCounters.class);
    private static final DropReason[] REASONS = DropReason.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);
    private final boolean logged;

    /** Counters that log each rejection at debug level. */
    public DropCounters() {
        this(true);
    }

    private DropCounters(boolean logged) {
        this.logged = logged;
    }

    /** Counters that do not log: a second tally of rejections another instance already logs. */
    public static DropCounters unlogged() {
        return new DropCounters(false);
    }

    /**
     * Counts one rejection.
     *
     * @param reason the verdict
     */
    public void increment(DropReason reason) {
        counts.incrementAndGet(reason.ordinal());
        if (logged) {
            LOG.debug("dropped: {}", reason);
        }
    }

    /**
     * Counts one rejection and logs what was wrong.
     *
     * @param reason the verdict
     * @param detail what exactly was at fault, for the debug log
     */
    public void increment(DropReason reason, String detail) {
        counts.incrementAndGet(reason.ordinal());
        if (logged) {
            LOG.debug("dropped: {} ({})", reason, detail);
        }
    }

    /**
     * The number of rejections for one verdict so far.
     *
     * @param reason the verdict
     * @return its count
     */
    public long get(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    /** The sum over every verdict. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** A snapshot of the non-zero counters, in declaration order. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            long value = counts.get(reason.ordinal());
            if (value != 0) {
                copy.put(reason, value);
            }
        }
        return copy;
    }
}
