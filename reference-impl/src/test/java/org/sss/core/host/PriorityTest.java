package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.pattern;
import static org.sss.core.host.StreamIo.patternMismatch;
import static org.sss.core.host.StreamIo.utf8;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.host.StreamPair.Ends;

/**
 * Stream priorities over real UDP on loopback (SPEC.md section 8.8): the default, inheritance,
 * changes seen locally and by the peer, and the scheduler's effect on a congestion-limited channel,
 * shown by the order of completions rather than by any speed.
 */
class PriorityTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final int MB = 1 << 20;

    @Test
    @DisplayName("STR-PRIO-1: top-level streams start at priority 2^31 at both ends, whoever opened them")
    void topLevelStreamsStartAtTheDefault() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends fromClient = pair.open();
        Ends fromServer = pair.openFromServer();
        Stream zeroRtt = pair.clientChannel.openStream(StreamPair.SERVICE, StreamPair.PROTOCOL);

        assertThat(Stream.DEFAULT_PRIORITY).isEqualTo(1L << 31);
        for (Stream stream : new Stream[] {fromClient.client(), fromClient.server(), fromServer.client(),
            fromServer.server(), zeroRtt, pair.nextAtServer()}) {
            assertThat(stream.priority()).isEqualTo(Stream.DEFAULT_PRIORITY);
        }
        assertThat(await(fromClient.client().statistics()).priority()).isEqualTo(Stream.DEFAULT_PRIORITY);
    }

    @Test
    @DisplayName("STR-PRIO-1, STR-PRIO-2: a new substream takes its parent's priority, at the opener and at the acceptor")
    void substreamsInheritTheirParentsPriority() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends top = pair.open();

        top.client().priority(12_345);
        awaitPriority(top.server(), 12_345);
        Stream child = top.client().openSubstream();
        assertThat(child.priority()).isEqualTo(12_345);
        child.write(utf8("child")); // a stream reaches the peer with its first data
        Stream childAtServer = await(top.server().acceptSubstream());
        assertThat(childAtServer.priority()).isEqualTo(12_345);

        child.priority(7);
        assertThat(top.client().priority()).as("the parent after its child changed").isEqualTo(12_345);
        awaitPriority(childAtServer, 7);
        Stream grandchild = child.openSubstream();
        assertThat(grandchild.priority()).isEqualTo(7);
        grandchild.write(utf8("grandchild"));
        assertThat(await(childAtServer.acceptSubstream()).priority()).isEqualTo(7);

        // the acceptor's own substreams inherit too
        Stream fromServer = top.server().openSubstream();
        assertThat(fromServer.priority()).isEqualTo(12_345);
        fromServer.write(utf8("from the server"));
        assertThat(await(top.client().acceptSubstream()).priority()).isEqualTo(12_345);
    }

    @Test
    @DisplayName("STR-PRIO-2: a priority change applies locally at once and reaches the peer; the latest change wins")
    void priorityChangesApplyLocallyAndReachThePeer() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();

        ends.client().priority(0);
        assertThat(ends.client().priority()).isZero();
        awaitPriority(ends.server(), 0);

        ends.client().priority(Stream.LOWEST_PRIORITY);
        assertThat(ends.client().priority()).isEqualTo(Stream.LOWEST_PRIORITY);
        assertThat(await(ends.client().statistics()).priority()).isEqualTo(Stream.LOWEST_PRIORITY);
        awaitPriority(ends.server(), Stream.LOWEST_PRIORITY);

        // the peer's PRIORITY frame, arriving last, becomes this end's priority too
        ends.server().priority(5);
        assertThat(ends.server().priority()).isEqualTo(5);
        awaitPriority(ends.client(), 5);
    }

    @Test
    @DisplayName("STR-PRIO-3: with the congestion window the limit, 1 MB of a high-priority stream completes before the next 4 MB of a running low-priority bulk stream")
    void highPriorityStreamOvertakesARunningBulkStream() {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        // the receiver grants far more credit than the transfer needs: flow control never binds
        ChannelConfig generous = LoopbackHosts.FAST_CHANNEL.toBuilder()
                .initialMaxData(256L * MB).initialMaxStreamData(128L * MB).build();
        StreamPair pair = StreamPair.start(HOSTS, HOSTS.config().channelConfig(generous), HOSTS.config());
        long lowTotal = 40L * MB;
        int highTotal = MB;
        int chunk = 64 * 1024;
        Progress progress = new Progress();

        Ends low = pair.open();
        low.client().priority(0xC000_0000L);
        CompletableFuture<Void> lowWriter = workers.run(() -> {
            for (long offset = 0; offset < lowTotal; offset += chunk) {
                await(low.client().write(pattern(offset, chunk)));
            }
            await(low.client().finish());
        });
        CompletableFuture<Void> lowReader = workers.run(() -> {
            readPattern(low.server(), lowTotal, progress::lowRead);
            StreamIo.assertAtEnd(low.server());
        });
        Await.until("the bulk stream to deliver its first 2 MB", progress::lowReceived, n -> n >= 2L * MB,
                StreamIo.STEP);

        long lowBeforeHigh = progress.lowReceived();
        Stream high = pair.clientChannel.openStream(StreamPair.SERVICE, StreamPair.PROTOCOL);
        high.priority(0x4000_0000L);
        CompletableFuture<Void> highWritten = high.write(pattern(0, highTotal));
        high.finish();
        Stream highAtServer = pair.nextAtServer();
        long lowWhenHighDone = await(workers.submit(() -> {
            readPattern(highAtServer, highTotal, n -> { });
            return progress.highDone();
        }));
        StreamIo.assertAtEnd(highAtServer);
        await(highWritten);

        Duration bulk = StreamIo.STEP.multipliedBy(4);
        await(lowWriter, bulk);
        await(lowReader, bulk);
        assertThat(lowBeforeHigh).as("bulk bytes delivered when the high-priority stream started")
                .isLessThan(lowTotal - 8L * MB);
        // SPEC STR-PRIO-3: no new data of the bulk stream while the urgent one can send; what still arrives
        // is what was in flight (at most a congestion window) when it started
        assertThat(lowWhenHighDone - lowBeforeHigh)
                .as("bulk bytes delivered while 1 MB of the high-priority stream was delivered")
                .isLessThan(4L * MB);
    }

    /** Reads {@code total} bytes of the pattern, reporting each chunk's length. */
    private static void readPattern(Stream stream, long total, LongConsumer onRead) {
        long offset = 0;
        while (offset < total) {
            byte[] chunk = await(stream.read(StreamIo.READ_CHUNK));
            assertThat(chunk).as("data at offset %d of %d", offset, total).isNotEmpty();
            long mismatch = patternMismatch(offset, chunk, chunk.length);
            assertThat(mismatch).as("first offset that breaks the pattern").isEqualTo(-1L);
            offset += chunk.length;
            onRead.accept(chunk.length);
        }
        assertThat(offset).isEqualTo(total);
    }

    private static void awaitPriority(Stream stream, long priority) {
        Await.until("the stream's priority to become " + priority, stream::priority, p -> p == priority,
                StreamIo.STEP);
    }

    /** Bytes of the bulk stream delivered, and how many had been when the urgent stream completed. */
    private static final class Progress {
        private long lowReceived;
        private long lowWhenHighDone = -1;

        synchronized void lowRead(long bytes) {
            lowReceived += bytes;
        }

        synchronized long lowReceived() {
            return lowReceived;
        }

        synchronized long highDone() {
            lowWhenHighDone = lowReceived;
            return lowWhenHighDone;
        }
    }
}
