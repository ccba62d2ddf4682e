package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md 6.7 and 8.9 about the flow control of an attached stream (CHN-FLOW-9, CHN-FLOW-10)
 * and the parent field of an attaching frame (FRM-STREAM-11). The peer first moves one stream far
 * enough on its first channel (past the IUT's initial channel limit, or until the IUT raised the
 * stream's limit), then attaches it to a second channel of the same identity with INIT and USID and
 * sends there at the stream's own offsets. An IUT that counted the attachment from offset 0, or gave
 * the attached stream a fresh initial limit, would close the second channel with FLOW_CONTROL_ERROR.
 */
public class StreamAttachFlowSteps {
    /** Bytes per call of the peer's send on the first channel; it then waits for the ACK (paced). */
    private static final int BURST = 16_000;
    /** Attaching frames sent before the peer waits for their ACK. */
    private static final int FRAMES_PER_BURST = 24;

    private TesterPeer first;
    private TesterPeer second;
    private long lsid = -1;
    private long attachLsid = -1;
    private byte[] usid;
    /** The application bytes the peer sent on the stream, over both channels, after its connect request. */
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private long initialStreamLimit;
    private long attachOffset;
    private long attachLength;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("the peer sends on a new discard stream until the IUT has raised that stream's limit above its initial value")
    public void untilStreamLimitRaised() {
        open("discard");
        sendPaced(() -> first.streamSendLimit(lsid) > initialStreamLimit,
                "a MAX_STREAM_DATA raising the limit of the discard stream above " + initialStreamLimit);
    }

    @Given("the peer sends on a new discard stream until the stream's offset exceeds the IUT's initial channel limit")
    public void untilBeyondChannelLimit() {
        open("discard");
        long channel = setting(first, PeerFrame.Setting.INITIAL_MAX_DATA, 1_048_576);
        sendPaced(() -> first.sendOffset(lsid) > channel, "stream data beyond offset " + channel);
    }

    @Given("the peer sends on a new echo stream a record of {int} random bytes and the IUT echoes it")
    public void echoFirst(int size) {
        open("echo");
        byte[] data = context().randomBytes(size);
        first.sendRecord(lsid, data);
        sent.writeBytes(data);
        first.awaitStream(lsid, in -> in.records().size() >= 2, ScenarioContext.TIMEOUT);
    }

    private void open(String service) {
        first = context().peer();
        initialStreamLimit = setting(first, PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, 262_144);
        lsid = first.openStream(service, "sss-test/1");
        usid = ByteBuffer.allocate(24).put(first.channelId()).putLong(lsid).array();
    }

    /** The IUT's value of a SETTINGS tag, or its default when the SETTINGS omit it (FRM-SET-5). */
    private static long setting(TesterPeer peer, int tag, long defaultValue) {
        PeerFrame.Setting s = peer.peerSettings() == null ? null : peer.peerSettings().find(tag);
        return s == null ? defaultValue : s.numericValue();
    }

    /** Sends records within the IUT's credit, waiting for each burst's ACK, until {@code done}. */
    private void sendPaced(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + 2 * ScenarioContext.TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            StreamScenario.assertOpen(first, "CHN-FLOW-1 (data within the IUT's credit)");
            if (System.nanoTime() - deadline > 0) {
                throw context().inconclusive("setup: " + what + " did not happen (the IUT granted no more credit;"
                        + " CHN-FLOW-5 is a SHOULD)", null);
            }
            long credit = first.sendCredit(lsid);
            if (credit == 0) {
                first.receive(Duration.ofMillis(20));
                continue;
            }
            byte[] data = context().randomBytes((int) Math.min(BURST, credit));
            first.sendStreamData(lsid, data, true, false);
            sent.writeBytes(data);
            long pn = first.nextPacketNumber() - 1;
            StreamScenario.receiveUntil(first, () -> StreamScenario.acknowledged(first, pn),
                    "the ACK of packet " + pn + " on the first channel");
        }
    }

    @When("the peer attaches the stream to a second channel of the same identity and sends there, from the stream's next offset, data up to the stream's current limit and FIN")
    public void attachUpToLimit() {
        attach(0, first.streamSendLimit(lsid) - first.sendOffset(lsid), false, true);
        if (attachOffset + attachLength <= initialStreamLimit) {
            throw context().inconclusive("setup: the attachment ends at " + (attachOffset + attachLength)
                    + ", within the initial stream limit " + initialStreamLimit + ", and could not tell", null);
        }
    }

    @When("the peer attaches the stream to a second channel of the same identity and sends there, from the stream's next offset, {int} random bytes and FIN")
    public void attachSome(int size) {
        attach(0, size, false, false);
    }

    @When("the peer attaches the stream to a second channel of the same identity with a random non-zero parent LSID and sends there a record of {int} random bytes and FIN")
    public void attachWithParent(int size) {
        attach(1 + context().random().nextInt(1 << 20), size, true, false);
    }

    /**
     * Attaches the stream to a new second channel and sends {@code size} bytes there from its next
     * offset, with FIN. With {@code lastFirst} the frame that ends the data goes first, as reordering
     * in the network could deliver it: it then arrives before the IUT's application has read anything
     * on the attachment, so a receiver that raised a fresh initial limit as the application reads
     * cannot catch up before it.
     */
    private void attach(long parent, long size, boolean record, boolean lastFirst) {
        second = context().connectAnother(first.sameIdentityOptions());
        attachOffset = first.sendOffset(lsid);
        long room = Math.min(first.streamSendLimit(lsid) - attachOffset, second.channelSendLimit());
        attachLength = Math.min(size, room);
        if (attachLength <= 0) {
            throw context().inconclusive("setup: no credit left on the stream to send on the attachment", null);
        }
        byte[] data = context().randomBytes((int) attachLength);
        sent.writeBytes(data);
        attachLsid = second.openSubstream(0);
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (int pos = 0; pos < data.length; pos += StreamScenario.CHUNK) {
            int n = Math.min(StreamScenario.CHUNK, data.length - pos);
            boolean last = pos + n == data.length;
            long at = attachOffset + pos;
            int flags = PeerFrame.Stream.INIT | PeerFrame.Stream.USID | PeerFrame.Stream.LENGTH
                    | PeerFrame.Stream.offsetSizeCode(at) << 10 | (last ? PeerFrame.Stream.FIN : 0)
                    | (last && record ? PeerFrame.Stream.RECORD : 0);
            frames.add(new PeerFrame.Stream(flags, attachLsid, parent, usid, at, Arrays.copyOfRange(data, pos, pos + n)));
        }
        if (lastFirst) {
            frames.add(0, frames.remove(frames.size() - 1));
        }
        for (int i = 0; i < frames.size(); i++) {
            long pn = second.send(List.of(frames.get(i)));
            if ((i + 1) % FRAMES_PER_BURST == 0 || i == frames.size() - 1) {
                StreamScenario.receiveUntil(List.of(first, second), () -> StreamScenario.acknowledged(second, pn)
                        || second.closeReceived() != null, "the ACK of attaching packet " + pn);
            }
        }
    }

    @Then("the IUT accepts the attached data without FLOW_CONTROL_ERROR and finishes the stream")
    public void acceptedAndFinished() {
        StreamInbox in = awaitMerged("TST-DISC-2: the discard service's FIN after the attached data");
        assertNotRefused("CHN-FLOW-9, CHN-FLOW-10");
        assertThat(in.finalSize()).as("TST-DISC-1/2: the IUT's final size on the discard stream: its reply record"
                + " only, %s", in).isEqualTo((long) in.recordBoundaries().first());
    }

    @Then("the IUT echoes everything the peer sent on the stream, over both channels")
    public void echoedOverBoth() {
        StreamInbox in = awaitMerged("FRM-STREAM-11, STR-ATTACH-6: the echo of the stream over both channels, attached with a non-zero parent LSID");
        assertNotRefused("FRM-STREAM-11 (a receiver ignores the parent LSID of an attaching frame)");
        long reply = in.recordBoundaries().first();
        byte[] all = in.bytes();
        assertThat(Arrays.copyOfRange(all, (int) reply, all.length)).as("FRM-STREAM-11, TST-ECHO-1: the echo of the"
                + " data sent on the first channel and on the attachment with a non-zero parent LSID, %s", in)
                .isEqualTo(sent.toByteArray());
    }

    private StreamInbox awaitMerged(String what) {
        StreamInbox[] merged = new StreamInbox[1];
        StreamScenario.receiveUntil(List.of(first, second), () -> {
            merged[0] = StreamInbox.merged(lsid, framesOfStream());
            return merged[0].isFinished() || first.closeReceived() != null || second.closeReceived() != null
                    || first.inbox(lsid).isReset() || second.inbox(attachLsid).isReset();
        }, what);
        return merged[0];
    }

    private void assertNotRefused(String requirement) {
        String attached = "the attachment of " + attachLength + " bytes at stream offset " + attachOffset
                + " (initial stream limit " + initialStreamLimit + ", second channel's limit "
                + second.channelSendLimit() + ")";
        StreamScenario.assertOpen(second, requirement + ": the second channel after " + attached);
        StreamScenario.assertOpen(first, requirement + ": the first channel after " + attached);
        assertThat(second.inbox(attachLsid).isReset()).as("%s: the IUT reset the attaching LSID %d (%s) after %s",
                requirement, attachLsid, second.inbox(attachLsid), attached).isFalse();
        assertThat(first.inbox(lsid).isReset()).as("%s: the IUT reset the stream on the first channel after %s",
                requirement, attached).isFalse();
    }

    /**
     * The IUT's frames of the stream: on the first channel under its LSID, on the second under the
     * peer's attaching LSID or under an LSID the IUT attached itself with the stream's USID.
     */
    private List<PeerFrame.Stream> framesOfStream() {
        List<PeerFrame.Stream> out = new ArrayList<>(StreamScenario.framesFor(first, lsid));
        List<Long> own = new ArrayList<>();
        for (ReceivedPacket p : second.receivedPackets()) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                if (f.has(PeerFrame.Stream.USID) && Arrays.equals(f.usid(), usid) && !own.contains(f.lsid())) {
                    own.add(f.lsid());
                }
                if (f.lsid() == attachLsid || own.contains(f.lsid())) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
