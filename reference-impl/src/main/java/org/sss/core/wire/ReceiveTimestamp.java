package org.sss.core.wire;

/**
 * One LEDBAT sample: a packet and the time the reporter received it.
 *
 * @param packetNumberLow low 48 bits of the packet number
 * @param receivedUs receive time in microseconds since the channel was established at the reporter (u64)
 */
public record ReceiveTimestamp(long packetNumberLow, long receivedUs) {
    /** Encoded length: 6 + 8 bytes. */
    public static final int LENGTH = 14;

    /** Checks the field widths. */
    public ReceiveTimestamp {
        Wire.u48(packetNumberLow, "packetNumberLow");
    }
}
