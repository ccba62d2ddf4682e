package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.sss.core.transport.TransportCounters;

/**
 * Stream helpers for the end-to-end tests over an {@link ImpairedLink}: loops that write and read
 * a whole stream without blocking the event loop (each step continues in the previous one's
 * callback, iterating while futures are already complete, so no stack grows), a digest sink
 * service, and waiting with a bound.
 */
final class ImpairedStreams {
    /** Bytes per write. */
    static final int CHUNK = 32 * 1024;
    /** Bytes asked for per read. */
    static final int READ_SIZE = 64 * 1024;

    private ImpairedStreams() {
    }

    /**
     * Writes {@code data} until it has produced {@code upTo} bytes (or is done), waiting for each
     * write to be accepted (the stream's back-pressure) before the next.
     *
     * @return completes when the last write was accepted
     */
    static CompletableFuture<Void> write(Stream stream, ImpairedData data, long upTo) {
        return write(stream, data, () -> upTo);
    }

    /**
     * As {@link #write(Stream, ImpairedData, long)} with a limit asked before every write, so that
     * another thread can end an endless writer by lowering it.
     */
    static CompletableFuture<Void> write(Stream stream, ImpairedData data, LongSupplier limit) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Runnable() {
            @Override
            public void run() {
                while (true) {
                    long upTo = limit.getAsLong();
                    if (data.done() || data.produced() >= upTo) {
                        done.complete(null);
                        return;
                    }
                    CompletableFuture<Void> write;
                    try {
                        write = stream.write(data.next((int) Math.min(CHUNK, upTo - data.produced())));
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                        return;
                    }
                    if (!write.isDone()) {
                        write.whenComplete((ignored, failure) -> {
                            if (failure != null) {
                                done.completeExceptionally(failure);
                            } else {
                                run();
                            }
                        });
                        return;
                    }
                    if (write.isCompletedExceptionally()) {
                        write.whenComplete((ignored, failure) -> done.completeExceptionally(failure));
                        return;
                    }
                }
            }
        }.run();
        return done;
    }

    /** Writes all of {@code data}. */
    static CompletableFuture<Void> writeAll(Stream stream, ImpairedData data) {
        return write(stream, data, Long.MAX_VALUE);
    }

    /**
     * Reads the stream to its end, handing every chunk to {@code sink} in order.
     *
     * @return completes with the byte count at the end of the stream
     */
    static CompletableFuture<Long> drain(Stream stream, Consumer<byte[]> sink) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        new Runnable() {
            private long total;

            @Override
            public void run() {
                while (true) {
                    CompletableFuture<byte[]> read;
                    try {
                        read = stream.read(READ_SIZE);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                        return;
                    }
                    if (!read.isDone()) {
                        read.whenComplete((bytes, failure) -> {
                            if (accept(bytes, failure)) {
                                run();
                            }
                        });
                        return;
                    }
                    byte[] bytes;
                    try {
                        bytes = read.join();
                    } catch (CompletionException e) {
                        accept(null, e.getCause());
                        return;
                    }
                    if (!accept(bytes, null)) {
                        return;
                    }
                }
            }

            private boolean accept(byte[] bytes, Throwable failure) {
                if (failure != null) {
                    done.completeExceptionally(failure);
                    return false;
                }
                if (bytes.length == 0) {
                    done.complete(total);
                    return false;
                }
                total += bytes.length;
                sink.accept(bytes);
                return true;
            }
        }.run();
        return done;
    }

    /**
     * Sends all of {@code data} on a stream to a {@link DigestSink}, finishes, and reads the
     * sink's one-record summary and the end of the stream.
     *
     * @return completes with the summary once this end's FIN is acknowledged and the peer's FIN read
     */
    static CompletableFuture<byte[]> sendToSink(Stream stream, ImpairedData data) {
        return sendToSink(stream, writeAll(stream, data));
    }

    /** As {@link #sendToSink(Stream, ImpairedData)}, when {@code written} completes after the last write. */
    static CompletableFuture<byte[]> sendToSink(Stream stream, CompletableFuture<Void> written) {
        CompletableFuture<Void> finished = written.thenCompose(ignored -> stream.finish());
        CompletableFuture<byte[]> summary = stream.readRecord().thenCompose(record -> {
            if (record == null || !record.complete()) {
                return CompletableFuture.failedFuture(
                        new AssertionError("Expected: the sink's summary record / Actual: " + record));
            }
            return stream.readRecord().thenApply(end -> {
                if (end != null) {
                    throw new AssertionError("Expected: the end of the stream after the summary / Actual: " + end);
                }
                return record.data();
            });
        });
        return finished.thenCombine(summary, (ignored, bytes) -> bytes);
    }

    /**
     * A service that reads each stream to its end, answers with one record holding the byte count
     * and the SHA-256 of what it read ({@link ImpairedData#summary}), and finishes.
     */
    static final class DigestSink implements ServiceHandler {
        private final AtomicInteger completed = new AtomicInteger();
        private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

        @Override
        public void onStream(Stream stream) {
            MessageDigest digest = ImpairedData.sha256();
            drain(stream, digest::update)
                    .thenCompose(count -> stream.writeRecord(ImpairedData.summary(count, digest.digest())))
                    .thenCompose(ignored -> stream.finish())
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            failures.add(failure);
                        } else {
                            completed.incrementAndGet();
                        }
                    });
        }

        /** Streams answered and finished. */
        int completed() {
            return completed.get();
        }

        /** Asserts that no stream failed at the sink. */
        void assertNoFailures() {
            assertThat(failures).as("streams that failed at the sink").isEmpty();
        }
    }

    /** Asserts that no datagram made a host's handler throw (nothing escapes on peer input, DESIGN.md section 7). */
    static void assertNoHandlerFailures(Host... hosts) {
        for (Host host : hosts) {
            assertThat(LoopbackHosts.transport(host, TransportCounters.Kind.HANDLER_FAILED))
                    .as("datagrams whose handling threw at %s", host.localAddress()).isZero();
        }
    }

    /** Waits for a future at most {@code timeout}; the bound only ends a failing run. */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: " + what + " within " + timeout.toSeconds() + " s / Actual: not yet");
        } catch (ExecutionException e) {
            throw new AssertionError("Expected: " + what + " / Actual: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Starts a link in front of {@code responder} with a seed from the class's printed seed, closed
     * after the test, and prints the link's seed and impairment.
     */
    static ImpairedLink link(LoopbackHosts hosts, Host responder, Impairment toResponder, Impairment toInitiator) {
        long seed = hosts.nextSeed();
        ImpairedLink link = ImpairedLink.start(responder.localAddress(), seed, toResponder, toInitiator);
        System.out.println("[impaired link " + link.address() + "] seed=" + seed + " to responder " + toResponder
                + ", to initiator " + toInitiator);
        return hosts.closeAfterTest(link);
    }

    /** As {@link #link(LoopbackHosts, Host, Impairment, Impairment)} with the same impairment both ways. */
    static ImpairedLink link(LoopbackHosts hosts, Host responder, Impairment both) {
        return link(hosts, responder, both, both);
    }
}
