package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.host.ImpairedLink.Direction;
import org.sss.core.host.ImpairedStreams.DigestSink;
import org.sss.core.testservices.TestServices;
import org.sss.core.wire.ErrorCode;

/**
 * A stream moves between channels to the same peer in mid-transfer without losing, repeating or
 * reordering a byte (SPEC.md section 8.9: STR-ATTACH-1, STR-ATTACH-5, STR-ATTACH-6), over lossy,
 * reordering paths; and a channel keeps going when the initiator's address changes under it, as
 * behind a NAT that rebinds (CHN-PATH-1).
 *
 * <p>Each channel runs through its own {@link ImpairedLink}, so the second channel is a second
 * path: the responder sees the initiator at another address there.
 */
@Tag("impaired")
class ImpairedMigrationTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final String SERVICE = "sink";
    private static final String PROTOCOL = "bulk/1";
    private static final long MIB = 1 << 20;
    private static final Duration TRANSFER_PATIENCE = Duration.ofMinutes(3);
    private static final Impairment LOSSY = Impairment.builder()
            .lossRate(0.03)
            .reorder(0.01, 3, Duration.ofMillis(20))
            .duplicateRate(0.01)
            .build();

    @Test
    void attachMovesAStreamToASecondChannelMidTransferAndEveryByteArrivesOnce() {
        Fixture f = new Fixture();
        ImpairedLink firstPath = f.path();
        SecureChannel first = LoopbackHosts.connect(f.initiator, firstPath.address(), f.responder);
        Stream stream = ImpairedStreams.await(first.connect(SERVICE, PROTOCOL), Await.PATIENCE, "the OK reply");
        ImpairedData data = new ImpairedData(HOSTS.nextSeed(), 6 * MIB);

        // half on the first channel; its tail is still unacknowledged when the stream moves
        ImpairedStreams.await(ImpairedStreams.write(stream, data, 3 * MIB), TRANSFER_PATIENCE, "3 MiB written");
        ImpairedLink secondPath = f.path();
        SecureChannel second = LoopbackHosts.connect(f.initiator, secondPath.address(), f.responder);
        assertThat(second.channelId()).isNotEqualTo(first.channelId());
        ImpairedStreams.await(stream.attach(second), Await.PATIENCE, "the stream to attach to the second channel");
        assertThat(stream.channel().channelId()).isEqualTo(second.channelId());
        long beforeSecondHalf = secondPath.counters(Direction.TO_RESPONDER).forwarded();

        // the other half on the second channel
        byte[] summary = ImpairedStreams.await(
                ImpairedStreams.sendToSink(stream, ImpairedStreams.writeAll(stream, data)), TRANSFER_PATIENCE,
                "the rest to be written, acknowledged and answered");

        // SPEC STR-ATTACH-5, STR-ATTACH-6: data merged by offset, as if it had come on one channel
        assertSummary(summary, data);
        // 3 MiB went over the second path: at least a thousand full packets
        assertThat(secondPath.counters(Direction.TO_RESPONDER).forwarded() - beforeSecondHalf)
                .as("datagrams over the second path after the attach").isGreaterThan(1_000);
        f.assertClean();
    }

    @Test
    void aStreamMovesToASecondChannelAndBackAndKeepsSending() {
        Fixture f = new Fixture();
        ImpairedLink firstPath = f.path();
        SecureChannel first = LoopbackHosts.connect(f.initiator, firstPath.address(), f.responder);
        ImpairedLink secondPath = f.path();
        SecureChannel second = LoopbackHosts.connect(f.initiator, secondPath.address(), f.responder);
        Stream stream = ImpairedStreams.await(first.connect(SERVICE, PROTOCOL), Await.PATIENCE, "the OK reply");
        ImpairedData data = new ImpairedData(HOSTS.nextSeed(), 3 * MIB);

        ImpairedStreams.await(ImpairedStreams.write(stream, data, MIB), TRANSFER_PATIENCE, "the first MiB written");
        ImpairedStreams.await(stream.attach(second), Await.PATIENCE, "the attach to the second channel");
        assertThat(stream.channel().channelId()).isEqualTo(second.channelId());
        ImpairedStreams.await(ImpairedStreams.write(stream, data, 2 * MIB), TRANSFER_PATIENCE, "the second MiB written");

        // back to the first channel, which is still established
        ImpairedStreams.await(stream.attach(first), Await.PATIENCE, "the attach back to the first channel");
        assertThat(stream.channel().channelId()).isEqualTo(first.channelId());
        CompletableFuture<Void> rest = ImpairedStreams.writeAll(stream, data);
        byte[] summary = ImpairedStreams.await(ImpairedStreams.sendToSink(stream, rest), TRANSFER_PATIENCE,
                "the last MiB to be written, acknowledged and answered");

        assertSummary(summary, data);
        ImpairedStreams.await(stream.closed(), Await.PATIENCE, "the stream to close");
        f.assertClean();
    }

    @Test
    void aTransferSurvivesTheInitiatorsAddressChangingMidway() {
        Fixture f = new Fixture();
        ImpairedLink path = f.path();
        SecureChannel channel = LoopbackHosts.connect(f.initiator, path.address(), f.responder);
        Stream stream = ImpairedStreams.await(channel.connect(SERVICE, PROTOCOL), Await.PATIENCE, "the OK reply");
        ImpairedData data = new ImpairedData(HOSTS.nextSeed(), 4 * MIB);

        ImpairedStreams.await(ImpairedStreams.write(stream, data, 2 * MIB), TRANSFER_PATIENCE, "2 MiB written");
        // SPEC CHN-PATH-1: the responder processes the channel's packets from the new address too
        path.rebind();
        byte[] summary = ImpairedStreams.await(
                ImpairedStreams.sendToSink(stream, ImpairedStreams.writeAll(stream, data)), TRANSFER_PATIENCE,
                "the rest to be written from the new address, acknowledged and answered");

        assertSummary(summary, data);
        f.assertClean();
    }

    /**
     * SPEC CHN-REKEY-1, CHN-REKEY-3, CHN-REKEY-5, STR-ATTACH-8: the initiator replaces the channel at its
     * rotation age in the middle of a lossy transfer; the stream moves to the replacement, the old
     * channel closes with CHANNEL_REPLACED, and every byte arrives once.
     */
    @Test
    void aTransferSurvivesRekeyingMidway() {
        HostEvents initiatorEvents = new HostEvents();
        ChannelConfig rotating = LoopbackHosts.FAST_CHANNEL.toBuilder()
                .rotationInterval(Duration.ofMillis(1500)).rotationJitter(Duration.ZERO).build();
        Fixture f = new Fixture(HOSTS.config().acceptChannels(false).channelConfig(rotating), initiatorEvents);
        ImpairedLink path = f.path();
        SecureChannel first = LoopbackHosts.connect(f.initiator, path.address(), f.responder);
        Stream stream = ImpairedStreams.await(first.connect(SERVICE, PROTOCOL), Await.PATIENCE, "the OK reply");
        ImpairedData data = new ImpairedData(HOSTS.nextSeed(), 8 * MIB);

        // a paced writer (2 MiB/s) keeps data in flight when the channel reaches its rotation age
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            while (!data.done()) {
                long allowed = (System.nanoTime() - start) / 1_000_000 * 2 * MIB / 1000 + 64 * 1024;
                if (data.produced() >= allowed) {
                    Await.sleep(Duration.ofMillis(5));
                    continue;
                }
                ImpairedStreams.await(stream.write(data.next(64 * 1024)), TRANSFER_PATIENCE, "a paced write");
            }
        });
        HostEvents.Replaced replaced = initiatorEvents.nextReplaced();
        assertThat(replaced.old()).isSameAs(first);
        assertThat(data.produced()).as("bytes written when the channel was replaced").isLessThan(8L * MIB);
        // SPEC CHN-REKEY-3: the stream moves to the replacement and sends there
        Await.until("the stream to send on the replacement", () -> {
            SecureChannel current = stream.channel();
            return current == null ? null : current.channelId();
        }, id -> Arrays.equals(id, replaced.replacement().channelId()), Await.PATIENCE);
        byte[] summary = ImpairedStreams.await(ImpairedStreams.sendToSink(stream, written), TRANSFER_PATIENCE,
                "the rest to be written across the rekey, acknowledged and answered");

        assertSummary(summary, data);
        assertThat(ImpairedStreams.await(first.closed(), Await.PATIENCE, "the old channel to close").displayCode())
                .isEqualTo(ErrorCode.CHANNEL_REPLACED);
        f.assertClean();
    }

    /**
     * SPEC CHN-REKEY-3, STR-ATTACH-8: data flowing only from the responder to the initiator (the
     * source service) continues across a rekey; the initiator, which has nothing left to send, keeps
     * granting credit on an attachment the responder knows until the responder moves the stream.
     */
    @Test
    void aTransferFromTheResponderSurvivesRekeyingMidway() {
        HostEvents initiatorEvents = new HostEvents();
        ChannelConfig rotating = LoopbackHosts.FAST_CHANNEL.toBuilder()
                .rotationInterval(Duration.ofMillis(1500)).rotationJitter(Duration.ZERO).build();
        Fixture f = new Fixture(HOSTS.config().acceptChannels(false).channelConfig(rotating), initiatorEvents);
        TestServices.register(f.responder);
        ImpairedLink path = f.path();
        SecureChannel first = LoopbackHosts.connect(f.initiator, path.address(), f.responder);
        Stream stream = ImpairedStreams.await(first.connect(TestServices.SOURCE, TestServices.PROTOCOL),
                Await.PATIENCE, "the OK reply");
        long total = 12L * MIB;
        stream.writeRecord(ByteBuffer.allocate(12).putLong(total).putInt(0).array());
        stream.finish();

        // a paced reader (3 MiB/s) keeps the source waiting for credit when the channel reaches its rotation age
        long start = System.nanoTime();
        long offset = 0;
        while (true) {
            byte[] chunk = ImpairedStreams.await(stream.read(64 * 1024), TRANSFER_PATIENCE, "data at offset " + offset);
            if (chunk.length == 0) {
                break;
            }
            for (int i = 0; i < chunk.length; i++) {
                assertThat(chunk[i] & 0xFF).as("byte at offset %d", offset + i).isEqualTo((int) ((offset + i) % 251));
            }
            offset += chunk.length;
            long due = (System.nanoTime() - start) / 1_000_000 * 3 * MIB / 1000;
            if (offset > due) {
                Await.sleep(Duration.ofMillis((offset - due) * 1000 / (3 * MIB) + 1));
            }
        }
        assertThat(offset).isEqualTo(total);
        assertThat(initiatorEvents.nextReplaced().old()).isSameAs(first);
        f.assertClean();
    }

    // ------------------------------------------------------------------ fixture

    /** A responder with a digest sink, an initiator, and lossy paths between them on demand. */
    private static final class Fixture {
        final DigestSink sink = new DigestSink();
        final Host responder = HOSTS.start(HOSTS.config(), new HostEvents());
        final Host initiator;

        Fixture() {
            this(HOSTS.config().acceptChannels(false), new HostEvents());
        }

        Fixture(HostConfig.Builder initiatorConfig, HostEvents initiatorEvents) {
            initiator = HOSTS.start(initiatorConfig, initiatorEvents);
            responder.listen(SERVICE, PROTOCOL, "reads a stream and answers with its SHA-256", sink);
        }

        /** A new lossy path from the initiator to the responder. */
        ImpairedLink path() {
            return ImpairedStreams.link(HOSTS, responder, LOSSY);
        }

        void assertClean() {
            sink.assertNoFailures();
            ImpairedStreams.assertNoHandlerFailures(responder, initiator);
        }
    }

    private static void assertSummary(byte[] summary, ImpairedData data) {
        assertThat(ImpairedData.describeSummary(summary)).as("what the responder read")
                .isEqualTo(ImpairedData.describeSummary(ImpairedData.summary(data.produced(), data.sha256Digest())));
    }
}
