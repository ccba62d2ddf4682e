package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.AckRanges;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md sections 7.3 and 7.8 on the receiving side: ACK frames with unusual or invalid
 * fields, built from the packet numbers the IUT really used, a NACKed packet that must be resent,
 * and CLOSE frames (trailing bytes, ack type, final ACK, error codes) with the draining that follows.
 */
public class FrameAckSteps {
    private int markBeforeClose;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    private TreeSet<Long> received() {
        return new TreeSet<>(FrameChecks.receivedNumbers(context().peer()));
    }

    @Given("the IUT has sent at least {int} packets on the channel")
    public void atLeastPackets(int count) {
        TesterPeer peer = context().peer();
        while (peer.receivedPackets().size() < count) {
            long lsid = peer.openStream("echo", "sss-test/1");
            peer.sendRecord(lsid, context().randomBytes(32));
            peer.finish(lsid);
            context().awaitFinished(lsid);
        }
        context().listen(Duration.ofMillis(100));
    }

    @When("the peer acknowledges the IUT's packets with an ACK whose entropy bytes are random and non-zero")
    public void entropy() {
        PeerFrame.Ack truthful = AckRanges.of(received(), Set.of(), 0);
        int sent = 1 + context().random().nextInt(255);
        int got = 1 + context().random().nextInt(255);
        context().peer().send(List.of(new PeerFrame.Ack(sent, got, truthful.leastUnacked(), truthful.largestObserved(),
                0, truthful.nackRanges())));
    }

    @When("the peer sends an ACK whose least_unacked is largest_observed + 1, reporting nothing")
    public void reportsNothing() {
        long highest = received().last();
        context().peer().send(List.of(PeerFrame.Ack.of(highest + 1, highest, 0, List.of())));
    }

    @When("the peer sends an ACK with two adjacent NACK ranges")
    public void adjacentRanges() {
        long highest = received().last();
        PeerFrame.Ack base = AckRanges.of(received(), Set.of(highest - 1, highest - 2), 0);
        List<PeerFrame.NackRange> ranges = new ArrayList<>();
        for (PeerFrame.NackRange r : base.nackRanges()) {
            if (r.firstMissing() + r.runLength() == highest) {
                ranges.add(new PeerFrame.NackRange(highest - 1, 1));
                ranges.add(new PeerFrame.NackRange(r.firstMissing(), r.runLength() - 1));
            } else {
                ranges.add(r);
            }
        }
        assertThat(ranges).as("the split ranges").hasSize(base.nackRanges().size() + 1);
        context().peer().send(List.of(PeerFrame.Ack.of(base.leastUnacked(), highest, 0, ranges)));
    }

    @When("the peer sends an ACK of the IUT's packets in which {}")
    public void invalidAck(String fault) {
        context().peer().send(List.of(invalid(fault)));
    }

    private PeerFrame.Ack invalid(String fault) {
        long low = received().first();
        long high = received().last();
        assertThat(high - low).as("the IUT's packet numbers span at least 4").isGreaterThanOrEqualTo(3);
        return switch (fault) {
            case "least_unacked is largest_observed + 2" -> PeerFrame.Ack.of(high + 2, high, 0, List.of());
            case "a NACK range has run_length 0" -> ack(low, high, range(high - 1, 0));
            case "a NACK range includes largest_observed" -> ack(low, high, range(high, 1));
            case "a NACK range starts below least_unacked" -> ack(low + 1, high, range(low, 2));
            case "the NACK ranges come in increasing order" -> ack(low, high, range(low, 1), range(high - 1, 1));
            case "two NACK ranges overlap" -> ack(low, high, range(high - 2, 2), range(high - 3, 2));
            default -> throw new IllegalArgumentException("no invalid ACK '" + fault + "'");
        };
    }

    private static PeerFrame.Ack ack(long least, long largest, PeerFrame.NackRange... ranges) {
        return PeerFrame.Ack.of(least, largest, 0, List.of(ranges));
    }

    private static PeerFrame.NackRange range(long first, int run) {
        return new PeerFrame.NackRange(first, run);
    }

