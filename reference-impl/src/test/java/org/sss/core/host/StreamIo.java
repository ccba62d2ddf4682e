package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Blocking helpers for the stream tests: wait for a future with a generous timeout, expect a
 * failure, read a stream to a length or to its end, and make test data. The timeout only bounds a
 * failing run; it is never a claim about speed. Never call these on a host's event loop.
 */
final class StreamIo {
    /** How long one step of a stream test may take on a loaded machine. */
    static final Duration STEP = Duration.ofSeconds(30);

    /** Bytes asked for per read when reading in bulk. */
    static final int READ_CHUNK = 64 * 1024;

    /** The period of the byte pattern (SPEC Appendix A.3): a prime, so shifted data is detected. */
    private static final int PATTERN_PERIOD = 251;

    private StreamIo() {
    }

    /** Waits for {@code future} and returns its value; fails on an exception or after {@link #STEP}. */
    static <T> T await(CompletableFuture<T> future) {
        return await(future, STEP);
    }

    /** As {@link #await(CompletableFuture)}, naming what is awaited in a failure. */
    static <T> T await(CompletableFuture<T> future, String what) {
        return await(future, STEP, what);
    }

    /** As {@link #await(CompletableFuture)} with an explicit timeout. */
    static <T> T await(CompletableFuture<T> future, Duration timeout) {
        return await(future, timeout, "the future");
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            throw new AssertionError("Expected: " + what + " to complete normally / Actual: " + cause, cause);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: " + what + " to complete within " + timeout.toMillis()
                    + " ms / Actual: still pending", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits for {@code future} to fail and returns the cause, unwrapped from completion wrappers. */
    static Throwable failure(CompletableFuture<?> future) {
        Object value;
        try {
            value = future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return unwrap(e);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: the future to fail within " + STEP.toMillis()
                    + " ms / Actual: still pending", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        throw new AssertionError("Expected: the future to fail / Actual: it completed with " + describe(value));
    }

    /**
     * The exception an API call reports for a misuse, whether the call throws it or returns a future
     * that fails with it (the API may do either).
     */
    static Throwable misuse(Supplier<? extends CompletableFuture<?>> call) {
        CompletableFuture<?> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            return e;
        }
        return failure(future);
    }

    /** Asserts that {@code future} is still pending after {@code quiet}. */
    static void assertStaysPending(CompletableFuture<?> future, Duration quiet, String what) {
        Await.sleep(quiet);
        assertThat(future.isDone()).as("%s (still pending after %d ms)", what, quiet.toMillis()).isFalse();
    }

    /** The innermost cause below {@link ExecutionException} and {@link CompletionException} wrappers. */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---------------------------------------------------------------- reading

    /** Reads exactly {@code length} bytes; fails if the stream ends first. */
    static byte[] readExactly(Stream stream, int length) {
        byte[] out = new byte[length];
        int got = 0;
        while (got < length) {
            byte[] chunk = await(stream.read(Math.min(READ_CHUNK, length - got)));
            if (chunk.length == 0) {
                throw new AssertionError("Expected: " + length + " bytes / Actual: the stream ended after " + got);
            }
            assertThat(chunk.length).as("bytes returned by read(%d)", Math.min(READ_CHUNK, length - got))
                    .isLessThanOrEqualTo(length - got);
            System.arraycopy(chunk, 0, out, got, chunk.length);
            got += chunk.length;
        }
        return out;
    }

    /** Reads until the end of the stream (read returns an empty array) and returns every byte. */
    static byte[] readToEnd(Stream stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            byte[] chunk = await(stream.read(READ_CHUNK));
            if (chunk.length == 0) {
                return out.toByteArray();
            }
            out.write(chunk, 0, chunk.length);
        }
    }

    /** Asserts that the peer's FIN has been reached: read returns an empty array. */
    static void assertAtEnd(Stream stream) {
        assertThat(await(stream.read(1))).as("a read at the end of the stream").isEmpty();
    }

    /** Reads {@code expected.length} bytes and asserts they are {@code expected}. */
    static void assertReads(Stream stream, byte[] expected) {
        assertSameBytes(readExactly(stream, expected.length), expected, "the bytes read");
    }

    /**
     * Asserts that two byte arrays are equal, reporting the lengths and the first differing offset
     * instead of megabytes of values.
     */
    static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int common = Math.min(actual.length, expected.length);
        int mismatch = Arrays.mismatch(actual, expected);
        if (mismatch >= 0) {
            throw new AssertionError("Expected: " + what + " to be " + expected.length + " given bytes / Actual: "
                    + actual.length + " bytes, the first difference at offset " + mismatch
                    + (mismatch < common ? " (" + actual[mismatch] + " instead of " + expected[mismatch] + ")" : ""));
        }
    }

    /** Reads the UTF-8 text {@code expected} (its byte length). */
    static void assertReads(Stream stream, String expected) {
        assertThat(new String(readExactly(stream, utf8(expected).length), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- data

    /** The UTF-8 bytes of {@code text}. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code length} random bytes. */
    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The bytes at stream offsets {@code offset} to {@code offset + length}: byte i is {@code i mod 251}. */
    static byte[] pattern(long offset, int length) {
        byte[] bytes = new byte[length];
        int value = (int) (offset % PATTERN_PERIOD);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) value;
            value = value + 1 == PATTERN_PERIOD ? 0 : value + 1;
        }
        return bytes;
    }

    /** The first offset in {@code chunk} (which starts at stream offset {@code offset}) that breaks the pattern, or -1. */
    static long patternMismatch(long offset, byte[] chunk, int length) {
        int value = (int) (offset % PATTERN_PERIOD);
        for (int i = 0; i < length; i++) {
            if (chunk[i] != (byte) value) {
                return offset + i;
            }
            value = value + 1 == PATTERN_PERIOD ? 0 : value + 1;
        }
        return -1;
    }

    private static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        return String.valueOf(value);
    }
}
