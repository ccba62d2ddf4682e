package org.sss.tools.bench.compare.quic;

import io.netty.handler.codec.quic.QuicChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Loopback;

/**
 * Full handshakes per second: {@code concurrency} loops on one client socket, each connecting,
 * checking that the connection is active with the benchmark's ALPN, closing it and connecting again
 * until the duration is over. Every connection is new: no session resumption (the client engines
 * are made without a peer host, so Netty's client session cache is never consulted) and no 0-RTT.
 */
final class HandshakeWorkload {
    private HandshakeWorkload() {
    }

    /** Handshakes completed per second of the run (the last in-flight ones count and extend it). */
    static double run(Loopback loopback, Duration duration, int concurrency) throws Exception {
        try (QuicPair pair = QuicPair.start(loopback, QuicSettings.forStreams(0), () -> EchoServerStream.INSTANCE)) {
            QuicChannel warmUp = Await.get(pair.connect(), "handshakes: warm-up handshake");
            warmUp.close().sync();
            long warmUpConnections = pair.serverConnections();
            AtomicLong completed = new AtomicLong();
            Completion completion = new Completion(concurrency);
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            for (int i = 0; i < concurrency; i++) {
                connectLoop(pair, deadline, completed, completion);
            }
            completion.await(duration.toMillis() + Await.STEP_MILLIS, "handshakes");
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitServerCount(pair, warmUpConnections + completed.get());
            return completed.get() / seconds;
        }
    }

    private static void connectLoop(QuicPair pair, long deadline, AtomicLong completed, Completion completion) {
        pair.connect().addListener(connected -> {
            if (!connected.isSuccess()) {
                completion.fail(connected.cause());
                return;
            }
            QuicChannel connection = (QuicChannel) connected.getNow();
            String protocol = connection.sslEngine().getApplicationProtocol();
            if (!connection.isActive() || !QuicSettings.ALPN.equals(protocol)) {
                completion.fail(new IllegalStateException("handshake done but connection active "
                        + connection.isActive() + ", ALPN " + protocol));
                return;
            }
            completed.incrementAndGet();
            connection.close().addListener(closed -> {
                if (completion.hasFailed()) {
                    return;
                }
                if (System.nanoTime() < deadline) {
                    connectLoop(pair, deadline, completed, completion);
                } else {
                    completion.done();
                }
            });
        });
    }

    /** The server sees a connection established one flight after the client does; give it that time. */
    private static void awaitServerCount(QuicPair pair, long expected) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Await.STEP_MILLIS);
        while (pair.serverConnections() < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("QUIC handshakes: the client completed " + expected
                        + " (with the warm-up) but the server established only " + pair.serverConnections());
            }
            Thread.sleep(10);
        }
    }
}
