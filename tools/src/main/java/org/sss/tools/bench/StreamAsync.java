package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.sss.core.host.Stream;

/**
 * Asynchronous loops over {@link Stream} futures for the stream benchmarks: they run on the
 * host's event loop as each future completes and never block it, and they iterate rather than
 * recurse when futures are already complete, so that a long stream does not grow the call stack.
 */
final class StreamAsync {
    /** The most bytes asked for by one read. */
    static final int READ_SIZE = 64 * 1024;

    private StreamAsync() {
    }

    /**
     * Runs {@code step} again and again until a step's future completes with false, or fails.
     *
     * @param step starts one step; its future says whether to go on
     * @return completes after the last step, exceptionally with the first failure
     */
    static CompletableFuture<Void> loop(Supplier<CompletableFuture<Boolean>> step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Runnable() {
            @Override
            public void run() {
                while (true) {
                    CompletableFuture<Boolean> next;
                    try {
                        next = step.get();
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                        return;
                    }
                    if (!next.isDone()) {
                        next.whenComplete((more, failure) -> {
                            if (failure != null) {
                                done.completeExceptionally(unwrap(failure));
                            } else if (Boolean.TRUE.equals(more)) {
                                run();
                            } else {
                                done.complete(null);
                            }
                        });
                        return;
                    }
                    boolean more;
                    try {
                        more = Boolean.TRUE.equals(next.join());
                    } catch (CompletionException | CancellationException e) {
                        done.completeExceptionally(unwrap(e));
                        return;
                    }
                    if (!more) {
                        done.complete(null);
                        return;
                    }
                }
            }
        }.run();
        return done;
    }

    /**
     * Reads exactly {@code count} bytes.
     *
     * @return completes with them; exceptionally with {@link IllegalStateException} if the stream
     *     ends first
     */
    static CompletableFuture<byte[]> readExactly(Stream stream, int count) {
        byte[] buffer = new byte[count];
        int[] filled = {0};
        return loop(() -> stream.read(count - filled[0]).thenApply(bytes -> {
            if (bytes.length == 0) {
                throw new IllegalStateException("the stream ended after " + filled[0] + " of " + count + " bytes");
            }
            if (bytes.length > count - filled[0]) {
                throw new IllegalStateException("read " + bytes.length + " bytes, asked for at most " + (count - filled[0]));
            }
            System.arraycopy(bytes, 0, buffer, filled[0], bytes.length);
            filled[0] += bytes.length;
            return filled[0] < count;
        })).thenApply(v -> buffer);
    }

    /** Reads to the end of the stream; completes with the number of bytes read. */
    static CompletableFuture<Long> drain(Stream stream) {
        long[] total = {0};
        return loop(() -> stream.read(READ_SIZE).thenApply(bytes -> {
            total[0] += bytes.length;
            return bytes.length > 0;
        })).thenApply(v -> total[0]);
    }

    /**
     * Writes {@code total} bytes of {@code pattern}, repeated, in writes of at most
     * {@code pattern.length} bytes, each in a pooled direct buffer the stream takes over; the next
     * write waits for the previous one to be buffered within the send window.
     */
    static CompletableFuture<Void> writeBulk(Stream stream, long total, byte[] pattern) {
        long[] remaining = {total};
        return loop(() -> {
            if (remaining[0] == 0) {
                return CompletableFuture.completedFuture(false);
            }
            int length = (int) Math.min(pattern.length, remaining[0]);
            ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer(length, length).writeBytes(pattern, 0, length);
            remaining[0] -= length;
            return stream.write(chunk).thenApply(v -> true);
        });
    }

    /**
     * Echoes everything read back to the sender, waiting for each write to be buffered before the
     * next read, and finishes this direction at the end of the stream.
     */
    static CompletableFuture<Void> echo(Stream stream) {
        return loop(() -> stream.read(READ_SIZE).thenCompose(bytes -> {
            if (bytes.length == 0) {
                stream.finish();
                return CompletableFuture.completedFuture(false);
            }
            return stream.write(bytes).thenApply(v -> true);
        }));
    }

    /**
     * Waits for a future, saying what did not finish when it times out.
     *
     * @param what names the step in the exception's message
     * @throws TimeoutException naming {@code what} and the time waited
     */
    static <T> T await(CompletableFuture<T> future, long seconds, String what)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException(what + ": not done after " + seconds + " s");
        }
    }

    /** The cause a {@link CompletionException} or {@link ExecutionException} wraps, else the throwable itself. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A short description of a failure for the report. */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    /** A growable array of long samples; safe to add to from several threads. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        /** Appends one sample. */
        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** The number of samples. */
        synchronized int size() {
            return size;
        }

        /** A sorted copy of the samples. */
        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
