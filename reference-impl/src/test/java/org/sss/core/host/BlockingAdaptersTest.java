package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertSameBytes;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.randomBytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;

/**
 * The blocking {@link InputStream} and {@link OutputStream} views of a stream over real UDP on
 * loopback, used as applications use them: on threads of their own, never the event loop.
 */
class BlockingAdaptersTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final Duration BULK = StreamIo.STEP.multipliedBy(4);

    @Test
    @DisplayName("STR-DATA-1, STR-FIN-3: 10 MB copied through OutputStream and InputStream arrive byte-exact; close finishes, -1 marks the end")
    void tenMegabytesThroughTheAdapters() {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();
        byte[] data = randomBytes(HOSTS.random(), TEN_MB);

        CompletableFuture<Void> writer = workers.run(() -> copyOut(data, ends.client().outputStream(), 100_000));
        CompletableFuture<byte[]> reader = workers.submit(() -> copyIn(ends.server().inputStream(), 65_536));

        await(writer, BULK);
        assertSameBytes(await(reader, BULK), data, "the bytes read through the InputStream");
        assertThat(ends.client().closed().isDone()).as("closed() with only one direction finished").isFalse();
    }

    @Test
    @DisplayName("STR-DATA-1: 10 MB each way at once through the adapters of one stream")
    void tenMegabytesEachWayAtOnce() {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();
        Random random = HOSTS.random();
        byte[] up = randomBytes(random, TEN_MB);
        byte[] down = randomBytes(random, TEN_MB);

        CompletableFuture<Void> upWriter = workers.run(() -> copyOut(up, ends.client().outputStream(), 8192));
        CompletableFuture<Void> downWriter = workers.run(() -> copyOut(down, ends.server().outputStream(), 1_000_000));
        CompletableFuture<byte[]> upReader = workers.submit(() -> copyIn(ends.server().inputStream(), 1000));
        CompletableFuture<byte[]> downReader = workers.submit(() -> copyIn(ends.client().inputStream(), 1 << 20));

        await(upWriter, BULK);
        await(downWriter, BULK);
        assertSameBytes(await(upReader, BULK), up, "the bytes the server read");
        assertSameBytes(await(downReader, BULK), down, "the bytes the client read");
        await(ends.client().closed());
        await(ends.server().closed());
    }

    @Test
    @DisplayName("InputStream/OutputStream contracts: single bytes, offsets into arrays, and -1 repeated at the end")
    void singleBytesAndOffsets() {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();

        await(workers.run(() -> {
            OutputStream out = ends.client().outputStream();
            out.write('a');
            out.write(0xFF);
            out.write(new byte[] {9, 8, 'b', 'c', 'd', 7}, 2, 3);
            out.write(new byte[0]);
            out.close();
        }));
        await(workers.run(() -> {
            InputStream in = ends.server().inputStream();
            assertThat(in.read()).isEqualTo('a');
            assertThat(in.read()).as("a byte above 127 reads as an int from 0 to 255").isEqualTo(0xFF);
            byte[] target = new byte[] {0, 0, 0, 0, 0};
            int n = 0;
            while (n < 3) {
                int got = in.read(target, 1 + n, 3 - n);
                assertThat(got).isPositive();
                n += got;
            }
            assertThat(target).containsExactly(0, 'b', 'c', 'd', 0);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(target, 0, 5)).isEqualTo(-1);
            assertThat(in.read(target, 0, 0)).isZero();
        }));
    }

    private static void copyOut(byte[] data, OutputStream out, int chunk) throws IOException {
        try (out) {
            for (int offset = 0; offset < data.length; offset += chunk) {
                out.write(data, offset, Math.min(chunk, data.length - offset));
            }
        }
    }

    private static byte[] copyIn(InputStream in, int bufferSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferSize];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
