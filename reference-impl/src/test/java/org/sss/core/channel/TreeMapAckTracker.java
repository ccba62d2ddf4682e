package org.sss.core.channel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.NackRange;

/**
 * The former {@link AckTracker}, on a {@code TreeMap<Long, Long>}: the model {@link AckTrackerModelTest} holds
 * the primitive one to.
 *
 * <p>Its original description:
 * The receive side of acknowledgements (SPEC.md section 6.5): which packet numbers of the peer's
 * direction arrived, when an ACK is due, and the ACK frame that reports them.
 *
 * <p>Received numbers are kept as at most {@code maxIntervals} runs; when a new gap would exceed
 * that, the lowest run is forgotten and the lowest number still reported rises above it
 * (CHN-ACK-7), so the state stays bounded whatever the peer sends. Packet numbers are unsigned.
 * Not thread-safe.
 */
final class TreeMapAckTracker {
    /** Longest run of missing packets one NACK range can describe (u16 run_length). */
    static final int MAX_RUN = 0xFFFF;
    private static final long U48 = 1L << 48;

    /** Runs of received numbers: first number to last number, both inclusive. */
    private final TreeMap<Long, Long> received = new TreeMap<>(Long::compareUnsigned);
    private final int maxIntervals;
    private boolean any;
    private long largest;
    private long largestReceivedAt;
    private long floor;
    private int ackElicitingSinceAck;
    private long ackDeadline;
    private boolean immediate;
    private boolean unreported;

    /** A tracker keeping at most {@code maxIntervals} runs of received numbers. */
    TreeMapAckTracker(int maxIntervals) {
        if (maxIntervals < 1) {
            throw new IllegalArgumentException("maxIntervals must be at least 1, got " + maxIntervals);
        }
        this.maxIntervals = maxIntervals;
    }

    /**
     * Records an accepted packet.
     *
     * @param packetNumber its number
     * @param ackEliciting whether it held an ack-eliciting frame
     * @param now when it arrived
     * @param maxAckDelayNanos this end's max_ack_delay
     */
    void record(long packetNumber, boolean ackEliciting, long now, long maxAckDelayNanos) {
        if (Long.compareUnsigned(packetNumber, floor) < 0) {
            // below what ACKs still report: the sender treats it as lost, as after CHN-ACK-7 truncation
            return;
        }
        boolean outOfOrder = any && (Long.compareUnsigned(packetNumber, largest) < 0
                || Long.compareUnsigned(packetNumber - largest, 1) > 0);
        insert(packetNumber);
        if (!any || Long.compareUnsigned(packetNumber, largest) > 0) {
            largest = packetNumber;
            largestReceivedAt = now;
            any = true;
        }
        unreported = true;
        if (ackEliciting) {
            if (ackElicitingSinceAck++ == 0) {
                // SPEC CHN-ACK-1: an ACK no later than max_ack_delay after an ack-eliciting packet
                ackDeadline = now + maxAckDelayNanos;
            }
            // SPEC CHN-ACK-2: at once after the second unacknowledged ack-eliciting packet
            // SPEC CHN-ACK-3: at once when it is below the highest received or more than one above it
            if (ackElicitingSinceAck >= 2 || outOfOrder) {
                immediate = true;
            }
        }
    }

    private void insert(long pn) {
        Map.Entry<Long, Long> lower = received.floorEntry(pn);
        if (lower != null && Long.compareUnsigned(lower.getValue(), pn) >= 0) {
            return;
        }
        boolean joinsLower = lower != null && pn != 0 && lower.getValue() == pn - 1;
        Long upperEnd = pn == -1L ? null : received.get(pn + 1);
        if (upperEnd != null) {
            received.remove(pn + 1);
        }
        long start = joinsLower ? lower.getKey() : pn;
        long end = upperEnd != null ? upperEnd : pn;
        received.put(start, end);
        while (received.size() > maxIntervals) {
            // SPEC CHN-ACK-7: keep the runs nearest largest_observed and raise least_unacked
            Map.Entry<Long, Long> lowest = received.pollFirstEntry();
            floor = lowest.getValue() + 1;
        }
    }

