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
 * time for twice the duration, each echo checked byte for byte, alternating between one stream kept
 * open and a new stream per request (opened, sent with FIN, echoed and finished by the server), so
 * that both kinds sample the same machine state. Each sample runs from just before the request is
 * written (or the stream created) to the last byte of its echo. The loop runs on the client's event
 * loop, so no thread hand-off is measured.
 */
final class RequestResponseWorkload {
    private static final int INITIAL_SAMPLES = 4096;

    private RequestResponseWorkload() {
    }

    static Latencies run(Loopback loopback, Duration duration, long seed) throws Exception {
        byte[][] requests = Payload.requests(seed, 64, Contender.REQUEST_BYTES);
        try (QuicPair pair = QuicPair.start(loopback, QuicSettings.forStreams(0), () -> EchoServerStream.INSTANCE)) {
            QuicChannel connection = Await.get(pair.connect(), "request/response: handshake");
            Duration total = duration.multipliedBy(2);
            Alternation loop = new Alternation(connection, requests, total);
            QuicStreamChannel channel = Await.get(connection.createStream(QuicStreamType.BIDIRECTIONAL, loop.existing),
                    "request/response: opening the stream");
            channel.eventLoop().execute(loop::requestOnExisting);
            loop.completion.await(total.toMillis() + Await.STEP_MILLIS,
                    "request/response on an existing stream and fresh ones, alternating");
            channel.close().sync();
            connection.close().sync();
            return new Latencies(loop.existingSamples.toArray(), loop.freshSamples.toArray());
        }
    }

    /**
     * One request on the existing stream, then one on a fresh stream, and again, until the deadline;
     * used on the connection's event loop only.
     */
    private static final class Alternation {
        final Completion completion = new Completion(1);
        final Samples existingSamples = new Samples();
        final Samples freshSamples = new Samples();
        final EchoClientStream existing;
        private final QuicChannel connection;
        private final byte[][] requests;
        private final long deadline;
        private int sent;

        Alternation(QuicChannel connection, byte[][] requests, Duration duration) {
            this.connection = connection;
            this.requests = requests;
            this.deadline = System.nanoTime() + duration.toNanos();
            this.existing = new EchoClientStream(new EchoClientStream.Listener() {
                @Override
                public void replied(EchoClientStream echo, long firstByteNanos, long lastByteNanos) {
                    existingSamples.add(lastByteNanos);
                    if (goesOn(lastByteNanos)) {
                        requestOnFresh();
                    }
                }

                @Override
                public void failed(Throwable cause) {
                    completion.fail(cause);
                }
            });
        }

        void requestOnExisting() {
            existingSamples.start();
            existing.request(nextRequest(), false);
        }

        private void requestOnFresh() {
            freshSamples.start();
            EchoClientStream stream = new EchoClientStream(new EchoClientStream.Listener() {
                @Override
                public void replied(EchoClientStream echo, long firstByteNanos, long lastByteNanos) {
                    freshSamples.add(lastByteNanos);
                    if (goesOn(lastByteNanos)) {
                        requestOnExisting();
                    }
                }

                @Override
                public void failed(Throwable cause) {
                    completion.fail(cause);
                }
            });
            connection.createStream(QuicStreamType.BIDIRECTIONAL, stream).addListener(created -> {
                if (created.isSuccess()) {
                    stream.request(nextRequest(), true);
                } else {
                    completion.fail(created.cause());
                }
            });
        }

        private byte[] nextRequest() {
            return requests[sent++ % requests.length];
        }

        /** Whether another request follows the one that ended at {@code end}; if not, the loop is done. */
        private boolean goesOn(long end) {
            if (completion.hasFailed()) {
                return false;
            }
            if (end - deadline < 0) {
                return true;
            }
            completion.done();
            return false;
        }
    }

    /** Latency samples of one kind. */
    private static final class Samples {
        private long[] values = new long[INITIAL_SAMPLES];
        private int count;
        private long start;

        void start() {
            start = System.nanoTime();
        }

        void add(long end) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = end - start;
        }

        long[] toArray() {
            return Arrays.copyOf(values, count);
        }
    }
}
