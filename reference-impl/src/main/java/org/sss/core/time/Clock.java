package org.sss.core.time;

/**
 * The time source of the sans-I/O core. Components never read the system clock themselves: the
 * host passes {@link #nanoTime()} values in, and tests drive a {@link ManualClock}.
 */
@FunctionalInterface
public interface Clock {

    /** The monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** The system's monotonic clock. */
    static Clock system() {
        return System::nanoTime;
    }
}
