package org.sss.core.wire;

/**
 * The SETTINGS tags version 1 defines, each with the fixed length and the valid range of its value.
 * Unknown tags are legal on the wire and skipped by receivers.
 */
public enum SettingsTag {
    /** 1: FEC wanted (u8); must be 0 in version 1. */
    FEC(1, 1, 0, 0),
    /** 2: the DECONGESTION subtype the sender would like to receive (u16; 0 = none). */
    CONGESTION_FEEDBACK(2, 2, 0, 0xFFFF),
    /** 3: initial channel-wide flow-control limit (u64, at most 2^62 - 1). */
    INITIAL_MAX_DATA(3, 8, 0, WireLimits.MAX_STREAM_OFFSET),
    /** 4: initial per-stream flow-control limit (u64, at most 2^62 - 1). */
    INITIAL_MAX_STREAM_DATA(4, 8, 0, WireLimits.MAX_STREAM_OFFSET),
    /** 5: streams the peer may have open at once (u32). */
    MAX_CONCURRENT_PEER_STREAMS(5, 4, 0, 0xFFFF_FFFFL),
    /** 6: idle timeout in milliseconds (u32; 0 = none). */
    IDLE_TIMEOUT_MS(6, 4, 0, 0xFFFF_FFFFL),
    /** 7: the largest message plaintext the sender accepts (u16, 256 to 1168). */
    MAX_PLAINTEXT(7, 2, 256, WireLimits.MAX_PLAINTEXT),
    /** 8: the longest the sender delays an ACK, in milliseconds (u16, at most 16383). */
    MAX_ACK_DELAY_MS(8, 2, 0, 16_383);

    private final int code;
    private final int valueLength;
    private final long minValue;
    private final long maxValue;

    SettingsTag(int code, int valueLength, long minValue, long maxValue) {
        this.code = code;
        this.valueLength = valueLength;
        this.minValue = minValue;
        this.maxValue = maxValue;
    }

    /** The smallest valid value. */
    public long minValue() {
        return minValue;
    }

    /** The largest valid value (unsigned). */
    public long maxValue() {
        return maxValue;
    }

    /** The wire value (u16). */
    public int code() {
        return code;
    }

    /** The exact length of this tag's value in bytes. */
    public int valueLength() {
        return valueLength;
    }

    /** The tag with this code, or {@code null} if version 1 defines none. */
    public static SettingsTag fromCode(int code) {
        for (SettingsTag tag : values()) {
            if (tag.code == code) {
                return tag;
            }
        }
        return null;
    }
}
