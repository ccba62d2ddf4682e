package org.sss.tools.bench.compare.tls;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sss.tools.bench.compare.Await;

/**
 * Takes samples one after another until a deadline: each sample starts when the one before it
 * completes, on the thread that completed it (an event loop), so no thread hand-off is measured.
 */
final class Sequential {
    private final Supplier<CompletableFuture<Long>> sample;
    private final long deadline;
    private final CompletableFuture<long[]> done = new CompletableFuture<>();
    private long[] values = new long[4096];
    private int count;

    private Sequential(Supplier<CompletableFuture<Long>> sample, long deadline) {
        this.sample = sample;
        this.deadline = deadline;
    }

    /**
     * Samples for {@code duration}; the first sample starts on {@code first}.
     *
     * @param sample starts one sample, which completes with its value in nanoseconds
     * @param what names the loop in a timeout's message
     * @return the values, at least one
     */
    static long[] run(Duration duration, Executor first, Supplier<CompletableFuture<Long>> sample, String what)
            throws Exception {
        Sequential loop = new Sequential(sample, System.nanoTime() + duration.toNanos());
        first.execute(loop::next);
        return Await.get(loop.done, duration.toMillis() + Await.STEP_MILLIS, TimeUnit.MILLISECONDS, what);
    }

    private void next() {
        CompletableFuture<Long> one;
        try {
            one = sample.get();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        one.whenComplete((value, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
            if (System.nanoTime() - deadline < 0) {
                next();
            } else {
                done.complete(Arrays.copyOf(values, count));
            }
        });
    }
}
