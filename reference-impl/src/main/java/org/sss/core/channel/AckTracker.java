package org.sss.core.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.NackRange;

/**
 * The receive side of acknowledgements (SPEC.md section 6.5): which packet numbers of the peer's
 * direction arrived, when an ACK is due, and the ACK frame that reports them.
 *
 * <p>Received numbers are kept as at most {@code maxIntervals} runs; when a new gap would exceed
 * that, the lowest run is forgotten and the lowest number still reported rises above it
 * (CHN-ACK-7), so the state stays bounded whatever the peer sends. Packet numbers are unsigned.
 * Not thread-safe.
 */
final class AckTracker {
    /** Longest run of missing packets one NACK range can describe (u16 run_length). */
    static final int MAX_RUN = 0xFFFF;
    private static final long U48 = 1L << 48;

    // Runs of received numbers, first to last number both inclusive, in increasing unsigned order:
    // run i is [starts[i], ends[i]]. Primitive arrays, so that recording a packet allocates nothing (issue 3).
    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int runs;
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
    AckTracker(int maxIntervals) {
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
        int lower = floorRun(pn);
        if (lower >= 0 && Long.compareUnsigned(ends[lower], pn) >= 0) {
            return;
        }
        boolean joinsLower = lower >= 0 && pn != 0 && ends[lower] == pn - 1;
        int upper = lower + 1;
        boolean joinsUpper = pn != -1L && upper < runs && starts[upper] == pn + 1;
        if (joinsLower && joinsUpper) {
            ends[lower] = ends[upper];
            removeRun(upper);
        } else if (joinsLower) {
            ends[lower] = pn;
        } else if (joinsUpper) {
            starts[upper] = pn;
        } else {
            insertRun(upper, pn);
        }
        while (runs > maxIntervals) {
            // SPEC CHN-ACK-7: keep the runs nearest largest_observed and raise least_unacked
            floor = ends[0] + 1;
            removeRun(0);
        }
    }

    /** The last run starting at or below {@code pn} (unsigned), or -1. */
    private int floorRun(long pn) {
        int low = 0;
        int high = runs - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(starts[mid], pn) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private void insertRun(int at, long pn) {
        if (runs == starts.length) {
            starts = Arrays.copyOf(starts, runs * 2);
            ends = Arrays.copyOf(ends, runs * 2);
        }
        System.arraycopy(starts, at, starts, at + 1, runs - at);
        System.arraycopy(ends, at, ends, at + 1, runs - at);
        starts[at] = pn;
        ends[at] = pn;
        runs++;
    }

    private void removeRun(int at) {
        System.arraycopy(starts, at + 1, starts, at, runs - at - 1);
        System.arraycopy(ends, at + 1, ends, at, runs - at - 1);
        runs--;
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
        int below = 0;
        while (below < runs && Long.compareUnsigned(ends[below], limit) < 0) {
            below++;
        }
        if (below > 0) {
            System.arraycopy(starts, below, starts, 0, runs - below);
            System.arraycopy(ends, below, ends, 0, runs - below);
            runs -= below;
        }
        if (runs > 0 && Long.compareUnsigned(starts[0], limit) < 0) {
            starts[0] = limit;
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
        return runs;
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
        // no list while there is no gap: the usual ACK allocates none
        List<NackRange> ranges = List.of();
        int run = runs - 1;
        long upperStart = starts[run];
        long least = upperStart;
        fill:
        while (run > 0) {
            run--;
            long gapLow = ends[run] + 1;
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
                if (ranges.isEmpty()) {
                    ranges = new ArrayList<>();
                }
                ranges.add(NackRange.of(runLow, (int) (high - runLow + 1)));
                least = runLow;
                if (runLow == gapLow) {
                    break;
                }
                high = runLow - 1;
            }
            upperStart = starts[run];
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
