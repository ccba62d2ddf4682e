package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Steps of SPEC.md 6.10 about a validation that never succeeds (CHN-PATH-6). The tester peer sends
 * one packet, the highest so far, from a second socket of its own (a new address the IUT must start
 * to validate, CHN-PATH-2) and then goes on from its original, validated address; the second socket
 * does not answer the IUT's PATH_CHALLENGE in time. Staying on the new address instead would make
 * every later packet from it start a new validation, so abandoning could not be told apart from
 * re-validating. Silence towards the new address alone proves nothing either (the IUT may simply have
 * spent its three-fold budget, CHN-PATH-3), so once the deadline has passed the second socket answers
 * the last challenge, late, in a packet that is not the highest so far (it starts no new validation):
 * an IUT that abandoned the validation keeps the previous address, one that did not moves to the new.
 */
public class ChannelPathSteps {
    /** Slack on top of the spec's deadline, for timers and scheduling on a loaded machine. */
    private static final Duration MARGIN = Duration.ofSeconds(1);
    /** How often the peer sends an echo record from its original address while it watches. */
    private static final Duration TALK_EVERY = Duration.ofMillis(250);

    /** What arrived at the new address: when, and the frames when the box opened. */
    private record Arrival(long nanos, List<PeerFrame> frames) {
        boolean challenges() {
            return frames.stream().anyMatch(f -> f instanceof PeerFrame.PathChallenge);
        }
    }

