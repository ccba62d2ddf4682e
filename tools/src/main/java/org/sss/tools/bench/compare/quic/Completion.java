package org.sss.tools.bench.compare.quic;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for {@code parties} asynchronous tasks, any of which may fail instead; the first failure
 * ends the wait and is rethrown, so that a workload never reports a number for work that broke.
 */
final class Completion {
    private final CountDownLatch pending;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch failed = new CountDownLatch(1);

    Completion(int parties) {
        pending = new CountDownLatch(parties);
    }

    /** One task finished. */
    void done() {
        pending.countDown();
    }

    /** One task failed; the first failure wins. */
    void fail(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            failed.countDown();
            while (pending.getCount() > 0) {
                pending.countDown();
            }
        }
    }

    /** Whether some task has failed. */
    boolean hasFailed() {
        return failure.get() != null;
    }

    /**
     * Waits until every task is done.
     *
     * @param what names the work in the exception messages
     * @throws IllegalStateException carrying the first failure
     * @throws TimeoutException if the tasks are not done in time
     */
    void await(long timeoutMillis, String what) throws InterruptedException, TimeoutException {
        if (!pending.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("QUIC " + what + ": " + pending.getCount() + " task(s) not done after "
                    + timeoutMillis + " ms");
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("QUIC " + what + " failed: " + cause.getMessage(), cause);
        }
    }
}
