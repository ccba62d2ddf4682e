package org.sss.core.host;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a condition over real time with a generous timeout; the timeout only bounds a failing run
 * and is never a claim about speed.
 */
final class Await {
    /** Long enough for a loaded two-core machine; a passing run is far quicker. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private Await() {
    }

    /**
     * Polls {@code probe} until {@code done} holds and returns that value.
     *
     * @throws AssertionError naming {@code what} and the last value when the patience runs out
     */
    static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        return until(what, probe, done, PATIENCE);
    }

    /** As {@link #until(String, Supplier, Predicate)} with an explicit timeout. */
    static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "Expected: " + what + " within " + timeout.toMillis() + " ms / Actual: " + value);
            }
            sleep(Duration.ofMillis(5));
            value = probe.get();
        }
        return value;
    }

    /** Sleeps, restoring the interrupt flag instead of throwing. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
