package org.sss.core.host;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Repeats an asynchronous step without blocking: each step starts when the previous one's future
 * completes. Steps whose futures are already complete run in a loop rather than by recursion, so a
 * long run of buffered data cannot exhaust the stack.
 *
 * <p>The way to write a stream handler that must not block the event loop: for example
 * {@code AsyncLoop.run(() -> stream.read(65536).thenApply(bytes -> bytes.length > 0))} drains a
 * stream to its end.
 */
public final class AsyncLoop {
    private AsyncLoop() {
    }

    /**
     * Runs {@code step} until its future yields false.
     *
     * @return completes when a step yields false; exceptionally with the first failure of a step
     */
    public static CompletableFuture<Void> run(Supplier<CompletableFuture<Boolean>> step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Runner(step, done).next();
        return done;
    }

    private static final class Runner {
        private final Supplier<CompletableFuture<Boolean>> step;
        private final CompletableFuture<Void> done;

        Runner(Supplier<CompletableFuture<Boolean>> step, CompletableFuture<Void> done) {
            this.step = step;
            this.done = done;
        }

        void next() {
            while (true) {
                CompletableFuture<Boolean> future;
                try {
                    future = step.get();
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    return;
                }
                if (future.isDone() && !future.isCompletedExceptionally()) {
                    if (!future.join()) {
                        done.complete(null);
                        return;
                    }
                    continue;
                }
                future.whenComplete((more, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else if (more) {
                        next();
                    } else {
                        done.complete(null);
                    }
                });
                return;
            }
        }
    }
}
