package org.sss.tools.bench.compare.quic;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import java.util.concurrent.atomic.AtomicLong;
import org.sss.tools.bench.compare.Await;
import org.sss.tools.bench.compare.Loopback;

/** Bulk goodput: one connection, {@code streams} bidirectional streams written at once. */
final class BulkWorkload {
    private static final int CONTENT_SLICES = 16;
    private static final long MIN_TIMEOUT_MILLIS = 60_000;
    /** Gives up below 1 MB/s: no loopback run is that slow unless something is broken. */
    private static final long SLOWEST_BYTES_PER_MILLI = 1_000;

    private BulkWorkload() {
    }

    /** MB/s (10^6 bytes per second) from the first write to the last verified answer. */
    static double run(Loopback loopback, long bytes, int streams, long seed) throws Exception {
        if (streams < 1 || bytes < streams) {
            throw new IllegalArgumentException("bulk: " + bytes + " bytes over " + streams + " streams");
        }
        ByteBuf content = Payload.buffer(seed, CONTENT_SLICES * BulkClientStream.WRITE);
        try (QuicPair pair = QuicPair.start(loopback, QuicSettings.forStreams(streams), CountingServerStream::new)) {
            QuicChannel connection = Await.get(pair.connect(), "bulk: handshake");
            Completion completion = new Completion(streams);
            AtomicLong firstWrite = new AtomicLong();
            AtomicLong lastAnswer = new AtomicLong();
            for (int i = 0; i < streams; i++) {
                long share = bytes / streams + (i < bytes % streams ? 1 : 0);
                connection.createStream(QuicStreamType.BIDIRECTIONAL,
                        new BulkClientStream(content, share, i, firstWrite, lastAnswer, completion))
                        .addListener(created -> {
                            if (!created.isSuccess()) {
                                completion.fail(created.cause());
                            }
                        });
            }
            completion.await(MIN_TIMEOUT_MILLIS + bytes / SLOWEST_BYTES_PER_MILLI, "bulk of " + bytes + " bytes on "
                    + streams + " streams");
            connection.close().sync();
            return bytes / ((lastAnswer.get() - firstWrite.get()) / 1e9) / 1e6;
        } finally {
            content.release();
        }
    }
}
