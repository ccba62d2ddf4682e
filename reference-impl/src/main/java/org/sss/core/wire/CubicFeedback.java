package org.sss.core.wire;

/**
 * DECONGESTION subtype 1 (CUBIC).
 *
 * @param lostPackets packets the receiver has seen missing over the channel's life, modulo 2^16
 * @param receiveQueueKib free space of the receiver's packet queue in KiB (advisory)
 */
public record CubicFeedback(int lostPackets, int receiveQueueKib) implements FeedbackBody {
    /** Checks the field widths. */
    public CubicFeedback {
        Wire.u16(lostPackets, "lostPackets");
        Wire.u16(receiveQueueKib, "receiveQueueKib");
    }

    @Override
    public CongestionFeedback subtype() {
        return CongestionFeedback.CUBIC;
    }
}
