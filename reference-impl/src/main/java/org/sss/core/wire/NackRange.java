package org.sss.core.wire;

/**
 * One run of missing packets in an ACK frame: the low 48 bits of the lowest missing packet number
 * and the number of consecutive missing packets.
 *
 * @param firstMissingLow low 48 bits of the run's lowest missing packet number
 * @param runLength number of consecutive missing packets, 1..65535
 */
public record NackRange(long firstMissingLow, int runLength) {
    /** Encoded length: 6 + 2 bytes. */
    public static final int LENGTH = 8;

    /** Checks the field widths and that the run is not empty. */
    public NackRange {
        Wire.u48(firstMissingLow, "firstMissingLow");
        if (runLength < 1 || runLength > 0xFFFF) {
            throw new IllegalArgumentException("runLength must be in [1, 65535], got " + runLength);
        }
    }

    /** A range starting at the full packet number {@code firstMissing}; only its low 48 bits are kept. */
    public static NackRange of(long firstMissing, int runLength) {
        return new NackRange(firstMissing & Wire.U48_MAX, runLength);
    }

    /**
     * The full packet number of the run's first missing packet.
     * SPEC: it is the number nearest below largest_observed whose low 48 bits are firstMissingLow.
     *
     * Meaningful only when {@link #hasFirstMissing(long)} holds.
     */
    public long firstMissing(long largestObserved) {
        long candidate = (largestObserved & ~Wire.U48_MAX) | firstMissingLow;
        if (Long.compareUnsigned(candidate, largestObserved) >= 0) {
            candidate -= 1L << 48;
        }
        return candidate;
    }

    /** Whether a packet number below {@code largestObserved} has these low 48 bits. */
    public boolean hasFirstMissing(long largestObserved) {
        long candidate = (largestObserved & ~Wire.U48_MAX) | firstMissingLow;
        return Long.compareUnsigned(candidate, largestObserved) < 0 || (largestObserved >>> 48) != 0;
    }
}
