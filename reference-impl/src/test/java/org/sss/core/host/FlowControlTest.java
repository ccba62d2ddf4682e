package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertReads;
import static org.sss.core.host.StreamIo.assertSameBytes;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.pattern;
import static org.sss.core.host.StreamIo.readExactly;
import static org.sss.core.host.StreamIo.utf8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.host.StreamPair.Ends;

/**
 * Flow control seen through the public API over real UDP on loopback (SPEC.md section 6.7): a
 * receiver that does not read stops the sender, whose write futures then stay pending, and
 * reading resumes it; the channel-wide limit holds back every stream.
 */
class FlowControlTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final int KB = 1024;
    private static final int CHUNK = 64 * KB;
    /** How long a stopped sender is watched for progress it should not make. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @Test
    @DisplayName("CHN-FLOW-1, CHN-FLOW-5: a receiver that does not read stops the sender at the stream limit; write futures stay pending until it reads")
    void unreadStreamStopsTheSenderUntilRead() {
        int window = 64 * KB;
        StreamPair pair = StreamPair.start(HOSTS, HOSTS.config().channelConfig(channel(16L * window, window)),
                HOSTS.config());
        Ends ends = pair.open();
        int total = 64 * CHUNK; // 4 MiB: far more than the window and any send buffer

        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int offset = 0; offset < total; offset += CHUNK) {
            writes.add(ends.client().write(pattern(offset, CHUNK)));
        }
        long completed = awaitStalled(writes);

        assertThat(completed).as("bytes whose writes completed while the receiver read nothing").isLessThan(total);
        assertThat(writes.get(writes.size() - 1)).as("the last write").isNotDone();
        // SPEC CHN-FLOW-1: nothing beyond the receiver's stream limit was sent
        StreamStatistics atReceiver = await(ends.server().statistics());
        assertThat(atReceiver.bytesReceived()).as("bytes the receiver got").isLessThanOrEqualTo(window);
        assertThat(atReceiver.receiveQueueBytes()).isLessThanOrEqualTo(window);

        // reading releases credit (CHN-FLOW-5) and every write completes, the data intact
        assertSameBytes(readExactly(ends.server(), total), pattern(0, total), "the bytes read");
        writes.forEach(StreamIo::await);
    }

    @Test
    @DisplayName("CHN-FLOW-1, CHN-FLOW-2, CHN-FLOW-3: an unread stream stops at its own limit and holds no other stream back")
    void anUnreadStreamStopsAtItsLimitAndHoldsNoOtherBack() {
        int streamWindow = 64 * KB;
        int channelWindow = 2 * streamWindow;
        StreamPair pair = StreamPair.start(HOSTS,
                HOSTS.config().channelConfig(channel(channelWindow, streamWindow)), HOSTS.config());
        Ends first = pair.open();
        int total = 8 * streamWindow;

        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int offset = 0; offset < total; offset += CHUNK) {
            writes.add(first.client().write(pattern(offset, CHUNK)));
        }
        Await.until("the unread stream to fill its window",
                () -> await(first.server().statistics()).bytesReceived(),
                n -> n >= streamWindow - 2 * KB, StreamIo.STEP);
        // SPEC CHN-FLOW-1: the sender stops at the stream's limit (a byte more would be a FLOW_CONTROL_ERROR,
        // CHN-FLOW-3, and close the channel)
        assertThat(await(first.server().statistics()).bytesReceived()).isLessThanOrEqualTo(streamWindow);
        // the channel's credit comes back as data reaches a stream, so a second stream passes while the first is unread
        Stream second = pair.clientChannel.openStream(StreamPair.SERVICE, StreamPair.PROTOCOL);
        await(second.write(utf8("not held back")));
        assertReads(pair.nextAtServer(), "not held back");
        assertThat(await(first.server().statistics()).bytesReceived()).isLessThanOrEqualTo(streamWindow);

        assertSameBytes(readExactly(first.server(), total), pattern(0, total), "the first stream's bytes");
        writes.forEach(StreamIo::await);
    }

    @Test
    @DisplayName("CHN-FLOW-1, CHN-FLOW-5: a writer that waits for each write moves a transfer many windows long through a small window")
    void transferManyWindowsLong() {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        int window = 16 * KB;
        StreamPair pair = StreamPair.start(HOSTS, HOSTS.config().channelConfig(channel(4L * window, window)),
                HOSTS.config());
        Ends ends = pair.open();
        int total = 2 * 1024 * KB; // 128 windows

        CompletableFuture<Void> writer = workers.run(() -> {
            for (int offset = 0; offset < total; offset += 4 * KB) {
                await(ends.client().write(pattern(offset, 4 * KB)));
            }
            await(ends.client().finish());
        });
        assertSameBytes(readExactly(ends.server(), total), pattern(0, total), "the bytes read");
        StreamIo.assertAtEnd(ends.server());
        await(writer);
    }

    /** The test channel with the given limits for data this end receives. */
    private static ChannelConfig channel(long maxData, long maxStreamData) {
        return LoopbackHosts.FAST_CHANNEL.toBuilder().initialMaxData(maxData).initialMaxStreamData(maxStreamData)
                .build();
    }

    /** Waits until the completed writes stop growing for {@link #QUIET}; returns the bytes they hold. */
    private static long awaitStalled(List<CompletableFuture<Void>> writes) {
        long deadline = System.nanoTime() + StreamIo.STEP.toNanos();
        int done = completedPrefix(writes);
        while (true) {
            Await.sleep(QUIET);
            int now = completedPrefix(writes);
            if (now == done) {
                return (long) done * CHUNK;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Expected: the sender to stop / Actual: " + now + " of " + writes.size()
                        + " writes completed and still rising");
            }
            done = now;
        }
    }

    /** How many writes, from the first, have completed (they complete in order). */
    private static int completedPrefix(List<CompletableFuture<Void>> writes) {
        int n = 0;
        while (n < writes.size() && writes.get(n).isDone()) {
            n++;
        }
        return n;
    }
}
