package org.sss.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.ServiceMessages;
import org.sss.core.channel.ChannelClosure;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.SecureChannel;
import org.sss.core.testservices.TestServices;

/**
 * The tester peer against the reference implementation as target (test scope only, DESIGN.md section
 * 4): it negotiates a channel over real UDP on loopback, connects to {@code echo}/{@code sss-test/1},
 * sends a record and a FIN and gets both echoed (TST-ECHO-1 to TST-ECHO-3), and the target drops
 * nothing the peer sent. The seed is printed; pass {@code -Dsss.seed=N} to replay a run.
 */
class TesterPeerAgainstReferenceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private long seed;
    private Random random;
    private Host host;
    private final CompletableFuture<ChannelClosure> closedAtTarget = new CompletableFuture<>();

    @BeforeEach
    void startTarget() throws InterruptedException {
        seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " seed: " + seed + " (replay with -Dsss.seed=" + seed + ")");
        random = new Random(seed);
        byte[] hostSeed = new byte[KeyPair.SEED_LENGTH];
        random.nextBytes(hostSeed);
        HostConfig config = HostConfig.builder(KeyPair.fromSeed(hostSeed))
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .build();
        host = Host.start(config, new HostListener() {
            @Override
            public void onChannelClosed(SecureChannel channel, ChannelClosure closure) {
                closedAtTarget.complete(closure);
            }
        });
        TestServices.register(host);
    }

    @AfterEach
    void stopTarget() {
        if (host != null) {
            host.close();
        }
    }

    /** The be64 counter at offset 136 of an INITIATE (SPEC.md 5.4). */
    private static long initiateCounter(byte[] initiate) {
        long c = 0;
        for (int i = 136; i < 144; i++) {
            c = c << 8 | (initiate[i] & 0xff);
        }
        return c;
    }

    private TesterPeer connect() throws Exception {
        return TesterPeer.connect(host.localAddress(), host.identity().bytes(), random, TIMEOUT);
    }

    @Test
    @DisplayName("SPEC 5: HELLO, COOKIE, INITIATE, MESSAGE; the first MESSAGE begins with SETTINGS and acknowledges the INITIATE")
    void negotiates() throws Exception {
        try (TesterPeer peer = connect()) {
            ReceivedPacket first = peer.firstPacket();
            assertThat(first.isWellFormed()).as("parse error: %s", first.parseError()).isTrue();
            assertThat(first.header().hasVersion()).as("NEG-VER-4").isTrue();
            assertThat(first.frames().get(0)).as("NEG-RPROC-5, FRM-SET-1").isInstanceOf(PeerFrame.Settings.class);
            List<PeerFrame.Ack> acks = first.framesOf(PeerFrame.Ack.class);
            assertThat(acks).as("NEG-RPROC-5").isNotEmpty();
            long initiatePn = peer.datagrams().stream()
                    .filter(d -> d.direction() == LoggedDatagram.Direction.SENT && Magic.INITIATE.starts(d.bytes()))
                    .map(d -> initiateCounter(d.bytes())).findFirst().orElseThrow();
            assertThat(acks.get(0).acknowledges(initiatePn)).isTrue();

            List<LoggedDatagram> sent = peer.datagrams().stream()
                    .filter(d -> d.direction() == LoggedDatagram.Direction.SENT).toList();
            assertThat(sent.get(0).bytes()).hasSize(192);
            assertThat(Magic.of(sent.get(0).bytes())).isEqualTo(Magic.HELLO);
            assertThat(peer.datagrams()).extracting(LoggedDatagram::monotonicNanos).isSorted();
            assertThat(peer.rejections()).isEmpty();
            assertThat(host.drops().snapshot()).as("target drop counters").isEmpty();
        }
    }

    @Test
    @DisplayName("TST-ECHO-1..3: a record and a FIN on echo/sss-test/1 come back at the same offsets, with the boundary and the FIN")
    void echoesARecordAndFin() throws Exception {
        try (TesterPeer peer = connect()) {
            long lsid = peer.openStream(TestServices.ECHO, TestServices.PROTOCOL);
            assertThat(lsid).as("STR-ID-1: the initiator's LSIDs are odd").isOdd();
            byte[] record = new byte[1 + random.nextInt(3000)];
            random.nextBytes(record);
            peer.sendRecord(lsid, record);
            peer.finish(lsid);

            StreamInbox inbox = peer.awaitStream(lsid, StreamInbox::isFinished, TIMEOUT);

            List<byte[]> records = inbox.records();
            assertThat(records).as("reply record, echoed record: %s", inbox).hasSize(2);
            byte[] reply = records.get(0);
            assertThat(ServiceMessages.connectReplyStatus(reply)).as("SVC-CONN-3").isEqualTo(ServiceMessages.STATUS_OK);
            assertThat(records.get(1)).as("TST-ECHO-1").isEqualTo(record);
            assertThat(inbox.recordBoundaries()).as("TST-ECHO-2")
                    .containsExactly((long) reply.length, (long) reply.length + record.length);
            assertThat(inbox.finalSize()).as("TST-ECHO-3").isEqualTo((long) reply.length + record.length);
            assertThat(inbox.isReset()).isFalse();
            assertThat(inbox.sawConflictingFin()).isFalse();

            assertThat(peer.rejections()).as("datagrams the peer could not accept").isEmpty();
            assertThat(peer.closeReceived()).isNull();
            assertThat(host.drops().snapshot()).as("target drop counters").isEmpty();

            peer.sendClose(0, "done");
            ChannelClosure closure = closedAtTarget.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(closure.errorCode()).as("the target accepted the peer's CLOSE").isEqualTo(0);
            assertThat(closure.reason()).isEqualTo("done");
            assertThat(host.drops().snapshot()).as("target drop counters after CLOSE").isEmpty();
        }
    }

    @Test
    @DisplayName("TST-ECHO-1: bytes larger than one packet, split over several frames, are echoed in order")
    void echoesDataSpanningPackets() throws Exception {
        try (TesterPeer peer = connect()) {
            long lsid = peer.openStream(TestServices.ECHO, TestServices.PROTOCOL);
            byte[] data = new byte[20_000 + random.nextInt(20_000)];
            random.nextBytes(data);
            peer.sendStreamData(lsid, data, false, true);

            StreamInbox inbox = peer.awaitStream(lsid, StreamInbox::isFinished, TIMEOUT);

            byte[] all = inbox.bytes();
            int replyLength = inbox.records().get(0).length;
            assertThat(Arrays.copyOfRange(all, replyLength, all.length)).isEqualTo(data);
            assertThat(inbox.recordBoundaries()).containsExactly((long) replyLength);
            assertThat(peer.rejections()).isEmpty();
            assertThat(host.drops().snapshot()).isEmpty();
        }
    }
}
