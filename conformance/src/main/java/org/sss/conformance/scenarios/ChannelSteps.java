package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * Steps of SPEC.md section 6 about single packets: how the IUT receives a MESSAGE (6.1), reads its
 * plaintext and header (6.2, 6.3), keeps its replay window (6.4) and acknowledges (6.5); plus the
 * frames that make it close the channel and the liveness check that follows a dropped packet. The
 * static helpers are shared by the other channel step classes.
 */
public class ChannelSteps {
    /** The box starts after magic, key and counter; its first 16 bytes are the Poly1305 tag. */
    private static final int BOX_OFFSET = 8 + 32 + 8;
    /** How many PINGs the peer sends before it waits for their acknowledgement. */
    private static final int BATCH = 25;

    /** The packet number a "that packet" step refers to. */
    private long markedPacketNumber = -1;
    /** The datagram of the marked packet as it was sent, for replays. */
    private byte[] markedDatagram;
    /** Packet numbers the peer skipped on purpose, and those it sent PINGs with. */
    private final TreeSet<Long> skipped = new TreeSet<>();
    private final TreeSet<Long> pings = new TreeSet<>();
    /** The echo stream of the replay scenario and how many packets had arrived when the replay was sent. */
    private long replayedStream = -1;
    private int receivedBeforeReplay;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    // ---------------------------------------------------------------- shared helpers

    /** Every ACK the peer received, those inside CLOSE frames included. */
    static List<PeerFrame.Ack> acksOf(List<ReceivedPacket> packets) {
        List<PeerFrame.Ack> acks = new ArrayList<>();
        for (ReceivedPacket p : packets) {
            acks.addAll(p.framesOf(PeerFrame.Ack.class));
            p.framesOf(PeerFrame.Close.class).forEach(c -> acks.add(c.finalAck()));
        }
        return acks;
    }

