package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.target.Target;

/**
 * Steps of SPEC.md sections 4.6 and 5.5 about INITIATEs that arrive again: the retransmission path
 * for a live channel (steps 2 and R1 to R4, which need no cookie) and the replay cache that keeps an
 * INITIATE from re-creating a channel that is gone (CRY-COOKIE-7); and the version field on an
 * established channel (section 5.7).
 */
public class NegotiationReplaySteps {
    /** How long the closing IUT may take to answer a packet before the channel counts as discarded. */
    private static final Duration CLOSING_ANSWER = Duration.ofMillis(300);
    private static final Duration DEFAULT_ROTATION = Duration.ofSeconds(60);

    private X25519KeyPair identity;
    private final List<Long> sent = new ArrayList<>();
    private long sentAt;
    private int mark = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("a tester peer with a channel to the IUT under a long-term key the scenario holds")
    public void peerWithKnownIdentity() {
        identity = X25519KeyPair.generate(context().random());
        context().connect(options -> options.withIdentity(identity));
    }

    /**
     * An INITIATE on the retransmission path of the peer's live channel: its I', a new counter value
     * (skipped by the peer), and a box under K with the INITIATE prefix holding {@code P} built from
     * {@code initiatorIdentity}, a vouch by it, and a message with SETTINGS and a PING.
     */
    private void sendRetransmission(byte[] cookie, X25519KeyPair initiatorIdentity, boolean flipBoxBit) {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        peer.skipPacketNumbers(1);
        byte[] message = PlaintextEncoder.padded(PacketHeader.of(pn, true),
                List.of(org.sss.conformance.peer.PeerOptions.DEFAULT_SETTINGS, new PeerFrame.Ping()));
        byte[] v = context().randomBytes(16);
        byte[] vouch = Nacl.box(peer.shortTermPublicKey(), NoncePrefix.VOUCH.withRandom(v), context().target().publicKey(),
                initiatorIdentity.secretKey());
        byte[] p = new byte[96 + message.length];
        System.arraycopy(initiatorIdentity.publicKey(), 0, p, 0, 32);
        System.arraycopy(v, 0, p, 32, 16);
        System.arraycopy(vouch, 0, p, 48, 48);
        System.arraycopy(message, 0, p, 96, message.length);
        byte[] box = Nacl.secretbox(p, NoncePrefix.INITIATE.withCounter(pn), peer.boxes().channelKey());
        if (flipBoxBit) {
            box[context().random().nextInt(box.length)] ^= (byte) (1 << context().random().nextInt(8));
        }
        sentAt = System.nanoTime();
        sent.add(pn);
        peer.sendRaw(Packets.initiate(peer.shortTermPublicKey(), cookie, pn, box));
    }

    @When("the peer sends its live channel a new INITIATE carrying a PING and 96 random bytes in place of a cookie")
    public void retransmissionWithoutCookie() {
        sendRetransmission(context().randomBytes(96), identity, false);
    }

    @When("^the peer sends its live channel a new INITIATE carrying a PING, with its cookie but (naming another initiator identity|a box that does not open)$")
    public void faultyRetransmission(String fault) {
        byte[] cookie = java.util.Arrays.copyOfRange(lastInitiate(context().peer()), 8 + 32, 8 + 32 + 96);
        if (fault.startsWith("naming")) {
            sendRetransmission(cookie, X25519KeyPair.generate(context().random()), false);
        } else {
            sendRetransmission(cookie, identity, true);
        }
    }

    @Then("the IUT acknowledges that INITIATE's packet number")
    public void acknowledgesRetransmission() {
        long pn = sent.get(sent.size() - 1);
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (!acknowledged(peer, pn)) {
            long remaining = deadline - System.nanoTime();
            assertThat(remaining).as("NEG-RPROC-3 (step 2 before step 3, R4): an ACK of the retransmitted INITIATE "
                    + "%d within %s; its cookie is irrelevant on the retransmission path", pn, ScenarioContext.TIMEOUT)
                    .isPositive();
            peer.receive(Duration.ofNanos(remaining));
        }
    }

    private static boolean acknowledged(TesterPeer peer, long pn) {
        for (ReceivedPacket p : peer.receivedPackets()) {
            if (p.framesOf(PeerFrame.Ack.class).stream().anyMatch(a -> a.acknowledges(pn))) {
                return true;
            }
        }
        return false;
    }

    @Then("the IUT never acknowledges that INITIATE")
    public void neverAcknowledgesRetransmission() {
        PacketSteps.assertNeverAcknowledged(List.of(context().peer()), sent, sentAt, "NEG-RPROC-3 (R2, R3)");
    }

