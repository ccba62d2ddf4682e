package org.sss.core.wire;

/**
 * The DECONGESTION frame subtypes, which are also the values of the SETTINGS tag
 * {@link SettingsTag#CONGESTION_FEEDBACK} (where 0 means none).
 */
public enum CongestionFeedback {
    /** 1: lost-packet count and receive-queue space. */
    CUBIC(1),
    /** 2: four RTT statistics. */
    CHICAGO(2),
    /** 3: one-way delay samples. */
    LEDBAT(3),
    /** 4: packet inter-arrival times. */
    INTER_ARRIVAL(4);

    private final int code;

    CongestionFeedback(int code) {
        this.code = code;
    }

    /** The wire value (u8 as a subtype, u16 as a setting). */
    public int code() {
        return code;
    }

    /** The feedback kind with this code, or {@code null} if version 1 defines none. */
    public static CongestionFeedback fromCode(int code) {
        for (CongestionFeedback feedback : values()) {
            if (feedback.code == code) {
                return feedback;
            }
        }
        return null;
    }
}
