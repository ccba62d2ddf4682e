package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * The common vocabulary of the stream scenarios (SPEC.md section 8, Appendix A.1): streams and
 * substreams opened by label, records and FIN sent on them, RESETs either way, and the echo check.
 * Frames are built by {@link StreamScenario}, with INIT on every frame.
 */
public class StreamSteps {
    /** The packet the last "in a packet of its own" step sent, and how many IUT frames its stream had then. */
    private long lastPacket = -1;
    private int framesBefore;

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("the peer opens stream {word} to service {string}")
    public void open(String label, String service) {
        streams().connect(label, service, "sss-test/1");
    }

    @When("the peer opens stream {word} to service {string} with a record of {int} random bytes and FIN, all in one packet")
    public void openWithAll(String label, String service, int size) {
        StreamScenario.Opened s = streams().allocateTopLevel(label);
        List<PeerFrame> frames = new ArrayList<>(streams().requestFrames(s, service, "sss-test/1"));
        frames.addAll(streams().frames(s, context().randomBytes(size), true, true));
        s.peer.send(frames);
    }

    @Given("the IUT has replied on {word}")
    public void replied(String label) {
        StreamScenario.Opened s = streams().get(label);
        s.peer.awaitStream(s.lsid, StreamSteps::hasReply, ScenarioContext.TIMEOUT);
    }

    private static boolean hasReply(StreamInbox in) {
        return in.isReset() || !in.recordBoundaries().isEmpty() && in.contiguousLength() >= in.recordBoundaries().first();
    }

    @Given("the IUT has echoed {int} bytes on {word}")
    public void echoedSoFar(int bytes, String label) {
        StreamScenario.Opened s = streams().get(label);
        StreamInbox inbox = s.peer.awaitStream(s.lsid, in -> in.isReset()
                || (!s.topLevel() || hasReply(in)) && in.contiguousLength() >= replyOf(s, in) + bytes,
                ScenarioContext.TIMEOUT);
        assertThat(inbox.isReset()).as("TST-ECHO-1: %s was reset: %s", s, inbox).isFalse();
    }

    private static long replyOf(StreamScenario.Opened s, StreamInbox in) {
        return s.topLevel() ? in.recordBoundaries().first() : 0;
    }

    @When("the peer opens substream {word} under {word} and sends a record of {int} random bytes on it")
    public void openChildWithRecord(String label, String parent, int size) {
        StreamScenario.Opened s = streams().allocateChild(label, parent);
        streams().send(s, context().randomBytes(size), true, false);
    }

    @When("the peer opens substream {word} under {word} with one frame carrying INIT, a record of {int} random bytes and FIN")
    public void openChildOneFrame(String label, String parent, int size) {
        StreamScenario.Opened s = streams().allocateChild(label, parent);
        List<PeerFrame.Stream> frames = streams().frames(s, context().randomBytes(size), true, true);
        assertThat(frames).as("one frame").hasSize(1);
        s.peer.send(frames);
    }

    @When("the peer opens substream {word} under {word} with one frame carrying INIT and FIN and no data")
    public void openChildEmpty(String label, String parent) {
        StreamScenario.Opened s = streams().allocateChild(label, parent);
        s.peer.send(streams().frames(s, new byte[0], false, true));
    }

    @When("the peer opens substream {word} under {word} and sends a connect request for {string} {string} as its first record, then FIN")
    public void childWithRequest(String label, String parent, String service, String protocol) {
        StreamScenario.Opened s = streams().allocateChild(label, parent);
        streams().send(s, ServiceMessages.connectRequest(service, protocol), true, true);
    }

    @When("the peer sends a record of {int} random bytes on {word}")
    public void sendRecord(int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        streams().send(s, context().randomBytes(size), true, false);
    }

    @When("the peer sends a record of {int} random bytes on {word}, then FIN")
    public void sendRecordFin(int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        streams().send(s, context().randomBytes(size), true, true);
    }

    @When("the peer resets {word} with {errorCode}")
    public void reset(String label, ErrorCode code) {
        StreamScenario.Opened s = streams().get(label);
        s.resetPacket = s.peer.send(List.of(new PeerFrame.Reset(s.lsid, code.code(), "")));
    }

    @Then("the IUT echoes {word}")
    public void echoes(String label) {
        streams().assertEchoed(streams().get(label), "TST-ECHO-1 to TST-ECHO-4");
    }

    @Then("the IUT echoes every stream the peer opened")
    public void echoesAll() {
        for (StreamScenario.Opened s : streams().all()) {
            streams().assertEchoed(s, "TST-ECHO-1 to TST-ECHO-4");
        }
    }

    @Then("the IUT resets {word} with {errorCode}")
    public void resets(String label, ErrorCode code) {
        assertResetBy(streams().get(label), code);
    }

    @Then("the IUT resets that stream with {errorCode}")
    public void resetsLast(ErrorCode code) {
        List<StreamScenario.Opened> all = streams().all();
        assertResetBy(all.get(all.size() - 1), code);
    }

    private static void assertResetBy(StreamScenario.Opened s, ErrorCode code) {
        StreamInbox inbox = s.peer.awaitStream(s.lsid, in -> in.isReset() || s.peer.closeReceived() != null,
                ScenarioContext.TIMEOUT);
        StreamScenario.assertOpen(s.peer, "a stream-level refusal (" + code + ") resets one stream");
        assertThat(ErrorCode.nameOf(inbox.resetCode())).as("RESET code of %s (reason '%s')", s, inbox.resetReason())
                .isEqualTo(code.name());
    }

