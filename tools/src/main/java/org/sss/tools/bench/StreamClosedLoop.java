package org.sss.tools.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code inFlight} slots, each starting the next operation as soon as its
 * previous one completes, until a deadline passes or a number of operations has been started.
 * Operations are driven by their futures' callbacks (on the client host's event loop), so no thread
 * hand-off sits between two operations of a slot. The time of each operation is recorded.
 */
final class StreamClosedLoop {

    /**
     * What a load did.
     *
     * @param operations operations completed
     * @param nanos from the start to the completion of the last operation
     * @param sortedNanos each operation's time, ascending
     */
    record Outcome(long operations, long nanos, long[] sortedNanos) {
        /** Operations per second. */
        double rate() {
            return operations / (nanos / 1e9);
        }
    }

    /** Starts one operation. */
    @FunctionalInterface
    interface Operation {
        /**
         * Starts an operation.
         *
         * @param slot the slot it runs in, 0 to {@code inFlight - 1}: a slot runs one operation at a time
         * @param number the operation's number, from 0 across all slots
         * @return completes when the operation is done
         */
        CompletableFuture<?> start(int slot, long number);
    }

    private StreamClosedLoop() {
    }

    /**
     * Runs the load and waits for it.
     *
     * @param inFlight operations in flight at once, at least 1
     * @param seconds how long slots keep starting operations
     * @param maxOperations the most operations started in all
     * @param operation starts each operation
     * @param timeoutSeconds how long to wait beyond {@code seconds} before giving up
     * @throws ExecutionException with the first operation's failure
     * @throws TimeoutException if the operations in flight did not complete in time
     */
    static Outcome run(int inFlight, double seconds, long maxOperations, Operation operation,
            long timeoutSeconds) throws InterruptedException, ExecutionException, TimeoutException {
        StreamAsync.Samples samples = new StreamAsync.Samples();
        AtomicLong started = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        CompletableFuture<?>[] slots = new CompletableFuture<?>[inFlight];
        for (int slot = 0; slot < inFlight; slot++) {
            int thisSlot = slot;
            slots[slot] = StreamAsync.loop(() -> {
                if (System.nanoTime() - deadline >= 0) {
                    return CompletableFuture.completedFuture(false);
                }
                long number = started.getAndIncrement();
                if (number >= maxOperations) {
                    return CompletableFuture.completedFuture(false);
                }
                long begin = System.nanoTime();
                return operation.start(thisSlot, number).thenApply(result -> {
                    long end = System.nanoTime();
                    samples.add(end - begin);
                    completed.incrementAndGet();
                    lastCompletion.accumulateAndGet(end, (a, b) -> a == 0 || b - a > 0 ? b : a);
                    return true;
                });
            });
        }
        StreamAsync.await(CompletableFuture.allOf(slots), timeoutSeconds + (long) Math.ceil(seconds),
                inFlight + " operation(s) in flight");
        long end = lastCompletion.get();
        return new Outcome(completed.get(), end == 0 ? System.nanoTime() - start : end - start, samples.sorted());
    }
}
