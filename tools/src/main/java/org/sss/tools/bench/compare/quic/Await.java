package org.sss.tools.bench.compare.quic;

import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/** Bounded waits on Netty futures, with messages that say what was awaited. */
final class Await {
    /** How long any single connection step may take on a loaded machine. */
    static final long STEP_MILLIS = 30_000;

    private Await() {
    }

    /** The future's value, or an exception naming {@code what} if it fails or takes over {@link #STEP_MILLIS}. */
    static <T> T get(Future<T> future, String what) throws InterruptedException, TimeoutException {
        if (!future.await(STEP_MILLIS)) {
            throw new TimeoutException("QUIC " + what + ": not done after " + STEP_MILLIS + " ms");
        }
        if (!future.isSuccess()) {
            throw new IllegalStateException("QUIC " + what + " failed: " + future.cause(), future.cause());
        }
        return future.getNow();
    }
}
