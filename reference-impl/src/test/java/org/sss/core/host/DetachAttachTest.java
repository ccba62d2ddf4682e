package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertAtEnd;
import static org.sss.core.host.StreamIo.assertReads;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.misuse;
import static org.sss.core.host.StreamIo.pattern;
import static org.sss.core.host.StreamIo.patternMismatch;
import static org.sss.core.host.StreamIo.utf8;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;
import org.sss.core.wire.Usid;

/**
 * Moving a stream between channels to the same peer over real UDP on loopback (SPEC.md section
 * 8.9): mid-transfer, by either end, with the old channel closed afterwards, and the refusal of a
 * channel to another peer.
 */
class DetachAttachTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final int MB = 1 << 20;
    private static final int CHUNK = 32 * 1024;
    private static final Duration BULK = StreamIo.STEP.multipliedBy(4);

    @Test
    @DisplayName("STR-ATTACH-1, STR-ATTACH-5, STR-ATTACH-6, STR-DATA-1: the opener moves a stream mid-transfer; the data continues byte-exact")
    void openerMovesAStreamMidTransfer() throws InterruptedException {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        StreamPair pair = StreamPair.start(HOSTS);
        SecureChannel[] second = pair.connectAgain();
        Ends ends = pair.open();
        Usid usid = ends.client().usid();
        long lsidBefore = ends.client().lsid();
        long total = 4L * MB;
        Transfer transfer = Transfer.start(workers, ends.client(), ends.server(), total, MB);

        // the reader has stopped after 1 MB, so the writer waits on the window with data still to send
        transfer.awaitPaused();
        await(ends.client().attach(second[0]));
        transfer.resume();

        assertThat(ends.client().channel()).isSameAs(second[0]);
        assertThat(ends.client().usid()).isEqualTo(usid);
        // SPEC STR-ATTACH-1: a fresh LSID of the attacher's parity (the client initiated the new channel)
        assertThat(ends.client().lsid()).as("LSID on the new channel (%d on the old)", lsidBefore).isPositive().isOdd();
        transfer.awaitEnd();
        assertThat(ends.server().usid()).isEqualTo(usid);
        // the other direction works after the move as well
        await(ends.server().write(utf8("answer after the move")));
        assertReads(ends.client(), "answer after the move");
        await(ends.server().finish());
        assertAtEnd(ends.client());
        await(ends.client().closed());
        await(ends.server().closed());
    }

    @Test
    @DisplayName("STR-ATTACH-1, STR-ATTACH-6: the acceptor moves a stream mid-transfer to its end of another channel")
    void acceptorMovesAStreamMidTransfer() throws InterruptedException {
        StreamWorkers workers = StreamWorkers.start(HOSTS);
        StreamPair pair = StreamPair.start(HOSTS);
        SecureChannel[] second = pair.connectAgain();
        Ends ends = pair.open();
        Transfer transfer = Transfer.start(workers, ends.server(), ends.client(), 3L * MB, MB);

        transfer.awaitPaused();
        await(ends.server().attach(second[1]));
        transfer.resume();

        assertThat(ends.server().channel()).isSameAs(second[1]);
        // SPEC STR-ATTACH-1: the responder of the new channel attaches under an even LSID
        assertThat(ends.server().lsid()).isPositive().isEven();
        transfer.awaitEnd();
        await(ends.client().write(utf8("question after the move")));
        assertReads(ends.server(), "question after the move");
    }

    @Test
    @DisplayName("STR-ATTACH-5, STR-ATTACH-8: after a move, closing the old channel leaves the stream working")
    void closingTheOldChannelAfterAMoveLeavesTheStreamWorking() {
        StreamPair pair = StreamPair.start(HOSTS);
        SecureChannel[] second = pair.connectAgain();
        Ends ends = pair.open();
        await(ends.client().write(utf8("on the first channel")));
        assertReads(ends.server(), "on the first channel");

        await(ends.client().attach(second[0]));
        await(ends.client().write(utf8("on the second channel")));
        assertReads(ends.server(), "on the second channel");
        await(pair.clientChannel.close("moved away"));
        await(pair.serverChannel.closed());

        await(ends.client().write(utf8("after the first closed")));
        assertReads(ends.server(), "after the first closed");
        await(ends.server().write(utf8("and back")));
        assertReads(ends.client(), "and back");
    }

    @Test
    @DisplayName("Section 8.9: attaching to a channel to a different peer fails with IllegalArgumentException and leaves the stream where it was")
    void attachingToAnotherPeersChannelIsRefused() {
        StreamPair pair = StreamPair.start(HOSTS);
        Host third = pair.startThirdHost();
        SecureChannel toThird = LoopbackHosts.connect(pair.client, third.localAddress(), third);
        Ends ends = pair.open();

        assertThat(misuse(() -> ends.client().attach(toThird))).isInstanceOf(IllegalArgumentException.class);

        assertThat(ends.client().channel()).isSameAs(pair.clientChannel);
        await(ends.client().write(utf8("still here")));
        assertReads(ends.server(), "still here");
    }

    /**
     * A patterned transfer on worker threads whose reader pauses after a given number of bytes until
     * the test resumes it.
     */
    private static final class Transfer {
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);
        private final AtomicLong read = new AtomicLong();
        private CompletableFuture<Void> writer;
        private CompletableFuture<Void> reader;

        static Transfer start(StreamWorkers workers, Stream from, Stream to, long total, long pauseAt) {
            Transfer transfer = new Transfer();
            transfer.writer = workers.run(() -> {
                for (long offset = 0; offset < total; offset += CHUNK) {
                    await(from.write(pattern(offset, (int) Math.min(CHUNK, total - offset))));
                }
                await(from.finish(), BULK);
            });
            transfer.reader = workers.run(() -> {
                long offset = 0;
                while (offset < total) {
                    if (offset >= pauseAt && transfer.paused.getCount() > 0) {
                        transfer.paused.countDown();
                        if (!transfer.resumed.await(StreamIo.STEP.toMillis(), TimeUnit.MILLISECONDS)) {
                            throw new AssertionError("the test did not resume the reader");
                        }
                    }
                    int want = (int) Math.min(CHUNK, (offset < pauseAt ? pauseAt : total) - offset);
                    byte[] chunk = await(to.read(want));
                    assertThat(chunk).as("data at offset %d of %d", offset, total).isNotEmpty();
                    assertThat(patternMismatch(offset, chunk, chunk.length)).as("first offset off the pattern")
                            .isEqualTo(-1L);
                    offset += chunk.length;
                    transfer.read.set(offset);
                }
                assertAtEnd(to);
            });
            return transfer;
        }

        void awaitPaused() throws InterruptedException {
            if (!paused.await(StreamIo.STEP.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Expected: the reader to reach its pause / Actual: " + read.get() + " bytes read");
            }
        }

        void resume() {
            resumed.countDown();
        }

        void awaitEnd() {
            StreamIo.await(writer, BULK);
            StreamIo.await(reader, BULK);
        }
    }
}
