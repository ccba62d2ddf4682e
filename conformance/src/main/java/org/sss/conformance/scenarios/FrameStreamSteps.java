package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigInteger;
import java.util.List;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Steps of SPEC.md sections 7.2, 7.6, 7.7 and 7.10 to 7.13 on the receiving side: STREAM frames with
 * faulty or unusual fields on an echo stream driven frame by frame, and the frames that name a
 * stream by LSID (DETACH, RESET, PRIORITY, MAX_STREAM_DATA, BLOCKED) and MAX_DATA.
 */
public class FrameStreamSteps {
    private long detachPacket = -1;
    private long streamPacket = -1;
    private long resetPacket = -1;
    private long sourceLsid = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer sends on that stream a STREAM frame of {int} bytes with flag USID set and INIT clear")
    public void usidWithoutInit(int size) {
        HandStream stream = HandStream.current();
        context().peer().send(List.of(CraftedFrames.stream(PeerFrame.Stream.USID | PeerFrame.Stream.LENGTH, stream.lsid,
                0, new byte[24], 8, stream.nextOffset(), size, context().randomBytes(size))));
    }

    @When("the peer sends on that stream a STREAM frame of {int} bytes with reserved flag bit {word} set")
    public void reservedBit(int size, String bit) {
        int mask = (int) FrameChecks.number(bit);
        assertThat(mask & ~PeerFrame.Stream.RESERVED_MASK).as("bit %s is one of the reserved bits 0x00FE", bit).isZero();
        HandStream stream = HandStream.current();
        context().peer().send(List.of(stream.next(context().randomBytes(size)).with(mask)));
    }

    @When("the peer sends on that stream a STREAM frame with no data and FIN clear, {}")
    public void emptyWithoutFin(String form) {
        HandStream stream = HandStream.current();
        TesterPeer peer = context().peer();
        switch (form) {
            case "with a length field of 0" -> peer.send(List.of(stream.next(new byte[0])));
            case "without a length field, ending the plaintext" -> FrameChecks.sendEndingWith(peer,
                    List.of(CraftedFrames.stream(0, stream.lsid, 0, null, 8, stream.nextOffset(), 0, new byte[0])));
            default -> throw new IllegalArgumentException("no form '" + form + "'");
        }
    }

    @When("the peer sends on that stream a STREAM frame at offset {word} in 8 bytes with {int} data bytes and FIN {word}")
    public void offsetOverflow(String offset, int length, String fin) {
        HandStream stream = HandStream.current();
        int flags = PeerFrame.Stream.LENGTH | ("set".equals(fin) ? PeerFrame.Stream.FIN : 0);
        context().peer().send(List.of(CraftedFrames.stream(flags, stream.lsid, 0, null, 8, power(offset).longValue(),
                length, context().randomBytes(length))));
    }

    /** {@code 2^62-1}, {@code 2^62}, {@code 2^64-1}: the offsets section 7.2 draws its limit at. */
    private static BigInteger power(String expression) {
        String[] parts = expression.split("-");
        String[] base = parts[0].split("\\^");
        BigInteger value = BigInteger.valueOf(Long.parseLong(base[0])).pow(Integer.parseInt(base[1]));
        return parts.length > 1 ? value.subtract(new BigInteger(parts[1])) : value;
    }

    @When("the peer sends {int} random bytes and FIN on that stream with the offset field {int} bytes wide")
    public void wideOffset(int size, int width) {
        HandStream stream = HandStream.current();
        byte[] data = context().randomBytes(size);
        PeerFrame.Raw frame = CraftedFrames.stream(PeerFrame.Stream.FIN, stream.lsid, 0, width, stream.nextOffset(), data);
        stream.sent(data);
        context().peer().send(List.of(frame));
    }

    @When("the peer sends FIN on that stream and receives the IUT's FIN")
    public void finishBoth() {
        HandStream stream = HandStream.current();
        context().peer().send(List.of(stream.next(new byte[0]).with(PeerFrame.Stream.FIN)));
        stream.assertEchoed("TST-ECHO-3");
        context().listen(java.time.Duration.ofMillis(200));
    }

    @When("the peer sends DETACH for that stream")
    public void detach() {
        detachPacket = context().peer().send(List.of(new PeerFrame.Detach(HandStream.current().lsid)));
    }

    @When("the peer then sends {int} random bytes on that stream in a later packet")
    public void dataAfterDetach(int size) {
        streamPacket = context().peer().send(List.of(HandStream.current().next(context().randomBytes(size))));
        assertThat(streamPacket).isGreaterThan(detachPacket);
    }

