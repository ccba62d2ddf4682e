package org.sss.core.host;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of its own for blocking stream work off the hosts' event loops (a writer and a reader
 * running at once, the blocking adapters). Closing interrupts what still runs and waits for the
 * threads to end, so that {@link LoopbackHosts} finds no leaked thread; it never uses the common
 * fork-join pool, whose threads outlive the test.
 */
final class StreamWorkers implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "stream-test-worker-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private StreamWorkers() {
    }

    /**
     * Workers closed after the test. Start them before the hosts: resources close in reverse order, so
     * the hosts close first and a worker blocked on one of their streams wakes up with a failure.
     */
    static StreamWorkers start(LoopbackHosts hosts) {
        return hosts.closeAfterTest(new StreamWorkers());
    }

    /** Runs {@code work} on a worker; the future carries its result or whatever it threw. */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs {@code work} on a worker. */
    CompletableFuture<Void> run(Work work) {
        return submit(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(StreamIo.STEP.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("stream test workers did not end within " + StreamIo.STEP.toMillis() + " ms");
        }
    }

    /** Blocking work that may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}
