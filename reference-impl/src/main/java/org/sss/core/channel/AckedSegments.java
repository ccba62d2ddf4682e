package org.sss.core.channel;

import java.util.List;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.NackRange;

/**
 * The runs of packet numbers an ACK frame acknowledges: everything from least_unacked to
 * largest_observed outside its NACK ranges (CHN-ACK-9), as {@code [low, high]} pairs, highest first.
 */
final class AckedSegments {
    private final long[] bounds;
    private final int count;

    private AckedSegments(long[] bounds, int count) {
        this.bounds = bounds;
        this.count = count;
    }

    /** The acknowledged runs of {@code ack}; none when least_unacked is largest_observed + 1. */
    static AckedSegments of(AckFrame ack) {
        long least = ack.leastUnacked();
        long largest = ack.largestObserved();
        List<NackRange> ranges = ack.nackRanges();
        long[] bounds = new long[2 * (ranges.size() + 1)];
        int count = 0;
        if (Long.compareUnsigned(least, largest) > 0) {
            return new AckedSegments(bounds, 0);
        }
        long high = largest;
        boolean more = true;
        for (NackRange range : ranges) {
            long first = range.firstMissing(largest);
            long low = first + range.runLength();
            if (Long.compareUnsigned(low, high) <= 0) {
                bounds[2 * count] = low;
                bounds[2 * count + 1] = high;
                count++;
            }
            if (first == 0) {
                more = false;
                break;
            }
            high = first - 1;
        }
        if (more && Long.compareUnsigned(least, high) <= 0) {
            bounds[2 * count] = least;
            bounds[2 * count + 1] = high;
            count++;
        }
        return new AckedSegments(bounds, count);
    }

    /** The number of runs. */
    int count() {
        return count;
    }

    /** The lowest number of run {@code i}. */
    long low(int i) {
        return bounds[2 * i];
    }

    /** The highest number of run {@code i}. */
    long high(int i) {
        return bounds[2 * i + 1];
    }

    /** Whether {@code packetNumber} is acknowledged. */
    boolean contains(long packetNumber) {
        for (int i = 0; i < count; i++) {
            if (Long.compareUnsigned(low(i), packetNumber) <= 0 && Long.compareUnsigned(packetNumber, high(i)) <= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether any acknowledged number lies below {@code bound}. */
    boolean anyBelow(long bound) {
        return count > 0 && Long.compareUnsigned(low(count - 1), bound) < 0;
    }
}
