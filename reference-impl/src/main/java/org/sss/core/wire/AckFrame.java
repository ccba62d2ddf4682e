package org.sss.core.wire;

import java.util.List;

/**
 * ACK (type 2): acknowledges every packet from least_unacked to largest_observed except those
 * listed in the NACK ranges.
 *
 * <p>Layout: type, u8 sent entropy, u8 received entropy, u8 number of NACK ranges, u64
 * least_unacked, u64 largest_observed, u32 ACK delay (µs), then the ranges (6-byte low packet
 * number + u16 run length each), 24 + 8·N bytes with the type.
 *
 * @param sentEntropy sent as 0 and ignored in version 1; kept so that input re-encodes exactly
 * @param receivedEntropy sent as 0 and ignored in version 1
 * @param leastUnacked smallest packet number the sender still waits on (u64)
 * @param largestObserved highest packet number received (u64)
 * @param ackDelayUs microseconds from receiving largest_observed to sending this ACK (u32)
 * @param nackRanges the missing runs in strictly decreasing order, at most 255
 */
public record AckFrame(int sentEntropy, int receivedEntropy, long leastUnacked, long largestObserved,
        long ackDelayUs, List<NackRange> nackRanges) implements Frame {

    /** Encoded length with no ranges, type byte included. */
    public static final int BASE_LENGTH = 24;
    /** The most ranges the u8 count can announce. */
    public static final int MAX_RANGES = 255;

    /** Checks field widths and the range rules. */
    public AckFrame {
        Wire.u8(sentEntropy, "sentEntropy");
        Wire.u8(receivedEntropy, "receivedEntropy");
        Wire.u32(ackDelayUs, "ackDelayUs");
        nackRanges = List.copyOf(Wire.present(nackRanges, "nackRanges"));
        if (nackRanges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("nackRanges has " + nackRanges.size() + " ranges; at most 255");
        }
        String problem = rangeProblem(leastUnacked, largestObserved, nackRanges);
        if (problem != null) {
            throw new IllegalArgumentException("nackRanges: " + problem);
        }
    }

    /** An ACK with entropy bytes 0, as version 1 senders send it. */
    public static AckFrame of(long leastUnacked, long largestObserved, long ackDelayUs, List<NackRange> nackRanges) {
        return new AckFrame(0, 0, leastUnacked, largestObserved, ackDelayUs, nackRanges);
    }

    /**
     * Checks the ACK rules; returns what is wrong, or {@code null}.
     * SPEC FRM-ACK-4: least_unacked must not exceed largest_observed + 1; each range must have a
     * run length of at least 1, lie within [least_unacked, largest_observed - 1] and end below the
     * start of the range before it (adjacent ranges are allowed).
     */
    static String rangeProblem(long leastUnacked, long largestObserved, List<NackRange> ranges) {
        String problem = boundsProblem(leastUnacked, largestObserved);
        long bound = largestObserved;
        for (int i = 0; problem == null && i < ranges.size(); i++) {
            problem = rangeProblem(i, ranges.get(i), leastUnacked, largestObserved, bound);
            bound = ranges.get(i).firstMissing(largestObserved);
        }
        return problem;
    }

    /** The rule on least_unacked and largest_observed, or {@code null}. */
    static String boundsProblem(long leastUnacked, long largestObserved) {
        if (largestObserved != -1L && Long.compareUnsigned(leastUnacked, largestObserved + 1) > 0) {
            return "least_unacked " + Long.toUnsignedString(leastUnacked) + " > largest_observed + 1 ("
                    + Long.toUnsignedString(largestObserved) + " + 1)";
        }
        return null;
    }

    /**
     * The rules on range {@code i}, given the start of the previous range (or largest_observed for the
     * first), or {@code null}.
     */
    static String rangeProblem(int i, NackRange range, long leastUnacked, long largestObserved, long bound) {
        // SPEC FRM-ACK-2: v = b - ((b - low) mod 2^48) with b = largest_observed - 1
        if (!range.hasFirstMissing(largestObserved)) {
            return "range " + i + ": no packet number below largest_observed has low bits " + range.firstMissingLow();
        }
        long first = range.firstMissing(largestObserved);
        long last = first + range.runLength() - 1;
        if (Long.compareUnsigned(first, leastUnacked) < 0) {
            return "range " + i + " starts at " + Long.toUnsignedString(first) + ", below least_unacked "
                    + Long.toUnsignedString(leastUnacked);
        }
        if (Long.compareUnsigned(last, first) < 0 || Long.compareUnsigned(last, bound) >= 0) {
            return "range " + i + " [" + Long.toUnsignedString(first) + ", " + Long.toUnsignedString(last)
                    + "] is not below " + (i == 0 ? "largest_observed " : "the previous range's start ")
                    + Long.toUnsignedString(bound);
        }
        return null;
    }

    @Override
    public FrameType type() {
        return FrameType.ACK;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onAck(this);
    }
}
