package org.sss.tools.bench.compare.quic;

import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import java.time.Duration;
import java.util.Arrays;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Contender.Latencies;
import org.sss.tools.bench.compare.Loopback;

/**
 * Request/response latency on one connection, one {@link Contender#REQUEST_BYTES}-byte request at a
 * time, each echo checked byte for byte: first on one stream kept open, then on a new stream per
 * request (opened, sent with FIN, echoed and finished by the server). Each sample runs from just
 * before the request is written (or the stream created) to the last byte of its echo. The loops run
 * on the client's event loop, so no thread hand-off is measured.
 */
final class RequestResponseWorkload {
    private static final int INITIAL_SAMPLES = 4096;

    private RequestResponseWorkload() {
    }

    static Latencies run(Loopback loopback, Duration duration, long seed) throws Exception {
        byte[][] requests = Payload.requests(seed, 64, Contender.REQUEST_BYTES);
        try (QuicPair pair = QuicPair.start(loopback, QuicSettings.forStreams(0), () -> EchoServerStream.INSTANCE)) {
            QuicChannel connection = Await.get(pair.connect(), "request/response: handshake");
            long[] existing = onExistingStream(connection, duration, requests);
            long[] fresh = onFreshStreams(connection, duration, requests);
            connection.close().sync();
            return new Latencies(existing, fresh);
        }
    }

    private static long[] onExistingStream(QuicChannel connection, Duration duration, byte[][] requests)
            throws Exception {
        Samples samples = new Samples(duration);
        EchoClientStream stream = new EchoClientStream(new EchoClientStream.Listener() {
            @Override
            public void replied(EchoClientStream echo, long firstByteNanos, long lastByteNanos) {
                if (samples.add(lastByteNanos)) {
                    samples.start();
                    echo.request(requests[samples.count() % requests.length], false);
                }
            }

            @Override
            public void failed(Throwable cause) {
                samples.completion.fail(cause);
            }
        });
        QuicStreamChannel channel = Await.get(connection.createStream(QuicStreamType.BIDIRECTIONAL, stream),
                "request/response: opening the stream");
        channel.eventLoop().execute(() -> {
            samples.start();
            stream.request(requests[0], false);
        });
        samples.completion.await(duration.toMillis() + Await.STEP_MILLIS, "request/response on an existing stream");
        channel.close().sync();
        return samples.toArray();
    }

    private static long[] onFreshStreams(QuicChannel connection, Duration duration, byte[][] requests)
            throws Exception {
        Samples samples = new Samples(duration);
        connection.eventLoop().execute(() -> freshRequest(connection, samples, requests));
        samples.completion.await(duration.toMillis() + Await.STEP_MILLIS, "request/response on fresh streams");
        return samples.toArray();
    }

    private static void freshRequest(QuicChannel connection, Samples samples, byte[][] requests) {
        samples.start();
        EchoClientStream stream = new EchoClientStream(new EchoClientStream.Listener() {
            @Override
            public void replied(EchoClientStream echo, long firstByteNanos, long lastByteNanos) {
                if (samples.add(lastByteNanos)) {
                    freshRequest(connection, samples, requests);
                }
            }

            @Override
            public void failed(Throwable cause) {
                samples.completion.fail(cause);
            }
        });
        connection.createStream(QuicStreamType.BIDIRECTIONAL, stream).addListener(created -> {
            if (created.isSuccess()) {
                stream.request(requests[samples.count() % requests.length], true);
            } else {
                samples.completion.fail(created.cause());
            }
        });
    }

    /** Latency samples of one loop, which ends at its deadline; used on one event loop only. */
    private static final class Samples {
        final Completion completion = new Completion(1);
        private final long deadline;
        private long[] values = new long[INITIAL_SAMPLES];
        private int count;
        private long start;

        Samples(Duration duration) {
            deadline = System.nanoTime() + duration.toNanos();
        }

        void start() {
            start = System.nanoTime();
        }

        int count() {
            return count;
        }

        /** Records the exchange that ended at {@code end}; returns whether the loop goes on. */
        boolean add(long end) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = end - start;
            if (end < deadline) {
                return true;
            }
            completion.done();
            return false;
        }

        long[] toArray() {
            return Arrays.copyOf(values, count);
        }
    }
}
