package org.sss.conformance.peer.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds ACK frames from a set of packet numbers, for scenarios that acknowledge by hand: every
 * number from the lowest to the highest that is not in the set (or is named as missing on purpose)
 * becomes a NACK range, highest first, so that the ACK is truthful (CHN-ACK-5) whatever the
 * receiver skipped.
 */
public final class AckRanges {
    private AckRanges() {
    }

    /**
     * An ACK of {@code received} (not empty, numbers below 2^63) that also reports the numbers of
     * {@code reportMissing} as missing.
     *
     * @param ackDelayUs the delay field
     */
    public static PeerFrame.Ack of(Set<Long> received, Set<Long> reportMissing, long ackDelayUs) {
        NavigableSet<Long> acked = new TreeSet<>(received);
        acked.removeAll(reportMissing);
        if (acked.isEmpty()) {
            throw new IllegalArgumentException("nothing left to acknowledge");
        }
        long least = Math.min(acked.first(), new TreeSet<>(received).first());
        long largest = acked.last();
        List<PeerFrame.NackRange> ranges = new ArrayList<>();
        long above = largest;
        for (long pn : acked.descendingSet()) {
            if (above - pn > 1) {
                ranges.add(range(pn + 1, above - pn - 1));
            }
            above = pn;
        }
        if (above > least) {
            ranges.add(range(least, above - least));
        }
        if (ranges.size() > 255) {
            throw new IllegalArgumentException(ranges.size() + " NACK ranges do not fit in one ACK");
        }
        return PeerFrame.Ack.of(least, largest, ackDelayUs, ranges);
    }

    private static PeerFrame.NackRange range(long first, long run) {
        if (run > 0xFFFF) {
            throw new IllegalArgumentException("a run of " + run + " missing packets does not fit in one range");
        }
        return new PeerFrame.NackRange(first, (int) run);
    }
}
