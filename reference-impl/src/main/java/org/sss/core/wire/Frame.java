package org.sss.core.wire;

/**
 * One frame of a message plaintext: a type byte followed by a body whose layout the type fixes.
 * Frames carry no length prefix. Consumers dispatch on frames with a {@link FrameVisitor}.
 */
public sealed interface Frame permits EmptyFrame, StreamFrame, AckFrame, PaddingFrame, DecongestionFrame,
        DetachFrame, ResetFrame, CloseFrame, SettingsFrame, PriorityFrame, MaxDataFrame, MaxStreamDataFrame,
        BlockedFrame, GoawayFrame, PingFrame, PathChallengeFrame, PathResponseFrame {

    /** The frame's type. */
    FrameType type();

    /** Calls the visitor method for this frame's type. */
    void accept(FrameVisitor visitor);
}
