package org.sss.tools.bench.compare;

import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Bounded waits on a contender's futures (Netty's or the JDK's), failing with a message that says
 * what was awaited; the runner reports it against the contender.
 */
public final class Await {
    /**
     * How long a single connection step may take on a loaded machine, and the slack a timed loop gets
     * past its duration before it counts as stuck.
     */
    public static final long STEP_MILLIS = 30_000;

    private Await() {
    }

    /** The future's value, or an exception naming {@code what} if it fails or takes over {@link #STEP_MILLIS}. */
    public static <T> T get(Future<T> future, String what) throws InterruptedException, TimeoutException {
        if (!future.await(STEP_MILLIS)) {
            throw new TimeoutException(what + ": not done after " + STEP_MILLIS + " ms");
        }
        if (!future.isSuccess()) {
            throw new IllegalStateException(what + " failed: " + future.cause(), future.cause());
        }
        return future.getNow();
    }

    /**
     * The future's value.
     *
     * @throws TimeoutException naming {@code what} if it does not complete in time
     * @throws Exception the future's own failure, unwrapped
     */
    public static <T> T get(CompletableFuture<T> future, long timeout, TimeUnit unit, String what) throws Exception {
        try {
            return future.get(timeout, unit);
        } catch (TimeoutException e) {
            throw new TimeoutException(what + ": no result after " + unit.toMillis(timeout) + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    /**
     * Waits for {@code future} as long as {@code progress} keeps moving: gives up only after
     * {@value #STEP_MILLIS} ms in which it did not change.
     *
     * @throws TimeoutException naming {@code what} if progress stalls
     */
    public static <T> T whileProgressing(CompletableFuture<T> future, LongSupplier progress, String what)
            throws Exception {
        long seen = progress.getAsLong();
        while (true) {
            try {
                return get(future, STEP_MILLIS, TimeUnit.MILLISECONDS, what);
            } catch (TimeoutException e) {
                long now = progress.getAsLong();
                if (now == seen) {
                    throw new TimeoutException(what + ": stuck at " + now + " for " + STEP_MILLIS + " ms");
                }
                seen = now;
            }
        }
    }
}
