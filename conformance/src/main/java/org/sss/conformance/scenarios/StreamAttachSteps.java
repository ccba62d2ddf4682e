package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md 8.9 (attach and migration). An attach is a STREAM frame with INIT and USID, parent
 * 0, a fresh LSID of the attacher's parity and data at the stream's own offsets (STR-ATTACH-1); the
 * USID is {@code channel_id ‖ be64(L)} of the channel that created the stream (STR-ID-6).
 */
public class StreamAttachSteps {
    /** The channel on which the last attach went, and the LSID it used there. */
    private TesterPeer attachedOn;
    private long attachedLsid = -1;
    private TesterPeer second;

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** STR-ID-6: the USID of a stream created on {@code creator}'s channel under {@code lsid}. */
    private static byte[] usidOf(TesterPeer creator, long lsid) {
        return ByteBuffer.allocate(24).put(creator.channelId()).putLong(lsid).array();
    }

    /** The attaching frames: INIT and USID on each, parent 0, {@code data} from stream offset {@code offset}. */
    private static List<PeerFrame.Stream> attachFrames(long lsid, byte[] usid, long offset, byte[] data, boolean record,
            boolean fin) {
        List<PeerFrame.Stream> out = new ArrayList<>();
        int pos = 0;
        do {
            int n = Math.min(StreamScenario.CHUNK, data.length - pos);
            boolean last = pos + n == data.length;
            long at = offset + pos;
            int flags = PeerFrame.Stream.INIT | PeerFrame.Stream.USID | PeerFrame.Stream.LENGTH
                    | PeerFrame.Stream.offsetSizeCode(at) << 10 | (last && record ? PeerFrame.Stream.RECORD : 0)
                    | (last && fin ? PeerFrame.Stream.FIN : 0);
            out.add(new PeerFrame.Stream(flags, lsid, 0, usid, at, Arrays.copyOfRange(data, pos, pos + n)));
            pos += n;
        } while (pos < data.length);
        return out;
    }

    private void attach(TesterPeer on, byte[] usid, long offset, byte[] data, boolean record, boolean fin) {
        attachedOn = on;
        attachedLsid = on.openSubstream(0);
        StreamScenario.sendEach(on, attachFrames(attachedLsid, usid, offset, data, record, fin));
    }

    @When("the peer attaches a stream with a random USID and a record of {int} random bytes")
    public void attachUnknown(int size) {
        attach(context().peer(), context().randomBytes(24), 0, context().randomBytes(size), true, false);
    }

    @When("another tester peer, under another identity, attaches {word} by its USID with a record of {int} random bytes")
    public void attachFromStranger(String label, int size) {
        StreamScenario.Opened s = streams().get(label);
        TesterPeer stranger = context().connectAnother();
        attach(stranger, usidOf(s.peer, s.lsid), s.offset, context().randomBytes(size), true, false);
    }

    @Then("the IUT resets the attached LSID with {errorCode}")
    public void attachRefused(ErrorCode code) {
        assertRefused(code);
    }

    @Then("the IUT resets the attached LSID with {errorCode} on that other channel")
    public void attachRefusedThere(ErrorCode code) {
        assertRefused(code);
    }

    private void assertRefused(ErrorCode code) {
        StreamInbox in = attachedOn.awaitStream(attachedLsid, i -> i.isReset() || attachedOn.closeReceived() != null,
                ScenarioContext.TIMEOUT);
        StreamScenario.assertOpen(attachedOn, "STR-ATTACH-2 (an unknown USID resets one stream)");
        assertThat(ErrorCode.nameOf(in.resetCode())).as("STR-ATTACH-2: RESET of the attached LSID %d (reason '%s')",
                attachedLsid, in.resetReason()).isEqualTo(code.name());
        assertThat(in.highestOffset()).as("STR-ATTACH-2: data on the refused attachment").isZero();
    }

    @When("the peer negotiates a second channel under the same identity")
    public void secondChannel() {
        second = context().connectAnother(context().peer().sameIdentityOptions());
    }

