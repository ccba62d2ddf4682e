package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * Steps of SPEC.md sections 3 and 4 on an established channel: MESSAGEs that would be accepted but for
 * one fault the receiver must catch first (magic, length, channel key, nonce prefix, authentication
 * tag). Each carries an ack-eliciting frame under a packet number the tester peer then skips, so the
 * verdict is decidable: an IUT that accepted the packet would acknowledge that number in the ACKs of
 * the echo exchange that follows, and one that dropped it never does.
 */
public class PacketSteps {
    private static final int BOX_OFFSET = 8 + 32 + 8;
    private static final int MESSAGE_PLAINTEXT_MAX = Packets.MAX_MESSAGE_PLAINTEXT;

    /** Each mutated packet: the peer whose channel it imitated and its packet number. */
    private final List<Sent> mutated = new ArrayList<>();
    private TesterPeer second;
    private int quietFrom = -1;
    private byte[] bigRecord;
    private long bigLsid = -1;

    private record Sent(TesterPeer peer, long packetNumber, long sentNanos) {
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** A packet number that {@code peers} will never use: the highest next one, skipped by all of them. */
    private static long reservePacketNumber(TesterPeer... peers) {
        long pn = Arrays.stream(peers).mapToLong(TesterPeer::nextPacketNumber).max().orElseThrow();
        for (TesterPeer p : peers) {
            p.skipPacketNumbers(pn - p.nextPacketNumber() + 1);
        }
        return pn;
    }

    private static byte[] pingPlaintext(long pn) {
        return PlaintextEncoder.padded(PacketHeader.of(pn, false), List.of(new PeerFrame.Ping()));
    }

    private void record(TesterPeer peer, long pn) {
        mutated.add(new Sent(peer, pn, System.nanoTime()));
    }

    @When("^the peer sends a PING MESSAGE of its channel with (a random|the reserved INITIATE_MESSAGE|the byte-reversed MESSAGE) magic$")
    public void sendWithMagic(String kind) {
        TesterPeer peer = context().peer();
        long pn = reservePacketNumber(peer);
        byte[] datagram = peer.boxes().sealMessage(pn, pingPlaintext(pn));
        byte[] magic = switch (kind) {
            case "the reserved INITIATE_MESSAGE" -> Magic.INITIATE_MESSAGE.bytes();
            case "the byte-reversed MESSAGE" -> reversed(Magic.MESSAGE.bytes());
            default -> randomUnknownMagic();
        };
        System.arraycopy(magic, 0, datagram, 0, 8);
        peer.sendRaw(datagram);
        record(peer, pn);
    }

    private byte[] randomUnknownMagic() {
        byte[] magic;
        do {
            magic = context().randomBytes(8);
        } while (Magic.of(magic) != null);
        return magic;
    }

    private static byte[] reversed(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }

    @When("the peer sends one datagram of each length from 0 to 7 bytes")
    public void sendShortDatagrams() {
        TesterPeer peer = context().peer();
        quietFrom = peer.datagrams().size();
        byte[] message = Magic.MESSAGE.bytes();
        for (int length = 0; length < 8; length++) {
            // half of them are a prefix of the MESSAGE magic, the rest random bytes
            peer.sendRaw(context().random().nextBoolean() ? Arrays.copyOf(message, length)
                    : context().randomBytes(length));
        }
    }

    @When("the peer sends back to the IUT the COOKIE that the IUT sent it")
    public void reflectCookie() {
        TesterPeer peer = context().peer();
        byte[] cookie = peer.datagrams().stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED && Magic.COOKIE.starts(d.bytes()))
                .reduce((a, b) -> b).orElseThrow().bytes();
        quietFrom = peer.datagrams().size();
        peer.sendRaw(cookie);
    }