    @Then("the IUT resends the data of a packet the peer reports missing in every ACK, on a source stream of {int} bytes")
    public void nackedDataResent(int length) {
        TesterPeer peer = context().peer();
        peer.setAutoAck(false);
        long lsid = peer.openStream("source", "sss-test/1");
        peer.sendRecord(lsid, ByteBuffer.allocate(12).putLong(length).putInt(0).array());
        long victim = -1;
        long victimOffset = -1;
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        Set<Long> missing = new HashSet<>();
        while (System.nanoTime() < deadline && peer.closeReceived() == null) {
            ReceivedPacket p = peer.receive(Duration.ofMillis(200));
            if (p == null) {
                continue;
            }
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.lsid() != lsid || s.length() == 0) {
                    continue;
                }
                if (victim < 0 && s.offset() > 0) {
                    victim = p.packetNumber();
                    victimOffset = s.offset();
                    missing.add(victim);
                } else if (victim >= 0 && p.packetNumber() > victim && s.offset() <= victimOffset
                        && victimOffset < s.offset() + s.length()) {
                    return; // FRM-ACK-2, CHN-ACK-9: the NACK range was read as the packet it names
                }
            }
            if (p.isAckEliciting()) {
                peer.send(List.of(AckRanges.of(FrameChecks.receivedNumbers(peer), missing, 0)));
            }
        }
        FrameChecks.assertNotClosed(peer, "FRM-ACK-2");
        throw new AssertionError("FRM-ACK-2, CHN-ACK-9: packet " + victim + " (stream data from offset " + victimOffset
                + ") was reported missing in every ACK but its data was not sent again within "
                + ScenarioContext.TIMEOUT + "; the stream: " + peer.inbox(lsid));
    }

    @When("the peer sends a well-formed CLOSE with error code {word} followed by {}")
    public void closeFollowedBy(String code, String trailer) {
        TesterPeer peer = context().peer();
        context().listen(Duration.ofMillis(200));
        markBeforeClose = peer.receivedPackets().size();
        PeerFrame.Close close = PeerFrame.Close.of(FrameChecks.number(code), "tester closes",
                AckRanges.of(FrameChecks.receivedNumbers(peer), Set.of(), 0));
        List<PeerFrame> frames = new ArrayList<>(List.of(close));
        switch (trailer) {
            case "nothing" -> { }
            case "an unknown frame type and 13 random bytes" ->
                frames.add(CraftedFrames.ofType(0xEE, context().randomBytes(13)));
            case "a STREAM frame for LSID 0 with reserved bits set" -> frames.add(new PeerFrame.Stream(
                    PeerFrame.Stream.LENGTH | PeerFrame.Stream.RESERVED_MASK, 0, 0, null, 0, context().randomBytes(9)));
            default -> throw new IllegalArgumentException("no trailer '" + trailer + "'");
        }
        FrameChecks.sendEndingWith(peer, frames);
    }

    @Then("the IUT drains: after a PING from the peer it has sent at most one packet, a CLOSE that is neither FRAME_ENCODING_ERROR nor PROTOCOL_VIOLATION")
    public void drains() {
        TesterPeer peer = context().peer();
        context().listen(Duration.ofMillis(200));
        peer.send(List.of(new PeerFrame.Ping()));
        context().listen(ScenarioContext.QUIET);
        List<ReceivedPacket> after = FrameChecks.since(peer, markBeforeClose);
        assertThat(after).as("CHN-CLOSE-3: packets the IUT sent after the peer's CLOSE").hasSizeLessThanOrEqualTo(1);
        for (ReceivedPacket p : after) {
            List<PeerFrame.Close> closes = p.framesOf(PeerFrame.Close.class);
            assertThat(closes).as("CHN-CLOSE-3: the one packet allowed is a CLOSE: %s", p.frames()).hasSize(1);
            String code = ErrorCode.nameOf(closes.get(0).errorCode());
            assertThat(code).as("FRM-CLOSE-2, FRM-CLOSE-5: the IUT's CLOSE code after the peer's well-formed CLOSE "
                    + "(reason '%s')", closes.get(0).reason()).isNotIn("FRAME_ENCODING_ERROR", "PROTOCOL_VIOLATION");
        }
    }

    @When("the peer sends a CLOSE whose ack type byte is {word}")
    public void closeAckType(String type) {
        TesterPeer peer = context().peer();
        peer.send(List.of(new PeerFrame.Close(0, "bye", (int) FrameChecks.number(type),
                AckRanges.of(FrameChecks.receivedNumbers(peer), Set.of(), 0))));
    }

    @When("the peer sends a CLOSE with NO_ERROR whose final ACK {}")
    public void closeWithBadAck(String fault) {
        TesterPeer peer = context().peer();
        long high = received().last();
        PeerFrame.Ack ack = switch (fault) {
            case "has a NACK range with run_length 0" -> ack(received().first(), high, range(high - 1, 0));
            case "acknowledges a packet number above the IUT's largest" -> ack(received().first(), high + 5);
            default -> throw new IllegalArgumentException("no final ACK '" + fault + "'");
        };
        peer.send(List.of(PeerFrame.Close.of(0, "bye", ack)));
    }
}