    @When("the peer attaches {word} to the second channel and sends there a record of {int} random bytes, overlapping the last {int} bytes sent on the first")
    public void attachOverlapping(String label, int size, int overlap) {
        StreamScenario.Opened s = streams().get(label);
        byte[] sentBefore = s.sent.toByteArray();
        byte[] fresh = context().randomBytes(size);
        ByteBuffer data = ByteBuffer.allocate(overlap + size);
        data.put(sentBefore, sentBefore.length - overlap, overlap).put(fresh);
        attach(second, usidOf(s.peer, s.lsid), s.offset - overlap, data.array(), true, false);
        record(s, fresh, false);
    }

    @When("the peer attaches {word} to the second channel and sends there a record of {int} random bytes and FIN")
    public void attachWithFin(String label, int size) {
        StreamScenario.Opened s = streams().get(label);
        byte[] fresh = context().randomBytes(size);
        attach(second, usidOf(s.peer, s.lsid), s.offset, fresh, true, true);
        record(s, fresh, true);
    }

    /** Books {@code fresh} as sent on {@code s} as one record, at its next offset. */
    private static void record(StreamScenario.Opened s, byte[] fresh, boolean fin) {
        s.offset += fresh.length;
        s.sent.writeBytes(fresh);
        s.boundaries.add((long) s.sent.size());
        s.lastEndsRecord = true;
        s.finSent |= fin;
    }

    @When("the peer sends the next record of {int} random bytes on {word} and FIN on the first channel")
    public void continueOnFirst(int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        streams().send(s, context().randomBytes(size), true, true);
    }

    @When("the peer closes the first channel with CHANNEL_REPLACED")
    public void closeFirst() {
        context().peer().sendClose(ErrorCode.CHANNEL_REPLACED.code(), "replaced by a new channel");
    }

    @Then("the IUT echoes {word}, merged over both channels")
    public void echoedMerged(String label) {
        StreamScenario.Opened s = streams().get(label);
        TesterPeer first = s.peer;
        byte[] usid = usidOf(first, s.lsid);
        List<TesterPeer> both = List.of(first, second);
        StreamInbox[] merged = new StreamInbox[1];
        StreamScenario.receiveUntil(both, () -> {
            merged[0] = StreamInbox.merged(s.lsid, framesOfStream(first, second, s.lsid, usid));
            return merged[0].isFinished();
        }, "STR-ATTACH-6: the echo of " + s + " over both channels");
        StreamInbox in = merged[0];
        assertThat(in.isReset() || first.inbox(s.lsid).isReset() || second.inbox(attachedLsid).isReset())
                .as("STR-ATTACH-8: %s was reset", s).isFalse();
        long reply = StreamScenario.replyLength(s, in);
        byte[] all = in.bytes();
        assertThat(Arrays.copyOfRange(all, (int) reply, all.length)).as("STR-ATTACH-6, TST-ECHO-1: the echo of %s, %s",
                s, in).isEqualTo(s.sent.toByteArray());
        assertThat(in.finalSize() - reply).as("TST-ECHO-3: the final size echoed").isEqualTo(s.sent.size());
    }

    /**
     * The IUT's frames of one stream: on the first channel under its LSID, on the second under the
     * peer's attach LSID or under an LSID the IUT attached itself with the stream's USID.
     */
    private List<PeerFrame.Stream> framesOfStream(TesterPeer first, TesterPeer other, long lsid, byte[] usid) {
        List<PeerFrame.Stream> out = new ArrayList<>(StreamScenario.framesFor(first, lsid));
        List<Long> own = new ArrayList<>();
        for (ReceivedPacket p : other.receivedPackets()) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                if (f.has(PeerFrame.Stream.USID) && Arrays.equals(f.usid(), usid) && !own.contains(f.lsid())) {
                    own.add(f.lsid());
                }
                if (f.lsid() == attachedLsid || own.contains(f.lsid())) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
