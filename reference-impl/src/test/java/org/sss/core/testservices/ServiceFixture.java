package org.sss.core.testservices;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sss.core.host.PipeStreams;
import org.sss.core.host.PipeStreams.Pair;
import org.sss.core.host.ServiceHandler;
import org.sss.core.host.Stream;

/** Runs a test service on one end of an in-memory stream pair, as a host would after an OK reply. */
final class ServiceFixture {
    static final long PATIENCE_SECONDS = 15;

    private ServiceFixture() {
    }

    /** A new stream pair whose acceptor end is handed to {@code handler} on the pipe's loop. */
    static Pair serve(PipeStreams pipe, ServiceHandler handler) {
        Pair pair = pipe.open();
        pipe.call(() -> {
            handler.onStream(pair.acceptor());
            return null;
        });
        return pair;
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("Expected: success / Actual: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: completion within " + PATIENCE_SECONDS + " s / Actual: still pending");
        }
    }

    static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("Expected: a failure / Actual: completed with " + value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: a failure within " + PATIENCE_SECONDS + " s / Actual: still pending");
        }
    }

    /** Reads {@code stream} to its end, ignoring record boundaries. */
    static byte[] readToEnd(Stream stream) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            byte[] bytes = await(stream.read(64 * 1024));
            if (bytes.length == 0) {
                return all.toByteArray();
            }
            all.write(bytes, 0, bytes.length);
        }
    }
}
