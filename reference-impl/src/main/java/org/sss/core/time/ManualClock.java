package org.sss.core.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for tests and simulations. */
public final class ManualClock implements Clock {
    private final AtomicLong now;

    /** A clock starting at an arbitrary non-zero instant, so code cannot rely on time 0. */
    public ManualClock() {
        this(1_000_000_000_000L);
    }

    /**
     * A clock starting at {@code startNanos}.
     *
     * @param startNanos the first value {@link #nanoTime()} returns
     */
    public ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far; must not be negative
     * @return the new time
     */
    public long advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("by: must not be negative, got " + by);
        }
        return now.addAndGet(by.toNanos());
    }
}