    /**
     * Stops reporting numbers below {@code packetNumber}, once an ACK that covered them has itself
     * been acknowledged (RFC 9000 section 13.2.4, as SPEC.md section 6.5 allows).
     */
    void forgetBelow(long packetNumber) {
        if (!any) {
            return;
        }
        long limit = Long.compareUnsigned(packetNumber, largest) > 0 ? largest : packetNumber;
        if (Long.compareUnsigned(limit, floor) <= 0) {
            return;
        }
        floor = limit;
        while (!received.isEmpty() && Long.compareUnsigned(received.firstEntry().getValue(), limit) < 0) {
            received.pollFirstEntry();
        }
        Map.Entry<Long, Long> first = received.firstEntry();
        if (first != null && Long.compareUnsigned(first.getKey(), limit) < 0) {
            received.pollFirstEntry();
            received.put(limit, first.getValue());
        }
    }

    /** Whether any packet has been recorded. */
    boolean hasReceived() {
        return any;
    }

    /** Whether a packet was recorded after the last ACK was built. */
    boolean hasUnreported() {
        return unreported;
    }

    /** Whether an ack-eliciting packet waits for an ACK. */
    boolean isAckPending() {
        return ackElicitingSinceAck > 0;
    }

    /** Whether an ACK must be sent now: one is pending and it is immediate or its deadline passed. */
    boolean isAckDue(long now) {
        return ackElicitingSinceAck > 0 && (immediate || now - ackDeadline >= 0);
    }

    /** Whether the pending ACK is due at once (CHN-ACK-2, CHN-ACK-3). */
    boolean isImmediate() {
        return ackElicitingSinceAck > 0 && immediate;
    }

    /** When the pending ACK is due; meaningful only while {@link #isAckPending()}. */
    long ackDeadline() {
        return ackDeadline;
    }

    /** The highest packet number received; meaningful only once {@link #hasReceived()}. */
    long largest() {
        return largest;
    }

    /** How many runs of received numbers are kept. */
    int intervals() {
        return received.size();
    }

    /**
     * Builds the ACK frame that reports the received numbers.
     *
     * @param now the sending time, for ack_delay_us
     * @param maxRanges the most NACK ranges that fit (at most 255)
     */
    AckFrame build(long now, int maxRanges) {
        if (!any) {
            throw new IllegalStateException("no packet received, nothing to acknowledge");
        }
        int limit = Math.min(Math.max(maxRanges, 0), AckFrame.MAX_RANGES);
        List<NackRange> ranges = new ArrayList<>();
        Iterator<Map.Entry<Long, Long>> runs = received.descendingMap().entrySet().iterator();
        long upperStart = runs.next().getKey();
        long least = upperStart;
        fill:
        while (runs.hasNext()) {
            Map.Entry<Long, Long> next = runs.next();
            long gapLow = next.getValue() + 1;
            long high = upperStart - 1;
            while (true) {
                long runLow = Long.compareUnsigned(high - gapLow, MAX_RUN - 1) > 0 ? high - (MAX_RUN - 1) : gapLow;
                // SPEC CHN-ACK-7: when ranges do not fit, keep those nearest largest_observed and
                // raise least_unacked to the first number of the lowest range kept
                // SPEC FRM-ACK-3: no NACK range starts below largest_observed - 2^48
                if (ranges.size() == limit || Long.compareUnsigned(largest - runLow, U48) > 0) {
                    if (!ranges.isEmpty()) {
                        least = ranges.get(ranges.size() - 1).firstMissing(largest);
                    }
                    break fill;
                }
                ranges.add(NackRange.of(runLow, (int) (high - runLow + 1)));
                least = runLow;
                if (runLow == gapLow) {
                    break;
                }
                high = runLow - 1;
            }
            upperStart = next.getKey();
            least = upperStart;
        }
        // SPEC CHN-ACK-8: microseconds from receiving largest_observed to sending, capped at 2^32 - 1
        long delayUs = Math.min(Math.max(now - largestReceivedAt, 0) / 1_000, 0xFFFF_FFFFL);
        // SPEC CHN-ACK-5, CHN-ACK-6: every number from least_unacked to largest_observed outside a range was received
        return AckFrame.of(least, largest, delayUs, ranges);
    }

    /** Notes that an ACK reporting everything recorded so far has been sent. */
    void onAckSent() {
        ackElicitingSinceAck = 0;
        immediate = false;
        unreported = false;
    }
}
