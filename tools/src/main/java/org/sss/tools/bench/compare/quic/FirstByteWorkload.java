package org.sss.tools.bench.compare.quic;

import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Loopback;

/**
 * Time to first byte of a fresh connection, one connection at a time: from the start of connecting,
 * through the handshake (no 0-RTT, so the request goes in the first 1-RTT packet the client may
 * send), opening a stream and sending a {@link Contender#REQUEST_BYTES}-byte request with FIN, to
 * the first byte of the echo. The whole echo is checked before the connection is closed. One
 * connection first warms up and is not counted.
 */
final class FirstByteWorkload {
    private FirstByteWorkload() {
    }

    /** One sample in nanoseconds per connection. */
    static long[] run(Loopback loopback, Duration duration, long seed) throws Exception {
        byte[][] requests = Payload.requests(seed, 64, Contender.REQUEST_BYTES);
        try (QuicPair pair = QuicPair.start(loopback, QuicSettings.forStreams(0), () -> EchoServerStream.INSTANCE)) {
            once(pair, requests[0]);
            long[] samples = new long[1024];
            int count = 0;
            long deadline = System.nanoTime() + duration.toNanos();
            while (count == 0 || System.nanoTime() < deadline) {
                if (count == samples.length) {
                    samples = Arrays.copyOf(samples, count * 2);
                }
                samples[count] = once(pair, requests[count % requests.length]);
                count++;
            }
            return Arrays.copyOf(samples, count);
        }
    }

    private static long once(QuicPair pair, byte[] request) throws Exception {
        long start = System.nanoTime();
        AtomicReference<QuicChannel> connection = new AtomicReference<>();
        Promise<Long> firstByte = pair.clientExecutor().newPromise();
        pair.connect().addListener(connected -> {
            if (!connected.isSuccess()) {
                firstByte.tryFailure(connected.cause());
                return;
            }
            QuicChannel channel = (QuicChannel) connected.getNow();
            connection.set(channel);
            EchoClientStream stream = new EchoClientStream(new EchoClientStream.Listener() {
                @Override
                public void replied(EchoClientStream echo, long firstByteNanos, long lastByteNanos) {
                    firstByte.trySuccess(firstByteNanos - start);
                }

                @Override
                public void failed(Throwable cause) {
                    firstByte.tryFailure(cause);
                }
            });
            channel.createStream(QuicStreamType.BIDIRECTIONAL, stream).addListener(created -> {
                if (created.isSuccess()) {
                    stream.request(request, true);
                } else {
                    firstByte.tryFailure(created.cause());
                }
            });
        });
        try {
            return Await.get(firstByte, "time to first byte");
        } finally {
            QuicChannel channel = connection.get();
            if (channel != null) {
                channel.close().sync();
            }
        }
    }
}