    private static byte[] lastInitiate(TesterPeer peer) {
        return peer.datagrams().stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.SENT && Magic.INITIATE.starts(d.bytes()))
                .reduce((a, b) -> b).orElseThrow().bytes();
    }

    // ---------------------------------------------------------------- replay cache

    @When("the peer makes the IUT close the channel with a MESSAGE whose header has a reserved bit set")
    public void provokeClose() {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        peer.sendSealed(PlaintextEncoder.padded(new PacketHeader(0x20, PacketHeader.VERSION_1, pn),
                List.of(new PeerFrame.Ping())));
        context().awaitClose();
    }

    @When("the peer waits until the IUT no longer answers on the channel")
    public void awaitDiscarded() {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (true) {
            assertThat(deadline - System.nanoTime()).as("CHN-CLOSE-4: the IUT still answers on its closed channel "
                    + "after %s", ScenarioContext.TIMEOUT).isPositive();
            int before = peer.receivedPackets().size();
            peer.send(List.of(new PeerFrame.Ping()));
            long until = System.nanoTime() + CLOSING_ANSWER.toNanos();
            while (peer.receivedPackets().size() == before && until - System.nanoTime() > 0) {
                peer.receive(Duration.ofNanos(until - System.nanoTime()));
            }
            if (peer.receivedPackets().size() == before) {
                return;
            }
        }
    }

    @When("the peer sends the INITIATE that created its channel again, while its cookie is still within its lifetime")
    public void replayWithinLifetime() {
        TesterPeer peer = context().peer();
        List<LoggedDatagram> log = peer.datagrams();
        LoggedDatagram cookie = log.stream()
                .filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED && Magic.COOKIE.starts(d.bytes()))
                .reduce((a, b) -> b).orElseThrow();
        Duration rotation = context().target().timer(Target.MINUTE_KEY_ROTATION).orElse(DEFAULT_ROTATION);
        Duration age = Duration.ofNanos(System.nanoTime() - cookie.monotonicNanos());
        if (age.compareTo(rotation) >= 0) {
            throw context().inconclusive("the cookie is " + age.toMillis() + " ms old, beyond its guaranteed lifetime of "
                    + rotation.toMillis() + " ms: a refusal would prove nothing about the replay cache", null);
        }
        mark = log.size();
        peer.sendRaw(lastInitiate(peer));
    }

    @Then("the IUT sends no datagram in answer to the replayed INITIATE")
    public void nothingAfterReplay() {
        TesterPeer peer = context().peer();
        NegotiationProbe.listen(peer, ScenarioContext.QUIET);
        List<LoggedDatagram> log = peer.datagrams();
        assertThat(log.subList(mark, log.size()).stream().filter(d -> d.direction() == LoggedDatagram.Direction.RECEIVED)
                .map(LoggedDatagram::toString).toList())
                .as("CRY-COOKIE-7: a cookie that created a channel is remembered; its INITIATE replayed after the "
                        + "channel is gone must create nothing (NEG-ERR-1: and draw no answer)").isEmpty();
    }

    // ---------------------------------------------------------------- version field

    @When("the peer sends a MESSAGE with a PING whose header carries version {int}")
    public void sendVersion(int version) {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        peer.sendSealed(PlaintextEncoder.padded(new PacketHeader(PacketHeader.HAS_VERSION, version, pn),
                List.of(new PeerFrame.Ping())));
    }

    @When("the peer sends an echo request with a record of {int} random bytes and receives for a while")
    public void echoWithoutAcks(int size) {
        TesterPeer peer = context().peer();
        long lsid = peer.openStream("echo", "sss-test/1");
        peer.sendRecord(lsid, context().randomBytes(size));
        peer.finish(lsid);
        context().listen(Duration.ofMillis(500));
    }

    @Then("every MESSAGE the IUT sent, none of them acknowledged, carries version 1")
    public void allCarryVersion() {
        List<ReceivedPacket> received = context().peer().receivedPackets();
        assertThat(received).as("MESSAGEs from the IUT").hasSizeGreaterThan(1);
        for (ReceivedPacket p : received) {
            assertThat(p.header()).as("parse error %s", p.parseError()).isNotNull();
            assertThat(p.header().hasVersion() && p.header().version() == PacketHeader.VERSION_1)
                    .as("NEG-VER-1, NEG-VER-2: packet %d carries no acknowledged version yet, so its header must "
                            + "carry version 1; header %s", p.packetNumber(), p.header()).isTrue();
        }
    }
}
