package org.sss.tools.bench.compare.quic;

import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Contender.ManyStreams;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.MemoryProbe;

/**
 * Many open streams on one connection: {@code count} streams, {@code inFlight} being opened at a
 * time, each sending one random byte that the server echoes (checked) and then left open. The open
 * rate runs from the first open to the last echo; the memory readings are taken before the first
 * open (after the handshake) and after the last echo, with every stream still open at both ends.
 */
final class ManyStreamsWorkload {
    private ManyStreamsWorkload() {
    }

    static ManyStreams run(Loopback loopback, int count, int inFlight, long seed) throws Exception {
        if (count < 1 || inFlight < 1) {
            throw new IllegalArgumentException("many streams: count " + count + ", in flight " + inFlight);
        }
        byte[] bytes = Payload.bytes(new SplittableRandom(seed), count);
        try (QuicPair pair = QuicPair.start(loopback, QuicSettings.forStreams(count), () -> EchoServerStream.INSTANCE)) {
            QuicChannel connection = Await.get(pair.connect(), "many streams: handshake");
            long heapBefore = MemoryProbe.settledHeap();
            long residentBefore = MemoryProbe.residentSet();
            Opener opener = new Opener(connection, bytes);
            long start = System.nanoTime();
            connection.eventLoop().execute(() -> {
                for (int i = 0; i < Math.min(inFlight, count); i++) {
                    opener.openNext();
                }
            });
            try {
                opener.completion.await(Await.STEP_MILLIS + count * 10L, "opening " + count + " streams");
            } catch (TimeoutException e) {
                throw new TimeoutException(e.getMessage() + " (" + opener.opened + " opened, " + opener.echoed
                        + " echoed)");
            }
            double seconds = (opener.lastEcho - start) / 1e9;
            long heapAfter = MemoryProbe.settledHeap();
            long residentAfter = MemoryProbe.residentSet();
            long open = opener.streams.stream().filter(QuicStreamChannel::isActive).count();
            if (open != count) {
                throw new IllegalStateException("QUIC many streams: " + open + " of " + count + " streams still open");
            }
            connection.close().sync();
            double resident = residentBefore < 0 || residentAfter < 0 ? Double.NaN
                    : (residentAfter - residentBefore) / (double) count;
            return new ManyStreams(count / seconds, (heapAfter - heapBefore) / (double) count, resident);
        }
    }

    /** Opens the streams, the next one whenever one has its echo; used on the connection's event loop. */
    private static final class Opener implements EchoClientStream.Listener {
        final Completion completion = new Completion(1);
        final List<QuicStreamChannel> streams = new ArrayList<>();
        volatile long lastEcho;
        private final QuicChannel connection;
        private final byte[] bytes;
        private volatile int opened;
        private volatile int echoed;

        Opener(QuicChannel connection, byte[] bytes) {
            this.connection = connection;
            this.bytes = bytes;
        }

        void openNext() {
            if (opened == bytes.length || completion.hasFailed()) {
                return;
            }
            byte[] request = {bytes[opened++]};
            EchoClientStream stream = new EchoClientStream(this);
            connection.createStream(QuicStreamType.BIDIRECTIONAL, stream).addListener(created -> {
                if (created.isSuccess()) {
                    streams.add((QuicStreamChannel) created.getNow());
                    stream.request(request, false);
                } else {
                    completion.fail(created.cause());
                }
            });
        }

        @Override
        public void replied(EchoClientStream stream, long firstByteNanos, long lastByteNanos) {
            echoed++;
            if (echoed == bytes.length) {
                lastEcho = lastByteNanos;
                completion.done();
            } else {
                openNext();
            }
        }

        @Override
        public void failed(Throwable cause) {
            completion.fail(cause);
        }
    }
}
