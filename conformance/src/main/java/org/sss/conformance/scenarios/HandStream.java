package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * An {@code echo} stream (Appendix A.1) that a scenario drives frame by frame, so that it controls
 * each STREAM frame's flags, offset width and placement in its packet (the tester peer's own stream
 * sending would choose them). It remembers the next offset and what was sent after the request, so
 * that the echo can be compared. One per scenario, held for the step classes of section 7.
 */
final class HandStream {
    private static final ThreadLocal<HandStream> CURRENT = new ThreadLocal<>();

    private final ScenarioContext owner;
    final long lsid;
    private long nextOffset;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private HandStream(ScenarioContext owner, long lsid, long nextOffset) {
        this.owner = owner;
        this.lsid = lsid;
        this.nextOffset = nextOffset;
    }

    /**
     * Opens an echo stream with one STREAM frame (INIT, parent 0, LENGTH, RECORD) whose offset 0 is
     * written in {@code offsetWidth} bytes (0 for no field), and waits for the OK reply.
     */
    static HandStream open(ScenarioContext context, int offsetWidth) {
        TesterPeer peer = context.peer();
        long lsid = peer.openSubstream(0);
        byte[] request = ServiceMessages.connectRequest("echo", "sss-test/1");
        peer.send(List.of(CraftedFrames.stream(PeerFrame.Stream.INIT | PeerFrame.Stream.RECORD, lsid, 0, offsetWidth, 0,
                request)));
        StreamInbox inbox = context.awaitReply(lsid);
        assertThat(ServiceMessages.connectReplyStatus(inbox.records().get(0)))
                .as("status of the echo request on LSID %d (TST-GEN-1)", lsid).isEqualTo(ServiceMessages.STATUS_OK);
        HandStream stream = new HandStream(context, lsid, request.length);
        CURRENT.set(stream);
        return stream;
    }

    /** The scenario's hand-driven stream; a Given step must have opened it. */
    static HandStream current() {
        HandStream stream = CURRENT.get();
        if (stream == null || stream.owner != ScenarioContext.current()) {
            throw new IllegalStateException("no echo stream driven frame by frame in this scenario: a Given step opens it");
        }
        return stream;
    }

    /** The stream offset of the next byte to send. */
    long nextOffset() {
        return nextOffset;
    }

    /** Records that {@code data} is being sent at {@link #nextOffset()} and advances it. */
    void sent(byte[] data) {
        sent.write(data, 0, data.length);
        nextOffset += data.length;
    }

    /** A STREAM frame (LENGTH, narrowest offset width) carrying {@code data} at the next offset, which it advances. */
    PeerFrame.Stream next(byte[] data) {
        PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, nextOffset, data);
        sent(data);
        return frame;
    }

    /** Waits for the IUT's FIN and checks that it echoed exactly what was sent after the request (TST-ECHO-1, TST-ECHO-3). */
    void assertEchoed(String requirement) {
        StreamInbox inbox = owner.peer().awaitStream(lsid, in -> in.isFinished() || owner.peer().closeReceived() != null,
                ScenarioContext.TIMEOUT);
        FrameChecks.assertNotClosed(owner.peer(), requirement);
        byte[] all = inbox.bytes();
        int reply = (int) (long) inbox.recordBoundaries().first();
        byte[] echoed = Arrays.copyOfRange(all, reply, all.length);
        assertThat(echoed).as("%s: bytes echoed on LSID %d after the reply (%s)", requirement, lsid, inbox)
                .isEqualTo(sent.toByteArray());
    }
}
