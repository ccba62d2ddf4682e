package org.sss.tools.bench.compare.tls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/** Waits for a workload's futures with a deadline and a message that says what did not finish. */
final class Await {
    /** Added to a timed loop's duration before it counts as stuck. */
    static final long SLACK_MILLIS = 30_000;

    private Await() {
    }

    /**
     * Waits for {@code future} as long as {@code progress} keeps moving: gives up only after
     * {@value #SLACK_MILLIS} ms in which it did not change.
     *
     * @throws TimeoutException naming {@code what} if progress stalls
     */
    static <T> T whileProgressing(CompletableFuture<T> future, LongSupplier progress, String what) throws Exception {
        long seen = progress.getAsLong();
        while (true) {
            try {
                return get(future, SLACK_MILLIS, TimeUnit.MILLISECONDS, what);
            } catch (TimeoutException e) {
                long now = progress.getAsLong();
                if (now == seen) {
                    throw new TimeoutException("TLS " + what + ": stuck at " + now + " for " + SLACK_MILLIS + " ms");
                }
                seen = now;
            }
        }
    }

    /**
     * The future's value.
     *
     * @throws TimeoutException naming {@code what} if it does not complete in time
     * @throws Exception the future's own failure, unwrapped
     */
    static <T> T get(CompletableFuture<T> future, long timeout, TimeUnit unit, String what) throws Exception {
        try {
            return future.get(timeout, unit);
        } catch (TimeoutException e) {
            throw new TimeoutException("TLS " + what + ": no result after " + unit.toMillis(timeout) + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }
}
