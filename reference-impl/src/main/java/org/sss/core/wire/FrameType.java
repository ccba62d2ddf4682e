package org.sss.core.wire;

/**
 * The frame type codes of version 1 (the first byte of every frame).
 */
public enum FrameType {
    /** 0: one byte of filler; zero padding parses as a run of these. */
    EMPTY(0),
    /** 1: stream data; with INIT it also opens or attaches the stream. */
    STREAM(1),
    /** 2: acknowledgement. */
    ACK(2),
    /** 3: filler of a given length. */
    PADDING(3),
    /** 4: congestion feedback. */
    DECONGESTION(4),
    /** 5: the sender stops sending on a stream on this channel. */
    DETACH(5),
    /** 6: aborts a stream. */
    RESET(6),
    /** 7: closes the channel. */
    CLOSE(7),
    /** 8: the sender's limits and preferences. */
    SETTINGS(8),
    /** 9: changes a stream's priority. */
    PRIORITY(9),
    /** 10: raises the channel-wide flow-control limit. */
    MAX_DATA(10),
    /** 11: raises a stream's flow-control limit. */
    MAX_STREAM_DATA(11),
    /** 12: the sender is blocked by flow control. */
    BLOCKED(12),
    /** 13: graceful close. */
    GOAWAY(13),
    /** 14: content-free, ack-eliciting keepalive. */
    PING(14),
    /** 15: path validation challenge. */
    PATH_CHALLENGE(15),
    /** 16: path validation response. */
    PATH_RESPONSE(16);

    private static final FrameType[] BY_CODE = values();

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The wire value (u8). */
    public int code() {
        return code;
    }

    /** The frame type with this code, or {@code null} if version 1 defines none. */
    public static FrameType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