    @Then("the IUT sends no datagram in answer")
    public void sendsNothing() {
        context().listen(ScenarioContext.QUIET);
        List<LoggedDatagram> log = context().peer().datagrams();
        List<String> received = log.subList(quietFrom, log.size()).stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED).map(LoggedDatagram::toString).toList();
        assertThat(received).as("PKT-MAGIC-3, PKT-DEMUX-2, NEG-ERR-1: datagrams the IUT sent after packets it must "
                + "drop silently (the peer sent nothing else meanwhile)").isEmpty();
    }

    @When("the peer sends a PING MESSAGE whose plaintext is {int} bytes long, sealed so that its box opens")
    public void sendOfPlaintextLength(int length) {
        TesterPeer peer = context().peer();
        long pn = reservePacketNumber(peer);
        byte[] plaintext = Arrays.copyOf(PlaintextEncoder.unpadded(PacketHeader.of(pn, false),
                List.of(new PeerFrame.Ping())), length); // the rest: EMPTY frames
        peer.sendRaw(peer.boxes().sealMessage(pn, plaintext));
        record(peer, pn);
    }

    @When("the peer sends a PING MESSAGE sealed with its channel's key but naming a short-term key of no channel")
    public void sendUnknownKey() {
        TesterPeer peer = context().peer();
        long pn = reservePacketNumber(peer);
        byte[] box = Nacl.secretbox(pingPlaintext(pn), NoncePrefix.MESSAGE_FROM_INITIATOR.withCounter(pn),
                peer.boxes().channelKey());
        peer.sendRaw(Packets.message(context().randomBytes(32), pn, box));
        record(peer, pn);
    }

    @Given("a second tester peer with a channel to the IUT")
    public void secondPeer() {
        second = context().connectAnother();
    }

    @When("the peer sends from its own socket a PING MESSAGE naming the second peer's channel but sealed with its own channel's key")
    public void sendCrossChannel() {
        TesterPeer peer = context().peer();
        long pn = reservePacketNumber(peer, second);
        byte[] box = Nacl.secretbox(pingPlaintext(pn), NoncePrefix.MESSAGE_FROM_INITIATOR.withCounter(pn),
                peer.boxes().channelKey());
        peer.sendRaw(Packets.message(second.shortTermPublicKey(), pn, box));
        record(peer, pn);
        record(second, pn);
    }

    @When("the peer sends a PING MESSAGE of its channel sealed under the nonce prefix {string}")
    public void sendUnderPrefix(String prefix) {
        NoncePrefix chosen = Arrays.stream(NoncePrefix.values())
                .filter(p -> new String(p.bytes(), StandardCharsets.US_ASCII).equals(prefix)).findFirst().orElseThrow();
        TesterPeer peer = context().peer();
        long pn = reservePacketNumber(peer);
        byte[] box = Nacl.secretbox(pingPlaintext(pn), chosen.withCounter(pn), peer.boxes().channelKey());
        peer.sendRaw(Packets.message(peer.shortTermPublicKey(), pn, box));
        record(peer, pn);
    }

    @When("^the peer sends a MESSAGE carrying a CLOSE and a PING whose (authentication tag|ciphertext) has one bit flipped$")
    public void sendForgedClose(String part) {
        TesterPeer peer = context().peer();
        long pn = reservePacketNumber(peer);
        long largest = peer.receivedPackets().get(peer.receivedPackets().size() - 1).packetNumber();
        PeerFrame.Ack ack = PeerFrame.Ack.of(largest, largest, 0, List.of());
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, false),
                List.of(new PeerFrame.Ping(), PeerFrame.Close.of(ErrorCode.NO_ERROR.code(), "forged", ack)));
        byte[] datagram = peer.boxes().sealMessage(pn, plaintext);
        int at = part.equals("ciphertext")
                ? BOX_OFFSET + Nacl.TAG_BYTES + context().random().nextInt(plaintext.length)
                : BOX_OFFSET + context().random().nextInt(Nacl.TAG_BYTES);
        datagram[at] ^= (byte) (1 << context().random().nextInt(8));
        peer.sendRaw(datagram);
        record(peer, pn);
    }

    @Then("the second peer's channel still works too: echo returns a record of {int} random bytes")
    public void secondStillWorks(int size) {
        byte[] record = context().randomBytes(size);
        assertThat(echo(second, record)).isEqualTo(record);
    }

    @Then("the IUT acknowledged none of those packets")
    public void noneAcknowledged() {
        assertNeverAcknowledged(mutated.stream().map(Sent::peer).distinct().toList(),
                mutated.stream().map(Sent::packetNumber).distinct().toList(),
                mutated.stream().mapToLong(Sent::sentNanos).min().orElseThrow(),
                "PKT-MAGIC-2, PKT-SIZE-5, PKT-DEMUX-3..5, CRY-NONCE-2, CRY-PRIM-3, CHN-RECV-2");
    }

    /**
     * Fails unless each of {@code peers} received, after {@code sinceNanos}, at least one ACK (so that
     * the IUT's acknowledgement state after the packets is known) and no ACK acknowledges any of {@code pns}.
     */
    static void assertNeverAcknowledged(List<TesterPeer> peers, List<Long> pns, long sinceNanos, String requirements) {
        for (TesterPeer peer : peers) {
            List<PeerFrame.Ack> acks = new ArrayList<>();
            for (ReceivedPacket p : peer.receivedPackets()) {
                if (p.datagram().monotonicNanos() - sinceNanos > 0) {
                    acks.addAll(p.framesOf(PeerFrame.Ack.class));
                    p.framesOf(PeerFrame.Close.class).forEach(c -> acks.add(c.finalAck()));
                }
            }
            assertThat(acks).as("ACKs the IUT sent after the packets it must drop (needed to judge %s)", requirements)
                    .isNotEmpty();
            for (long pn : pns) {
                assertThat(acks).as("%s: the IUT must drop packet %d, so no ACK may report it; ACKs: %s",
                        requirements, pn, acks).noneMatch(a -> a.acknowledges(pn));
            }
        }
    }

    @When("the peer sends an echo request and a record in one MESSAGE of exactly 1232 bytes")
    public void sendFullSizeMessage() {
        TesterPeer peer = context().peer();
        if (peer.maxPlaintext() < MESSAGE_PLAINTEXT_MAX) {
            throw context().unsupported("a 1232-byte MESSAGE: the IUT's MAX_PLAINTEXT is " + peer.maxPlaintext());
        }
        bigLsid = peer.openSubstream(0);
        byte[] request = ServiceMessages.connectRequest("echo", "sss-test/1");
        PeerFrame.Stream first = PeerFrame.Stream.data(bigLsid, 0, request).with(PeerFrame.Stream.RECORD).opening(0);
        // the second frame runs to the end of the plaintext (no LENGTH); size it so that header and frames
        // take 1160 bytes with a 3-byte header and 1162 with the version: padded to 1168 either way
        int flags = offsetFlags(request.length) | PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN
                | PeerFrame.Stream.INIT;
        int fixed = PlaintextEncoder.unpadded(PacketHeader.of(peer.nextPacketNumber(), false),
                List.of(first, new PeerFrame.Stream(flags, bigLsid, 0, null, request.length, new byte[0]))).length;
        bigRecord = context().randomBytes(MESSAGE_PLAINTEXT_MAX - 8 - fixed);
        PeerFrame.Stream second = new PeerFrame.Stream(flags, bigLsid, 0, null, request.length, bigRecord);
        peer.send(List.of(first, second));
        LoggedDatagram sent = peer.datagrams().stream().filter(d -> d.direction() == LoggedDatagram.Direction.SENT)
                .reduce((a, b) -> b).orElseThrow();
        if (sent.length() != Packets.MAX_DATAGRAM) {
            throw context().inconclusive("the tester built a MESSAGE of " + sent.length() + " bytes, not 1232", null);
        }
    }

    private static int offsetFlags(long offset) {
        return PeerFrame.Stream.offsetSizeCode(offset) << 10;
    }

    @Then("the IUT echoes that record")
    public void echoesBigRecord() {
        StreamInbox inbox = context().awaitFinished(bigLsid);
        assertThat(inbox.records()).as("PKT-SIZE-8: reply and echoed record of the 1232-byte MESSAGE: %s", inbox)
                .hasSize(2);
        assertThat(inbox.records().get(1)).isEqualTo(bigRecord);
    }

    /** An echo round trip of one record on {@code peer}'s channel (Appendix A.1); returns what came back. */
    static byte[] echo(TesterPeer peer, byte[] record) {
        long lsid = peer.openStream("echo", "sss-test/1");
        peer.sendRecord(lsid, record);
        peer.finish(lsid);
        StreamInbox inbox = peer.awaitStream(lsid, StreamInbox::isFinished, ScenarioContext.TIMEOUT);
        assertThat(inbox.records()).as("reply and echoed record: %s", inbox).hasSize(2);
        return inbox.records().get(1);
    }
}