    private final List<Arrival> atNewAddress = new ArrayList<>();
    private InetSocketAddress newAddress;
    private long strayNanos;
    private long latePacketNumber;
    private boolean lateAnswerSent;
    /** How many packets the peer had received when it sent the late answer. */
    private int receivedBeforeLate;
    private Duration roundTrip;
    private long echoStream = -1;
    private int echoesSent;
    private int echoesSentAfterDeadline;
    private Duration abandonBy;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer sends one packet from a new UDP port, goes on from its original port, and answers the PATH_CHALLENGE sent to the new port only after the validation deadline")
    public void strayPacketFromNewPort() throws IOException {
        TesterPeer peer = context().peer();
        echoStream = peer.openStream("echo", "sss-test/1");
        long start = System.nanoTime();
        sendEcho(peer);
        context().awaitReply(echoStream);
        peer.awaitStream(echoStream, in -> in.records().size() >= 1 + echoesSent, ScenarioContext.TIMEOUT);
        roundTrip = Duration.ofNanos(System.nanoTime() - start);
        // CHN-PATH-6: max(3 · PTO, 3 s); PTO = smoothed_rtt + 4 · rttvar + max_ack_delay, and the first
        // sample sets rttvar to half of it (RFC 9002), so 3 · rtt + 25 ms bounds the IUT's first PTO
        Duration pto = roundTrip.multipliedBy(3).plusMillis(25);
        Duration spec = pto.multipliedBy(3).compareTo(Duration.ofSeconds(3)) > 0 ? pto.multipliedBy(3)
                : Duration.ofSeconds(3);
        abandonBy = spec.plus(MARGIN);
        try (DatagramChannel side = DatagramChannel.open()) {
            side.bind(new InetSocketAddress(peer.localAddress().getAddress(), 0));
            side.configureBlocking(false);
            newAddress = (InetSocketAddress) side.getLocalAddress();
            // two packet numbers: the lower is kept for the late answer, which must not be the highest
            latePacketNumber = peer.nextPacketNumber();
            long pn = latePacketNumber + 1;
            peer.skipPacketNumbers(2);
            // padded so that three times its size leaves the IUT room for a PATH_CHALLENGE (CHN-PATH-3)
            byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, false),
                    List.of(new PeerFrame.Ping(), PeerFrame.Padding.zeros(400)));
            byte[] stray = peer.boxes().sealMessage(pn, plaintext);
            strayNanos = System.nanoTime();
            side.send(ByteBuffer.wrap(stray), context().target().address());
            // the same datagram again from the original address, as a network may duplicate it: the IUT
            // drops it as a replay (CHN-REPLAY-2), and the peer's log, which the packet checks read, holds it
            peer.sendRaw(stray);
            watch(peer, side);
        }
    }

    /** Talks from the original address and records what reaches the new one until the deadline plus QUIET. */
    private void watch(TesterPeer peer, DatagramChannel side) throws IOException {
        long deadline = strayNanos + abandonBy.toNanos();
        long end = deadline + ScenarioContext.QUIET.toNanos();
        long nextTalk = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (System.nanoTime() - end < 0) {
            if (!lateAnswerSent && System.nanoTime() - deadline >= 0) {
                answerLate(peer, side);
            }
            if (System.nanoTime() - nextTalk >= 0 && peer.closeReceived() == null) {
                sendEcho(peer);
                if (lateAnswerSent) {
                    echoesSentAfterDeadline++;
                }
                nextTalk = System.nanoTime() + TALK_EVERY.toNanos();
            }
            peer.receive(Duration.ofMillis(5));
            buffer.clear();
            SocketAddress from;
            while ((from = side.receive(buffer)) != null) {
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                buffer.clear();
                if (from.equals(context().target().address())) {
                    atNewAddress.add(new Arrival(System.nanoTime(), framesOf(peer, datagram)));
                }
            }
        }
    }

    /** The PATH_RESPONSE to the last challenge, after the deadline, from the new address (and duplicated). */
    private void answerLate(TesterPeer peer, DatagramChannel side) throws IOException {
        lateAnswerSent = true;
        PeerFrame.PathChallenge last = null;
        for (Arrival a : atNewAddress) {
            for (PeerFrame f : a.frames()) {
                if (f instanceof PeerFrame.PathChallenge c) {
                    last = c;
                }
            }
        }
        if (last == null) {
            return; // no challenge came: the Then step fails on CHN-PATH-2
        }
        // an IUT that moved on the late answer would next validate the original address, which must go
        // unanswered so that it shows
        peer.setAnswerPathChallenges(false);
        receivedBeforeLate = peer.receivedPackets().size();
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(latePacketNumber, false),
                List.of(new PeerFrame.PathResponse(last.data())));
        byte[] late = peer.boxes().sealMessage(latePacketNumber, plaintext);
        side.send(ByteBuffer.wrap(late), context().target().address());
        peer.sendRaw(late);
    }

    private static List<PeerFrame> framesOf(TesterPeer peer, byte[] datagram) {
        try {
            Optional<byte[]> plain = peer.boxes().openMessage(datagram);
            if (plain.isEmpty()) {
                return List.of();
            }
            DecodedPlaintext decoded = PlaintextDecoder.decode(plain.get());
            return decoded.frames();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void sendEcho(TesterPeer peer) {
        peer.sendRecord(echoStream, context().randomBytes(200));
        echoesSent++;
    }

    @Then("the IUT challenged the new port, sent nothing there after the deadline, and kept sending to the original port")
    public void abandoned() {
        TesterPeer peer = context().peer();
        assertThat(atNewAddress.stream().anyMatch(Arrival::challenges)).as("CHN-PATH-2: a PATH_CHALLENGE to the new"
                + " address %s after the highest packet so far came from it (%d datagrams arrived there)", newAddress,
                atNewAddress.size()).isTrue();
        for (Arrival a : atNewAddress) {
            Duration after = Duration.ofNanos(a.nanos() - strayNanos);
            assertThat(after).as("CHN-PATH-6: the IUT sent a datagram (%s) to the address %s %s after its first"
                    + " packet, whose validation must have been abandoned within max(3 · PTO, 3 s) (here %s including"
                    + " %s of slack, from a measured round trip of %s) so that the late PATH_RESPONSE sent then moved"
                    + " nothing",
                    a.challenges() ? "with a PATH_CHALLENGE" : "frames " + a.frames(), newAddress, after,
                    abandonBy, MARGIN, roundTrip).isLessThanOrEqualTo(abandonBy);
        }
        List<ReceivedPacket> afterLate = peer.receivedPackets().subList(receivedBeforeLate,
                peer.receivedPackets().size());
        assertThat(afterLate.stream().filter(p -> !p.framesOf(PeerFrame.PathChallenge.class).isEmpty())
                .map(ReceivedPacket::packetNumber).toList()).as("CHN-PATH-6: packets with a PATH_CHALLENGE to the"
                + " original address %s after the late PATH_RESPONSE from %s: the IUT must have kept the original"
                + " address, yet it validates it as if it had moved to the new one", peer.localAddress(), newAddress)
                .isEmpty();
        StreamScenario.assertOpen(peer, "CHN-PATH-6 (the previous address is kept)");
        assertThat(echoesSentAfterDeadline).as("echo records sent after the late PATH_RESPONSE").isPositive();
        StreamInbox in = peer.awaitStream(echoStream, i -> i.records().size() >= 1 + echoesSent,
                ScenarioContext.TIMEOUT);
        assertThat(in.records()).as("CHN-PATH-6: the echo of every record, including the %d sent after the late"
                + " PATH_RESPONSE, at the original address %s", echoesSentAfterDeadline, peer.localAddress())
                .hasSize(1 + echoesSent);
    }
}
