package org.sss.core.wire;

/**
 * One step of inter-arrival feedback, relative to the previous packet.
 *
 * @param packetNumberDelta packet-number difference (u16)
 * @param timeDeltaUs receive-time difference in microseconds (u32)
 */
public record InterArrivalDelta(int packetNumberDelta, long timeDeltaUs) {
    /** Encoded length: 2 + 4 bytes. */
    public static final int LENGTH = 6;

    /** Checks the field widths. */
    public InterArrivalDelta {
        Wire.u16(packetNumberDelta, "packetNumberDelta");
        Wire.u32(timeDeltaUs, "timeDeltaUs");
    }
}
