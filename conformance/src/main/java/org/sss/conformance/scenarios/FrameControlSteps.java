package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md sections 7.5 and 7.14 to 7.16 on the receiving side: DECONGESTION (faulty and
 * well-formed feedback), GOAWAY parity and order, PING and the PATH_CHALLENGE / PATH_RESPONSE pair.
 */
public class FrameControlSteps {
    private static final long LOW48 = (1L << 48) - 1;

    private long pingPacket = -1;
    private long challengePacket = -1;
    private int markBeforeChallenge;
    private byte[] challenge;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer sends a DECONGESTION frame with {}")
    public void badDecongestion(String fault) {
        byte[] body = switch (fault) {
            case "subtype 0" -> context().randomBytes(4);
            case "subtype 5" -> context().randomBytes(16);
            case "LEDBAT feedback with num_samples 0" -> new byte[] {0};
            case "INTER_ARRIVAL feedback with num_received 0" ->
                ByteBuffer.allocate(17).putShort((short) 0).put((byte) 0).put(context().randomBytes(14)).array();
            default -> throw new IllegalArgumentException("no faulty DECONGESTION '" + fault + "'");
        };
        int subtype = switch (fault) {
            case "subtype 0" -> 0;
            case "subtype 5" -> 5;
            case "LEDBAT feedback with num_samples 0" -> 3;
            default -> 4;
        };
        context().peer().send(List.of(CraftedFrames.decongestion(subtype, body)));
    }

    @When("the peer sends a well-formed {word} DECONGESTION frame with random content naming packets the IUT never sent")
    public void wellFormedDecongestion(String subtype) {
        var random = context().random();
        long never = (1L << 40) + (random.nextLong() & 0xFFFF_FFFFL);
        PeerFrame.Feedback feedback = switch (subtype) {
            case "CUBIC" -> new PeerFrame.CubicFeedback(random.nextInt(1 << 16), random.nextInt(1 << 16));
            case "CHICAGO" -> new PeerFrame.ChicagoFeedback(u32(), u32(), u32(), u32());
            case "LEDBAT" -> new PeerFrame.LedbatFeedback(List.of(new PeerFrame.ReceiveTimestamp(never & LOW48, u32()),
                    new PeerFrame.ReceiveTimestamp((never + 1) & LOW48, u32())));
            case "INTER_ARRIVAL" -> new PeerFrame.InterArrivalFeedback(random.nextInt(1 << 16), never & LOW48, u32(),
                    List.of(new PeerFrame.InterArrivalDelta(1, 100), new PeerFrame.InterArrivalDelta(3, 250)));
            default -> throw new IllegalArgumentException("no DECONGESTION subtype '" + subtype + "'");
        };
        context().peer().send(List.of(new PeerFrame.Decongestion(feedback)));
    }

    private long u32() {
        return context().random().nextLong() & 0xFFFF_FFFFL;
    }

    @When("the peer sends a GOAWAY with last_peer_lsid {long} and error code {word}")
    public void goaway(long lastPeerLsid, String code) {
        context().peer().send(List.of(new PeerFrame.Goaway(lastPeerLsid, FrameChecks.number(code), "going away")));
    }

    @When("the peer sends a packet that carries only a PING")
    public void ping() {
        pingPacket = context().peer().send(List.of(new PeerFrame.Ping()));
    }

    @Then("the IUT acknowledges that packet")
    public void pingAcknowledged() {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && peer.closeReceived() == null) {
            ReceivedPacket p = peer.receive(Duration.ofMillis(200));
            if (p != null && FrameChecks.acks(p).stream().anyMatch(a -> a.acknowledges(pingPacket))) {
                return;
            }
        }
        FrameChecks.assertNotClosed(peer, "FRM-PING-1");
        throw new AssertionError("FRM-PING-1, CHN-ACK-1: the packet " + pingPacket
                + " carrying only a PING is ack-eliciting, but the IUT did not acknowledge it within "
                + ScenarioContext.TIMEOUT);
    }

    @When("the peer sends a PATH_CHALLENGE with 8 random bytes")
    public void pathChallenge() {
        TesterPeer peer = context().peer();
        challenge = context().randomBytes(8);
        markBeforeChallenge = peer.receivedPackets().size();
        challengePacket = peer.send(List.of(new PeerFrame.PathChallenge(challenge)));
    }

    @Then("the IUT answers it with a PATH_RESPONSE carrying the same 8 bytes, before any other packet that acknowledges the challenge")
    public void pathResponse() {
        TesterPeer peer = context().peer();
        ReceivedPacket answer = null;
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (answer == null && System.nanoTime() < deadline && peer.closeReceived() == null) {
            peer.receive(Duration.ofMillis(200));
            answer = FrameChecks.since(peer, markBeforeChallenge).stream().filter(this::answersChallenge).findFirst()
                    .orElse(null);
        }
        FrameChecks.assertNotClosed(peer, "FRM-PATH-1");
        if (answer == null) {
            throw new AssertionError("FRM-PATH-1: no PATH_RESPONSE with the challenge's data "
                    + org.sss.conformance.peer.wire.Hex.of(challenge) + " within " + ScenarioContext.TIMEOUT);
        }
        for (ReceivedPacket p : FrameChecks.since(peer, markBeforeChallenge)) {
            if (p.packetNumber() < answer.packetNumber()) {
                assertThat(FrameChecks.acks(p)).as("FRM-PATH-1: packet %d acknowledges the challenge (packet %d) but "
                        + "the PATH_RESPONSE came only in the later packet %d", p.packetNumber(), challengePacket,
                        answer.packetNumber()).noneMatch(a -> a.acknowledges(challengePacket));
            }
        }
    }

    @Then("the IUT sends no second PATH_RESPONSE for that challenge")
    public void onlyOneResponse() {
        context().listen(ScenarioContext.QUIET);
        long count = FrameChecks.since(context().peer(), markBeforeChallenge).stream()
                .flatMap(p -> p.framesOf(PeerFrame.PathResponse.class).stream())
                .filter(r -> Arrays.equals(r.data(), challenge)).count();
        assertThat(count).as("FRM-PATH-3: PATH_RESPONSE frames for the one PATH_CHALLENGE").isEqualTo(1);
    }

    private boolean answersChallenge(ReceivedPacket p) {
        return p.framesOf(PeerFrame.PathResponse.class).stream().anyMatch(r -> Arrays.equals(r.data(), challenge));
    }

    @When("the peer sends a PATH_RESPONSE with 8 random bytes that answer no challenge")
    public void strayResponse() {
        context().peer().send(List.of(new PeerFrame.PathResponse(context().randomBytes(8))));
    }
}
