package org.sss.tools.bench.compare.tls;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.EchoServerHandler;
import org.sss.tools.bench.compare.Loopback;

/**
 * Full handshakes per second: {@code concurrency} loops, each opening a new TCP connection, waiting
 * for the client's end of a full TLS 1.3 handshake (after which the client may send), closing the
 * connection (close_notify, then FIN), waiting for the close, and starting again until the
 * duration has passed. The rate is the handshakes finished over the time from the start until the
 * last loop stopped.
 */
final class HandshakeWorkload {
    private HandshakeWorkload() {
    }

    static double run(Loopback loopback, TlsSetup setup, Duration duration, int concurrency) throws Exception {
        if (concurrency < 1) {
            throw new IllegalArgumentException("handshakes: concurrency " + concurrency);
        }
        try (TlsPair pair = TlsPair.start(loopback, setup, () -> EchoServerHandler.INSTANCE)) {
            Loops loops = new Loops(pair, concurrency, System.nanoTime() + duration.toNanos());
            long start = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                loops.next();
            }
            Await.get(loops.stopped, duration.toMillis() + Await.STEP_MILLIS, TimeUnit.MILLISECONDS,
                    "handshakes at concurrency " + concurrency);
            long end = System.nanoTime();
            long handshakes = loops.closed.get();
            if (handshakes != pair.handshakes() || handshakes == 0) {
                throw new IllegalStateException("TLS handshakes: " + handshakes + " connections closed, "
                        + pair.handshakes() + " handshakes finished");
            }
            pair.verifyFullHandshakes();
            return handshakes * 1e9 / (end - start);
        }
    }

    /** The connect-handshake-close loops. */
    private static final class Loops {
        final CompletableFuture<Void> stopped = new CompletableFuture<>();
        final AtomicLong closed = new AtomicLong();
        private final TlsPair pair;
        private final AtomicInteger running;
        private final long deadline;

        Loops(TlsPair pair, int concurrency, long deadline) {
            this.pair = pair;
            this.running = new AtomicInteger(concurrency);
            this.deadline = deadline;
        }

        void next() {
            if (System.nanoTime() - deadline >= 0) {
                if (running.decrementAndGet() == 0) {
                    stopped.complete(null);
                }
                return;
            }
            pair.connect(new EchoClient()).whenComplete((channel, failure) -> {
                if (failure != null) {
                    stopped.completeExceptionally(failure);
                } else {
                    close(channel);
                }
            });
        }

        private void close(Channel channel) {
            channel.close().addListener(close -> {
                closed.incrementAndGet();
                next();
            });
        }
    }
}
