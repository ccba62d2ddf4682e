package org.sss.core.wire;

import java.util.List;

/**
 * Receives decoded frames, one method per frame type, in wire order.
 * See {@link FrameReader} for when frames are delivered and for how long their byte fields stay valid.
 */
public interface FrameVisitor {
    /** An EMPTY frame (one zero byte of filler). */
    void onEmpty(EmptyFrame frame);

    /** A STREAM frame. */
    void onStream(StreamFrame frame);

    /** An ACK frame. */
    void onAck(AckFrame frame);

    /** A PADDING frame. */
    void onPadding(PaddingFrame frame);

    /** A DECONGESTION frame. */
    void onDecongestion(DecongestionFrame frame);

    /** A DETACH frame. */
    void onDetach(DetachFrame frame);

    /** A RESET frame. */
    void onReset(ResetFrame frame);

    /** A CLOSE frame; no frame of the same packet follows it. */
    void onClose(CloseFrame frame);

    /** A SETTINGS frame. */
    void onSettings(SettingsFrame frame);

    /** A PRIORITY frame. */
    void onPriority(PriorityFrame frame);

    /** A MAX_DATA frame. */
    void onMaxData(MaxDataFrame frame);

    /** A MAX_STREAM_DATA frame. */
    void onMaxStreamData(MaxStreamDataFrame frame);

    /** A BLOCKED frame. */
    void onBlocked(BlockedFrame frame);

    /** A GOAWAY frame. */
    void onGoaway(GoawayFrame frame);

    /** A PING frame. */
    void onPing(PingFrame frame);

    /** A PATH_CHALLENGE frame. */
    void onPathChallenge(PathChallengeFrame frame);

    /** A PATH_RESPONSE frame. */
    void onPathResponse(PathResponseFrame frame);

    /** A visitor that appends every frame to {@code sink}, for dissectors and tests. */
    static FrameVisitor collecting(List<? super Frame> sink) {
        return new FrameVisitor() {
            @Override public void onEmpty(EmptyFrame frame) { sink.add(frame); }
            @Override public void onStream(StreamFrame frame) { sink.add(frame); }
            @Override public void onAck(AckFrame frame) { sink.add(frame); }
            @Override public void onPadding(PaddingFrame frame) { sink.add(frame); }
            @Override public void onDecongestion(DecongestionFrame frame) { sink.add(frame); }
            @Override public void onDetach(DetachFrame frame) { sink.add(frame); }
            @Override public void onReset(ResetFrame frame) { sink.add(frame); }
            @Override public void onClose(CloseFrame frame) { sink.add(frame); }
            @Override public void onSettings(SettingsFrame frame) { sink.add(frame); }
            @Override public void onPriority(PriorityFrame frame) { sink.add(frame); }
            @Override public void onMaxData(MaxDataFrame frame) { sink.add(frame); }
            @Override public void onMaxStreamData(MaxStreamDataFrame frame) { sink.add(frame); }
            @Override public void onBlocked(BlockedFrame frame) { sink.add(frame); }
            @Override public void onGoaway(GoawayFrame frame) { sink.add(frame); }
            @Override public void onPing(PingFrame frame) { sink.add(frame); }
            @Override public void onPathChallenge(PathChallengeFrame frame) { sink.add(frame); }
            @Override public void onPathResponse(PathResponseFrame frame) { sink.add(frame); }
        };
    }
}
