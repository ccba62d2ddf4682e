package org.sss.tools.bench.compare.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Loopback;

/**
 * Bulk goodput over {@code connections} TLS connections, all connected and through their
 * handshakes before the clock starts. Each carries an even share of the bytes ({@link BulkClient},
 * {@link BulkServer}: the share is announced in an 8-byte prefix, the server answers with its
 * count); the clock runs from the first write to the last verified answer.
 */
final class BulkWorkload {
    /** Bytes per write. */
    static final int WRITE_BYTES = 64 * 1024;

    private BulkWorkload() {
    }

    /** Returns MB/s (10^6 bytes per second). */
    static double run(Loopback loopback, TlsSetup setup, long bytes, int connections, long seed) throws Exception {
        if (connections < 1 || bytes < connections) {
            throw new IllegalArgumentException("bulk: " + bytes + " bytes over " + connections + " connections");
        }
        byte[] content = new byte[WRITE_BYTES];
        new SplittableRandom(seed).nextBytes(content);
        ByteBuf chunk = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(content));
        Queue<String> serverFailures = new ConcurrentLinkedQueue<>();
        try (TlsPair pair = TlsPair.start(loopback, setup, () -> new BulkServer(serverFailures))) {
            List<BulkClient> clients = new ArrayList<>();
            List<CompletableFuture<Channel>> connecting = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                long share = bytes / connections + (i < bytes % connections ? 1 : 0);
                BulkClient client = new BulkClient(chunk, share);
                clients.add(client);
                connecting.add(pair.connect(client));
            }
            Await.get(CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)), Await.STEP_MILLIS,
                    TimeUnit.MILLISECONDS, "bulk: connecting " + connections + " connections");
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                clients.get(i).start(connecting.get(i).join());
            }
            CompletableFuture<?>[] answers = clients.stream().map(BulkClient::answered).toArray(CompletableFuture[]::new);
            // at least 1 MB/s, or it counts as stuck
            long timeoutMillis = Await.STEP_MILLIS + bytes / 1000;
            Await.get(CompletableFuture.allOf(answers), timeoutMillis, TimeUnit.MILLISECONDS,
                    "bulk: " + bytes + " bytes over " + connections + " connections");
            long end = clients.stream().mapToLong(client -> client.answered().join()).max().orElseThrow();
            if (!serverFailures.isEmpty()) {
                throw new IllegalStateException("TLS bulk: " + serverFailures.peek());
            }
            pair.verifyFullHandshakes();
            return bytes * 1e3 / (end - start);
        }
    }
}
