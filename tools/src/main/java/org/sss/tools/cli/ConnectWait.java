package org.sss.tools.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The waits of one {@code sss connect} run, bounded by {@code --timeout}. Steps that this end drives
 * (negotiation, the service's reply, a write entering the send window) are timed from their start.
 * Waits for the peer's data are timed only once this end has sent everything ({@link #sendingDone()}),
 * from the later of that moment and the wait's start: while standard input is open, the peer may
 * have nothing to say. Any wait ends at once when another thread has {@link #abort aborted} the run.
 */
final class ConnectWait {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final long timeoutMillis;
    private final long timeoutNanos;
    private volatile long sendingDoneAt;
    private volatile boolean sendingDone;
    private volatile ConnectFailure aborted;

    ConnectWait(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** The timeout, in milliseconds. */
    long timeoutMillis() {
        return timeoutMillis;
    }

    /** This end has sent everything it will send: waits for the peer are timed from now on. */
    void sendingDone() {
        if (!sendingDone) {
            sendingDoneAt = System.nanoTime();
            sendingDone = true;
        }
    }

    /** Whether {@link #sendingDone()} was called. */
    boolean isSendingDone() {
        return sendingDone;
    }

    /** Ends every wait, now and later, with {@code failure} (the first one wins). */
    void abort(ConnectFailure failure) {
        if (aborted == null) {
            aborted = failure;
        }
    }

    /**
     * Waits up to the timeout for a step this end drives.
     *
     * @param what the step, for the message ("negotiating a channel with ...")
     * @throws ConnectFailure if the step fails, the timeout passes or the run was aborted
     */
    <T> T await(CompletableFuture<T> future, String what) throws ConnectFailure {
        long deadline = System.nanoTime() + timeoutNanos;
        return poll(future, what, () -> deadline);
    }

    /**
     * Waits for the peer's next data: untimed while this end still sends, then up to the timeout.
     *
     * @throws ConnectFailure if the wait fails, the timeout passes or the run was aborted
     */
    <T> T awaitPeer(CompletableFuture<T> future, String what) throws ConnectFailure {
        long start = System.nanoTime();
        return poll(future, what, () -> {
            if (!sendingDone) {
                return Long.MAX_VALUE;
            }
            long from = sendingDoneAt - start > 0 ? sendingDoneAt : start;
            return from + timeoutNanos;
        });
    }

    /** A deadline in {@link System#nanoTime()} units; {@link Long#MAX_VALUE} for none yet. */
    @FunctionalInterface
    interface Deadline {
        long nanos();
    }

    private <T> T poll(CompletableFuture<T> future, String what, Deadline deadline) throws ConnectFailure {
        while (true) {
            ConnectFailure failure = aborted;
            if (failure != null) {
                throw failure;
            }
            try {
                return future.get(POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long due = deadline.nanos();
                if (due != Long.MAX_VALUE && System.nanoTime() - due >= 0) {
                    throw new ConnectFailure(what + ": timed out after " + timeoutMillis + " ms");
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new ConnectFailure(what + ": " + cause.getMessage(), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectFailure(what + ": interrupted", e);
            }
        }
    }
}