    /** Receives until an ACK of {@code pn} arrives; false when none does within {@code timeout}. */
    static boolean awaitAck(TesterPeer peer, long pn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acksOf(peer.receivedPackets()).stream().noneMatch(a -> a.acknowledges(pn))) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || peer.closeReceived() != null) {
                return acksOf(peer.receivedPackets()).stream().anyMatch(a -> a.acknowledges(pn));
            }
            peer.receive(Duration.ofNanos(remaining));
        }
        return true;
    }

    /** The sent datagram with nonce counter {@code pn}, from the peer's log. */
    static byte[] sentDatagram(TesterPeer peer, long pn) {
        return peer.datagrams().stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.SENT && d.length() >= 48
                        && ByteBuffer.wrap(d.bytes(), 40, 8).getLong() == pn)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no datagram sent with counter " + pn))
                .bytes();
    }

    /** Seals {@code frames} under a 2-byte header with packet number {@code pn} and sends the datagram as it is. */
    static byte[] sendAt(TesterPeer peer, long pn, List<? extends PeerFrame> frames) {
        byte[] datagram = peer.boxes().sealMessage(pn, PlaintextEncoder.padded(PacketHeader.of(pn, false), frames));
        peer.sendRaw(datagram);
        return datagram;
    }

    /** Opens a {@code source} stream and sends the 12-byte command (Appendix A.3). */
    static long openSource(TesterPeer peer, long length, int recordSize) {
        long lsid = peer.openStream("source", "sss-test/1");
        peer.sendRecord(lsid, ByteBuffer.allocate(12).putLong(length).putInt(recordSize).array());
        return lsid;
    }

    /** The bytes a test service sent after its reply record (Appendix A offsets). */
    static byte[] afterReply(StreamInbox inbox) {
        byte[] all = inbox.bytes();
        if (inbox.recordBoundaries().isEmpty()) {
            return new byte[0];
        }
        int reply = (int) Math.min(all.length, inbox.recordBoundaries().first());
        return java.util.Arrays.copyOfRange(all, reply, all.length);
    }

    /** Fails with {@code id} unless {@code data} is the source pattern (TST-SRC-1) of {@code length} bytes. */
    static void assertSourcePattern(String id, byte[] data, long length) {
        assertThat((long) data.length).as("%s: bytes of the source pattern received", id).isEqualTo(length);
        for (int i = 0; i < data.length; i++) {
            if ((data[i] & 0xff) != i % 251) {
                throw new AssertionError(id + ": the byte at offset " + i + " is " + (data[i] & 0xff) + ", expected "
                        + (i % 251) + " (i mod 251)");
            }
        }
    }

    /** The STREAM frames the peer accepted on {@code lsid}, with the packet number that carried each. */
    static List<long[]> streamFrames(TesterPeer peer, long lsid) {
        List<long[]> out = new ArrayList<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.lsid() == lsid) {
                    out.add(new long[] {p.packetNumber(), s.offset(), s.length()});
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- 6.1: dropped packets

    @When("the peer sends a MESSAGE carrying a PING whose authentication tag has one bit flipped")
    public void sendCorruptedTag() {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, false), List.of(new PeerFrame.Ping()));
        byte[] datagram = peer.boxes().sealMessage(pn, plaintext);
        datagram[BOX_OFFSET + context().random().nextInt(16)] ^= (byte) (1 << context().random().nextInt(8));
        peer.sendRaw(datagram);
        peer.skipPacketNumbers(1);
        markedPacketNumber = pn;
    }

    @Then("the IUT never acknowledges that packet")
    public void neverAcknowledged() {
        context().listen(ScenarioContext.QUIET);
        List<PeerFrame.Ack> acks = acksOf(context().peer().receivedPackets());
        assertThat(acks).as("ACKs received after the liveness check").isNotEmpty();
        assertThat(acks).as("CHN-RECV-2: ACKs of packet %d", markedPacketNumber)
                .noneMatch(a -> a.acknowledges(markedPacketNumber));
    }

    @Then("the channel still works: echo returns a record of {int} random bytes")
    public void channelStillWorks(int size) {
        TesterPeer peer = context().peer();
        long lsid = peer.openStream("echo", "sss-test/1");
        byte[] record = context().randomBytes(size);
        peer.sendRecord(lsid, record);
        peer.finish(lsid);
        StreamInbox inbox = context().awaitFinished(lsid);
        List<byte[]> records = inbox.records();
        assertThat(records).as("reply and echoed record: %s", inbox).hasSize(2);
        assertThat(records.get(1)).isEqualTo(record);
        assertThat(peer.closeReceived()).as("CLOSE from the IUT").isNull();
    }

    @When("the peer sends a STREAM frame with LSID 0 carrying a record of {int} bytes")
    public void sendLsidZero(int size) {
        PeerFrame.Stream frame = PeerFrame.Stream.data(0, 0, context().randomBytes(size))
                .with(PeerFrame.Stream.RECORD);
        context().peer().send(List.of(frame));
    }

    @When("the peer opens LSID {int}, of the IUT's own parity, with a connect request to {string} {string}")
    public void openOwnParity(int lsid, String service, String protocol) {
        assertThat(lsid % 2).as("an even LSID is the responder's (STR-ID-1)").isZero();
        PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, 0, ServiceMessages.connectRequest(service, protocol))
                .with(PeerFrame.Stream.RECORD).opening(0);
        context().peer().send(List.of(frame));
    }

    @Then("the IUT closes the channel with {errorCode}")
    public void closesWith(ErrorCode expected) {
        PeerFrame.Close close = context().awaitClose();
        assertThat(ErrorCode.nameOf(close.errorCode())).as("CLOSE error code (reason '%s')", close.reason())
                .isEqualTo(expected.name());
    }

    @Then("the CLOSE is the last frame of its packet")
    public void closeIsLast() {
        ReceivedPacket packet = context().peer().receivedPackets().stream()
                .filter(p -> !p.framesOf(PeerFrame.Close.class).isEmpty()).findFirst().orElseThrow();
        List<PeerFrame> frames = packet.frames().stream()
                .filter(f -> !(f instanceof PeerFrame.Padding) && !(f instanceof PeerFrame.Empty)).toList();
        assertThat(frames.get(frames.size() - 1)).as("FRM-CLOSE-1, CHN-CLOSE-1: frames %s", packet.frames())
                .isInstanceOf(PeerFrame.Close.class);
    }

    // ---------------------------------------------------------------- 6.2, 6.3: plaintext and header

    @When("the peer sends a PING whose header has the flags byte {word}")
    public void pingWithHeaderFlags(String flags) {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        peer.sendSealed(PlaintextEncoder.padded(new PacketHeader(Integer.decode(flags), PacketHeader.VERSION_1, pn),
                List.of(new PeerFrame.Ping())));
        markedPacketNumber = pn;
    }

    @When("the peer sends a PING whose header carries the packet number in a {int}-byte field")
    public void pingWithWidth(int width) {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        int flags = (width / 2 - 1) << 2;
        peer.sendSealed(PlaintextEncoder.padded(new PacketHeader(flags, PacketHeader.VERSION_1, pn),
                List.of(new PeerFrame.Ping())));
        markedPacketNumber = pn;
    }

    @When("the peer sends a PING whose {int}-byte header packet number differs from the nonce counter in bit {int}")
    public void pingWithMismatch(int width, int bit) {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        int flags = (width / 2 - 1) << 2;
        peer.sendSealed(PlaintextEncoder.padded(new PacketHeader(flags, PacketHeader.VERSION_1, pn ^ (1L << bit)),
                List.of(new PeerFrame.Ping())));
        markedPacketNumber = pn;
    }

    @Then("the IUT acknowledges the packet the peer marked")
    public void acknowledgesMarked() {
        assertThat(awaitAck(context().peer(), markedPacketNumber, ScenarioContext.TIMEOUT))
                .as("an ACK of packet %d from the IUT within %s (closed: %s)", markedPacketNumber,
                        ScenarioContext.TIMEOUT, context().peer().closeReceived())
                .isTrue();
    }

    @When("the peer sends on a new echo stream one packet of EMPTY frames, a PING, a PADDING frame and a final STREAM frame without a length field carrying a record of {int} random bytes and FIN")
    public void framesToTheEnd(int size) {
        TesterPeer peer = context().peer();
        long lsid = peer.openStream("echo", "sss-test/1");
        context().awaitReply(lsid);
        long offset = peer.sendOffset(lsid);
        byte[] record = context().randomBytes(size);
        context().stream = lsid;
        context().sent.writeBytes(record);
        PeerFrame.Stream last = new PeerFrame.Stream(PeerFrame.Stream.offsetSizeCode(offset) << 10
                | PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN, lsid, 0, null, offset, record);
        long pn = peer.nextPacketNumber();
        byte[] header = PacketHeader.of(pn, false).encode();
        int fixed = header.length + 3 + 1 + 3 + FrameEncoder.encode(last).length;
        int padding = (16 - fixed % 16) % 16 + 16;
        List<PeerFrame> frames = List.of(new PeerFrame.Empty(), new PeerFrame.Empty(), new PeerFrame.Empty(),
                new PeerFrame.Ping(), PeerFrame.Padding.zeros(padding), last);
        byte[] plaintext = PlaintextEncoder.unpadded(PacketHeader.of(pn, false), frames);
        assertThat(plaintext.length % 16).as("plaintext length").isZero();
        peer.sendSealed(plaintext);
    }

    @Then("the IUT echoes that record and FIN")
    public void echoesThatRecordAndFin() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        byte[] sent = context().sent.toByteArray();
        List<byte[]> records = inbox.records();
        assertThat(records).as("CHN-PLAIN-2: reply and echoed record, %s", inbox).hasSize(2);
        assertThat(records.get(1)).as("CHN-PLAIN-2: the echoed record").isEqualTo(sent);
    }

    // ---------------------------------------------------------------- 6.4: replay window

    @When("the peer sends a PING that the IUT acknowledges")
    public void acknowledgedPing() {
        TesterPeer peer = context().peer();
        markedPacketNumber = peer.send(List.of(new PeerFrame.Ping()));
        markedDatagram = sentDatagram(peer, markedPacketNumber);
        assertThat(awaitAck(peer, markedPacketNumber, ScenarioContext.TIMEOUT))
                .as("CHN-ACK-1: an ACK of the PING in packet %d", markedPacketNumber).isTrue();
        context().listen(Duration.ofMillis(200));
    }

    @When("the peer completes an echo exchange of a record of {int} random bytes")
    public void completedEcho(int size) {
        TesterPeer peer = context().peer();
        long first = peer.nextPacketNumber();
        long lsid = peer.openStream("echo", "sss-test/1");
        peer.sendRecord(lsid, context().randomBytes(size));
        peer.finish(lsid);
        context().awaitFinished(lsid);
        context().listen(Duration.ofMillis(200));
        markedPacketNumber = first;
        markedDatagram = sentDatagram(peer, first);
        replayedStream = lsid;
    }

    @When("the peer replays that packet exactly as it was sent")
    public void replayMarked() {
        receivedBeforeReplay = context().peer().receivedPackets().size();
        context().peer().sendRaw(markedDatagram);
    }

    @Then("the IUT sends no packet in answer while the peer listens for silence")
    public void noAnswer() {
        context().listen(ScenarioContext.QUIET);
        List<ReceivedPacket> after = context().peer().receivedPackets();
        after = after.subList(receivedBeforeReplay, after.size());
        assertThat(after).as("CHN-REPLAY-2: packets the IUT sent after the replay of packet %d (an ACK means it"
                + " accepted the replay as new)", markedPacketNumber).isEmpty();
    }

    @Then("the IUT sends nothing more on that echo stream while the peer listens for silence")
    public void nothingMoreOnEcho() {
        context().listen(ScenarioContext.QUIET);
        List<ReceivedPacket> all = context().peer().receivedPackets();
        for (ReceivedPacket p : all.subList(receivedBeforeReplay, all.size())) {
            assertThat(p.framesOf(PeerFrame.Stream.class)).as("CHN-REPLAY-2: STREAM frames after the replay of the"
                    + " packet that opened stream %d", replayedStream).noneMatch(s -> s.lsid() == replayedStream);
        }
    }

    @Then("the IUT acknowledges both PINGs")
    public void acknowledgesBothPings() {
        for (long pn : pings) {
            assertThat(awaitAck(context().peer(), pn, ScenarioContext.TIMEOUT))
                    .as("CHN-REPLAY-1, CHN-REPLAY-2: an ACK of the PING in packet %d (PINGs sent: %s)", pn, pings)
                    .isTrue();
        }
    }

    @When("the peer sends {int} records of {int} random bytes on a new echo stream, one per packet, the packets in shuffled order, the last record with FIN")
    public void shuffledRecords(int count, int size) {
        TesterPeer peer = context().peer();
        long lsid = peer.openStream("echo", "sss-test/1");
        context().awaitReply(lsid);
        context().stream = lsid;
        long offset = peer.sendOffset(lsid);
        long base = peer.nextPacketNumber();
        List<Integer> order = new ArrayList<>();
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] record = context().randomBytes(size);
            context().sent.writeBytes(record);
            context().sentBoundaries.add((long) context().sent.size());
            PeerFrame.Stream f = PeerFrame.Stream.data(lsid, offset, record).with(PeerFrame.Stream.RECORD);
            frames.add(i == count - 1 ? f.with(PeerFrame.Stream.FIN) : f);
            offset += size;
            order.add(i);
        }
        Collections.shuffle(order, context().random());
        for (int i : order) {
            sendAt(peer, base + i, List.of(frames.get(i)));
        }
        peer.skipPacketNumbers(count);
    }

    @Then("the IUT echoes every record once, in order, and FIN")
    public void echoesEveryRecordInOrder() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        byte[] data = afterReply(inbox);
        assertThat(data).as("CHN-REPLAY-2: the echoed bytes after the reply, %s", inbox)
                .isEqualTo(context().sent.toByteArray());
        long reply = inbox.recordBoundaries().first();
        assertThat(inbox.recordBoundaries().tailSet(reply + 1).stream().map(b -> b - reply).toList())
                .as("TST-ECHO-2: echoed record boundaries").containsExactlyElementsOf(context().sentBoundaries);
    }

    @When("the peer sends a PING with packet number n + {long} and then a PING with the unused packet number n")
    public void pingFarAheadThenBehind(long distance) {
        TesterPeer peer = context().peer();
        long n = peer.nextPacketNumber();
        sendAt(peer, n + distance, List.of(new PeerFrame.Ping()));
        assertThat(awaitAck(peer, n + distance, ScenarioContext.TIMEOUT))
                .as("an ACK of the PING in packet %d", n + distance).isTrue();
        sendAt(peer, n, List.of(new PeerFrame.Ping()));
        peer.skipPacketNumbers(distance + 1);
        pings.add(n);
        pings.add(n + distance);
        markedPacketNumber = n;
    }

    @When("the peer sends a PING with packet number n + {long} whose {word}")
    public void forgedAhead(long distance, String fault) {
        TesterPeer peer = context().peer();
        long n = peer.nextPacketNumber();
        long pn = n + distance;
        List<PeerFrame> ping = List.of(new PeerFrame.Ping());
        byte[] datagram;
        switch (fault) {
            case "box-does-not-open" -> {
                datagram = peer.boxes().sealMessage(pn, PlaintextEncoder.padded(PacketHeader.of(pn, false), ping));
                datagram[BOX_OFFSET + context().random().nextInt(datagram.length - BOX_OFFSET)] ^= 0x01;
            }
            case "header-packet-number-differs" -> datagram = peer.boxes().sealMessage(pn,
                    PlaintextEncoder.padded(PacketHeader.of(pn + 1, false), ping));
            default -> throw new IllegalArgumentException("unknown fault " + fault);
        }
        peer.sendRaw(datagram);
        markedPacketNumber = pn;
    }

    @Then("a PING with packet number n is still acknowledged")
    public void nextPingAcknowledged() {
        TesterPeer peer = context().peer();
        long pn = peer.send(List.of(new PeerFrame.Ping()));
        assertThat(awaitAck(peer, pn, ScenarioContext.TIMEOUT))
                .as("CHN-REPLAY-3: an ACK of packet %d sent after the dropped packet %d", pn, markedPacketNumber)
                .isTrue();
        assertThat(acksOf(peer.receivedPackets())).as("CHN-RECV-2: ACKs of the dropped packet %d", markedPacketNumber)
                .noneMatch(a -> a.acknowledges(markedPacketNumber));
    }

    // ---------------------------------------------------------------- 6.5: acknowledgements

    @When("the peer sends {int} PINGs, each after skipping {int} packet number(s)")
    public void pingsWithGaps(int count, int gap) {
        TesterPeer peer = context().peer();
        for (int i = 0; i < count; i++) {
            for (int g = 0; g < gap; g++) {
                skipped.add(peer.nextPacketNumber() + g);
            }
            peer.skipPacketNumbers(gap);
            pings.add(peer.send(List.of(new PeerFrame.Ping())));
            if (i % BATCH == BATCH - 1) { // paced, so that no socket buffer overflows on the way
                awaitAck(peer, pings.last(), ScenarioContext.TIMEOUT);
            }
        }
        boolean acked = awaitAck(peer, pings.last(), ScenarioContext.TIMEOUT);
        List<PeerFrame.Ack> acks = acksOf(peer.receivedPackets());
        assertThat(acked).as("CHN-ACK-1: an ACK of the last PING, packet %d; the IUT's last ACK: %s", pings.last(),
                acks.isEmpty() ? "none" : acks.get(acks.size() - 1)).isTrue();
        context().listen(Duration.ofMillis(200));
    }

    @Then("no ACK from the IUT acknowledges a packet number the peer skipped, and the last one acknowledges every PING")
    public void truthfulAcks() {
        List<PeerFrame.Ack> acks = acksOf(context().peer().receivedPackets());
        for (PeerFrame.Ack ack : acks) {
            for (long pn : skipped.subSet(ack.leastUnacked(), true, ack.largestObserved(), true)) {
                if (ack.acknowledges(pn)) {
                    throw new AssertionError("CHN-ACK-5: " + ack + " acknowledges packet " + pn
                            + ", which the peer never sent");
                }
            }
        }
        PeerFrame.Ack last = acks.get(acks.size() - 1);
        assertThat(pings).as("CHN-ACK-1: the PINGs the IUT's last ACK %s acknowledges", last)
                .allMatch(last::acknowledges);
    }

    @Then("the IUT's ACK of the last PING has at most 255 NACK ranges, all of them for skipped packet numbers nearest largest_observed")
    public void truncatedAck() {
        long lastPing = pings.last();
        List<PeerFrame.Ack> acks = acksOf(context().peer().receivedPackets()).stream()
                .filter(a -> a.largestObserved() == lastPing).toList();
        assertThat(acks).as("CHN-ACK-6: ACKs whose largest_observed is the last PING %d", lastPing).isNotEmpty();
        PeerFrame.Ack ack = acks.get(acks.size() - 1);
        assertThat(ack.nackRanges().size()).as("FRM-ACK: NACK ranges of %s", ack).isLessThanOrEqualTo(255);
        Set<Long> reported = new TreeSet<>(pings.subSet(ack.leastUnacked(), true, lastPing, true));
        for (long pn : skipped.subSet(ack.leastUnacked(), true, lastPing, true)) {
            assertThat(ack.acknowledges(pn)).as("CHN-ACK-5: %s acknowledges the skipped packet %d", ack, pn).isFalse();
        }
        if (ack.leastUnacked() > pings.first()) {
            // CHN-ACK-7: the ranges kept are the newest, and least_unacked starts the lowest of them
            long lowest = ack.nackRanges().stream().mapToLong(PeerFrame.NackRange::firstMissing).min()
                    .orElse(ack.leastUnacked());
            assertThat(ack.leastUnacked()).as("CHN-ACK-7: least_unacked of %s is the first packet number of the"
                    + " lowest NACK range kept", ack).isEqualTo(lowest);
            long acked = reported.stream().filter(ack::acknowledges).count();
            assertThat(acked).as("CHN-ACK-7: PINGs at or above least_unacked %d that %s acknowledges",
                    ack.leastUnacked(), ack).isEqualTo(reported.size());
        }
    }

    @When("the peer sends {int} packets that carry only an ACK frame")
    public void ackOnlyPackets(int count) {
        TesterPeer peer = context().peer();
        context().listen(Duration.ofMillis(300));
        receivedBeforeReplay = peer.receivedPackets().size();
        for (int i = 0; i < count; i++) {
            peer.sendAck();
        }
    }

    @When("the peer sends {int} PINGs {int} ms apart")
    public void spacedPings(int count, int gapMs) {
        TesterPeer peer = context().peer();
        for (int i = 0; i < count; i++) {
            pings.add(peer.send(List.of(new PeerFrame.Ping())));
            context().listen(Duration.ofMillis(gapMs));
        }
        assertThat(awaitAck(peer, pings.last(), ScenarioContext.TIMEOUT))
                .as("CHN-ACK-1: an ACK of the last PING, packet %d", pings.last()).isTrue();
    }

    @Then("no ACK delay the IUT reports exceeds the time from the peer's sending of largest_observed to the ACK's arrival")
    public void ackDelayBounded() {
        TesterPeer peer = context().peer();
        int checked = 0;
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Ack ack : p.framesOf(PeerFrame.Ack.class)) {
                if (!pings.contains(ack.largestObserved())) {
                    continue;
                }
                long sentAt = peer.datagrams().stream()
                        .filter(d -> d.direction() == LoggedDatagram.Direction.SENT && d.length() >= 48
                                && ByteBuffer.wrap(d.bytes(), 40, 8).getLong() == ack.largestObserved())
                        .findFirst().orElseThrow().monotonicNanos();
                long boundUs = (p.datagram().monotonicNanos() - sentAt) / 1000 + 1000;
                assertThat(ack.ackDelayUs()).as("CHN-ACK-8: ack_delay_us of %s, which arrived %d µs after the peer"
                        + " sent packet %d (1 ms of clock slack allowed)", ack, boundUs - 1000,
                        ack.largestObserved()).isLessThanOrEqualTo(boundUs);
                checked++;
            }
        }
        assertThat(checked).as("ACKs whose largest_observed is one of the PINGs").isPositive();
    }
}