    @Then("the IUT reset no stream")
    public void resetNone() {
        TesterPeer peer = context().peer();
        assertThat(StreamScenario.resets(peer)).as("TST-ECHO-5, STR-RESET-3: RESET frames the IUT sent").isEmpty();
    }

    @Then("the IUT sent nothing on {word} after the peer's RESET")
    public void nothingAfterReset(String label) {
        StreamScenario.Opened s = streams().get(label);
        assertThat(s.resetPacket).as("the scenario reset %s", s).isNotNegative();
        StreamScenario.receiveUntil(s.peer, () -> StreamScenario.acknowledged(s.peer, s.resetPacket),
                "the IUT's acknowledgement of the RESET of " + s);
        long ackedIn = StreamScenario.firstAcknowledging(s.peer, s.resetPacket);
        List<PeerFrame.Stream> late = StreamScenario.framesFor(s.peer, s.lsid, ackedIn);
        assertThat(late).as("TST-ECHO-5, STR-RESET-2: STREAM frames on %s in IUT packets from %d on, which "
                + "acknowledge the peer's RESET", s, ackedIn).isEmpty();
    }

    @When("the peer sends, in a packet of its own, a record of {int} random bytes with INIT on {word}")
    public void initAgain(int size, String label) {
        sendAlone(streams().get(label), context().randomBytes(size));
    }

    @When("the peer sends, in a packet of its own, a record of {int} random bytes with INIT on {word} beyond its final size")
    public void beyondFinal(int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        assertThat(s.finSent).as("the peer finished %s", s).isTrue();
        sendAlone(s, context().randomBytes(size));
    }

    private void sendAlone(StreamScenario.Opened s, byte[] data) {
        framesBefore = StreamScenario.framesFor(s.peer, s.lsid).size();
        PeerFrame.Stream frame = StreamScenario.frameAt(s, s.offset, data).with(PeerFrame.Stream.RECORD);
        lastPacket = s.peer.send(List.of(frame));
    }

    @When("the peer opens stream {word} at LSID {long} to service {string} in a packet of its own")
    public void openAtAlone(String label, long lsid, String service) {
        TesterPeer peer = context().peer();
        StreamScenario.Opened s = streams().register(label, peer, peer.openSubstreamAt(lsid, 0), 0);
        framesBefore = StreamScenario.framesFor(peer, lsid).size();
        lastPacket = peer.send(streams().requestFrames(s, service, "sss-test/1"));
    }

    @When("the peer sends, in one packet, RESET for {word} with {errorCode} and then a record of {int} random bytes with INIT on {word}")
    public void resetThenData(String label, ErrorCode code, int size, String again) {
        StreamScenario.Opened s = streams().get(label);
        assertThat(again).isEqualTo(label);
        framesBefore = StreamScenario.framesFor(s.peer, s.lsid).size();
        PeerFrame.Stream frame = StreamScenario.frameAt(s, s.offset, context().randomBytes(size))
                .with(PeerFrame.Stream.RECORD);
        lastPacket = s.peer.send(List.of(new PeerFrame.Reset(s.lsid, code.code(), ""), frame));
        s.resetPacket = lastPacket;
    }

    @Then("the IUT acknowledges that packet but sends nothing on {word}")
    public void ackedNothing(String label) {
        ackedNothingMore(label);
    }

    /**
     * STR-OPEN-6: the packet is acknowledged, and the IUT sends nothing on the LSID. Absence is judged
     * after an echo round trip on a fresh stream that the IUT received after the packet: an IUT that
     * acted on the packet would have answered it by then.
     */
    @Then("the IUT acknowledges that packet but sends nothing more on {word}")
    public void ackedNothingMore(String label) {
        StreamScenario.Opened s = streams().get(label);
        StreamScenario.receiveUntil(s.peer, () -> StreamScenario.acknowledged(s.peer, lastPacket)
                || s.peer.closeReceived() != null, "STR-OPEN-6: the acknowledgement of packet " + lastPacket);
        StreamScenario.assertOpen(s.peer, "STR-OPEN-6 (frames for a retired LSID are ignored)");
        assertThat(StreamScenario.acknowledged(s.peer, lastPacket)).as("STR-OPEN-6: packet %d acknowledged", lastPacket)
                .isTrue();
        StreamScenario.echoRoundTrip(context(), s.peer);
        List<PeerFrame.Stream> after = StreamScenario.framesFor(s.peer, s.lsid);
        assertThat(after.subList(framesBefore, after.size()))
                .as("STR-OPEN-6: STREAM frames the IUT sent on retired %s after packet %d", s, lastPacket).isEmpty();
    }

    @Then("the IUT sent stream data only on the LSIDs the peer opened")
    public void onlyOnPeerLsids() {
        List<Long> ours = streams().all().stream().map(o -> o.lsid).toList();
        for (var p : context().peer().receivedPackets()) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                assertThat(ours).as("STR-ID-3: the IUT's STREAM frame %s in packet %d", f, p.packetNumber())
                        .contains(f.lsid());
            }
        }
    }
}
