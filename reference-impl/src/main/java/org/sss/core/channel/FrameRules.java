package org.sss.core.channel;

import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.StreamFrame;

/**
 * The columns of the frame-type registry (SPEC.md section 7.0) that the channel needs: which frames
 * are ack-eliciting, which may travel inside INITIATE, and which the channel consumes itself.
 */
final class FrameRules {
    private FrameRules() {
    }

    /**
     * Whether {@code frame} makes its packet ack-eliciting: every type except EMPTY, ACK, PADDING,
     * DECONGESTION and CLOSE, and STREAM only without NOACK.
     */
    static boolean isAckEliciting(Frame frame) {
        switch (frame.type()) {
            case EMPTY:
            case ACK:
            case PADDING:
            case DECONGESTION:
            case CLOSE:
                return false;
            case STREAM:
                return !((StreamFrame) frame).noAck();
            default:
                return true;
        }
    }

    /**
     * Whether a frame of {@code type} may travel in the message of an INITIATE: EMPTY, STREAM,
     * PADDING, RESET, SETTINGS, PRIORITY, MAX_DATA, MAX_STREAM_DATA, BLOCKED and PING.
     */
    static boolean isAllowedInInitiate(FrameType type) {
        switch (type) {
            case EMPTY:
            case STREAM:
            case PADDING:
            case RESET:
            case SETTINGS:
            case PRIORITY:
            case MAX_DATA:
            case MAX_STREAM_DATA:
            case BLOCKED:
            case PING:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether the channel layer consumes frames of {@code type} itself (EMPTY, ACK, PADDING, CLOSE,
     * SETTINGS, PING, PATH_CHALLENGE, PATH_RESPONSE) rather than handing them to its {@link ChannelListener}.
     */
    static boolean isChannelFrame(FrameType type) {
        switch (type) {
            case EMPTY:
            case ACK:
            case PADDING:
            case CLOSE:
            case SETTINGS:
            case PING:
            case PATH_CHALLENGE:
            case PATH_RESPONSE:
                return true;
            default:
                return false;
        }
    }
}