    @When("the peer sends DETACH for that stream in one packet and then {int} random bytes on that stream in a packet with a lower number")
    public void dataBeforeDetach(int size) {
        TesterPeer peer = context().peer();
        HandStream stream = HandStream.current();
        streamPacket = peer.nextPacketNumber();
        peer.skipPacketNumbers(1);
        detachPacket = peer.send(List.of(new PeerFrame.Detach(stream.lsid)));
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(streamPacket, false),
                List.of(stream.next(context().randomBytes(size))));
        peer.sendRaw(peer.boxes().sealMessage(streamPacket, plaintext));
    }

    @Then("the IUT acknowledges both packets")
    public void bothAcknowledged() {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        boolean detachAcked = false;
        boolean streamAcked = false;
        while (!(detachAcked && streamAcked) && peer.closeReceived() == null && System.nanoTime() < deadline) {
            ReceivedPacket p = peer.receive(java.time.Duration.ofMillis(200));
            if (p != null) {
                for (PeerFrame.Ack ack : FrameChecks.acks(p)) {
                    detachAcked |= ack.acknowledges(detachPacket);
                    streamAcked |= ack.acknowledges(streamPacket);
                }
            }
        }
        FrameChecks.assertNotClosed(peer, "FRM-DETACH-2");
        assertThat(streamAcked).as("FRM-DETACH-2: the STREAM packet %d, numbered below the DETACH's packet %d, is "
                + "processed normally and acknowledged", streamPacket, detachPacket).isTrue();
        assertThat(detachAcked).as("the DETACH packet %d is acknowledged", detachPacket).isTrue();
    }

    @When("^the peer sends a (PRIORITY|DETACH|RESET|MAX_STREAM_DATA|BLOCKED) frame for LSID (\\d+)$")
    public void frameForLsid(String type, long lsid) {
        context().peer().send(List.of(frameNaming(type, lsid)));
    }

    @When("^the peer sends a (PRIORITY|DETACH|RESET|MAX_STREAM_DATA|BLOCKED) frame for that stream$")
    public void frameForHandStream(String type) {
        context().peer().send(List.of(frameNaming(type, HandStream.current().lsid)));
    }

    private PeerFrame frameNaming(String type, long lsid) {
        return switch (type) {
            case "PRIORITY" -> new PeerFrame.Priority(lsid, context().random().nextInt(1 << 16));
            case "DETACH" -> new PeerFrame.Detach(lsid);
            case "RESET" -> new PeerFrame.Reset(lsid, ErrorCode.CANCELLED.code(), "cancelled by the tester");
            case "MAX_STREAM_DATA" -> new PeerFrame.MaxStreamData(lsid, 1L << 30);
            case "BLOCKED" -> new PeerFrame.Blocked(lsid, context().random().nextInt(1 << 20));
            default -> throw new IllegalArgumentException(type);
        };
    }

    @When("the peer sends MAX_DATA {long}, below the limit it advertised at first")
    public void lowerMaxData(long value) {
        context().peer().send(List.of(new PeerFrame.MaxData(value)));
    }

    @Given("the peer has asked the source service for {long} bytes and received the first data")
    public void sourceStarted(long length) {
        TesterPeer peer = context().peer();
        sourceLsid = peer.openStream("source", "sss-test/1");
        peer.sendRecord(sourceLsid, java.nio.ByteBuffer.allocate(12).putLong(length).putInt(0).array());
        StreamInbox inbox = context().awaitReply(sourceLsid);
        long reply = inbox.recordBoundaries().first();
        peer.awaitStream(sourceLsid, in -> in.contiguousLength() > reply + 10_000, ScenarioContext.TIMEOUT);
    }

    @When("the peer resets that stream with error code {word}")
    public void resetSource(String code) {
        long value = code.startsWith("0x") ? FrameChecks.number(code) : ErrorCode.valueOf(code).code();
        resetPacket = context().peer().send(List.of(new PeerFrame.Reset(sourceLsid, value, "stop")));
    }

    @Then("once the IUT has acknowledged the RESET, it sends no more STREAM frames on that stream, and no RESET")
    public void stoppedSending() {
        TesterPeer peer = context().peer();
        long ackedIn = -1;
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (ackedIn < 0 && peer.closeReceived() == null && System.nanoTime() < deadline) {
            ReceivedPacket p = peer.receive(java.time.Duration.ofMillis(200));
            if (p != null && FrameChecks.acks(p).stream().anyMatch(a -> a.acknowledges(resetPacket))) {
                ackedIn = p.packetNumber();
            }
        }
        FrameChecks.assertNotClosed(peer, "FRM-CLOSE-5 (any RESET error code is accepted)");
        assertThat(ackedIn).as("the IUT acknowledged the RESET packet %d", resetPacket).isNotNegative();
        context().listen(ScenarioContext.QUIET);
        for (ReceivedPacket p : peer.receivedPackets()) {
            assertThat(p.framesOf(PeerFrame.Reset.class)).as("FRM-RESET-5: RESET frames in packet %d",
                    p.packetNumber()).noneMatch(r -> r.lsid() == sourceLsid);
            if (p.packetNumber() > ackedIn) {
                assertThat(p.framesOf(PeerFrame.Stream.class)).as("FRM-RESET-2: STREAM frames in packet %d, sent after "
                        + "packet %d acknowledged the RESET", p.packetNumber(), ackedIn)
                        .noneMatch(s -> s.lsid() == sourceLsid);
            }
        }
    }

    @Then("the IUT sent no RESET for that stream")
    public void noResetForHandStream() {
        long lsid = HandStream.current().lsid;
        for (ReceivedPacket p : context().peer().receivedPackets()) {
            assertThat(p.framesOf(PeerFrame.Reset.class)).as("FRM-RESET-5: RESET frames in packet %d", p.packetNumber())
                    .noneMatch(r -> r.lsid() == lsid);
        }
    }
}
