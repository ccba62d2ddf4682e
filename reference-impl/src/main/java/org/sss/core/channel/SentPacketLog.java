package org.sss.core.channel;

import java.util.Arrays;
import org.sss.core.wire.AckFrame;

/**
 * The send side of acknowledgements and loss detection (SPEC.md section 6.5): the packets this end
 * sent and not yet saw acknowledged or declared lost, the numbers it skipped on purpose, the checks
 * an incoming ACK must pass, and the scan that declares packets lost (RFC 9002 section 6.1).
 *
 * <p>At most {@code maxPackets} packets are remembered; the oldest is forgotten beyond that (and
 * handed to the eviction batch, so that the channel reports it lost), and at most
 * {@value #MAX_SKIPPED} skipped numbers. Packet numbers are unsigned. Not thread-safe.
 */
final class SentPacketLog {
    /** How many deliberately skipped numbers are remembered. */
    static final int MAX_SKIPPED = 64;
    private static final int INITIAL_CAPACITY = 64;

    // The unacknowledged packets as parallel primitive arrays, so that recording a packet allocates
    // nothing once the arrays have grown (issue 3): slots [head, tail) hold packets in increasing
    // unsigned number order; an acknowledged or forgotten packet leaves a dead slot, reclaimed when
    // the tail reaches the end and the live slots are moved to the front.
    private long[] numbers = new long[0];
    private long[] sentAt = new long[0];
    private int[] sizes = new int[0];
    private long[] ackLargest = new long[0];
    private byte[] flags = new byte[0];
    private int head;
    private int tail;
    private int live;

    static final byte LIVE = 1;
    static final byte ACK_ELICITING = 2;
    static final byte VERSION = 4;
    static final byte SETTINGS = 8;
    static final byte ACK = 16;
    /** SPEC CHN-CC-3: counted in bytes in flight (an ack-eliciting or PADDING frame, not an INITIATE). */
    static final byte IN_FLIGHT = 32;
    /** Sent through {@link Channel#send}: its fate is reported to the listener. */
    static final byte REPORTABLE = 64;
    /** RFC 9002 kPacketThreshold, SPEC CHN-LOSS-1. */
    static final long PACKET_THRESHOLD = 3;
    /** Returned by {@link #detectLost} when no packet awaits the time threshold. */
    static final long NO_LOSS_TIME = Long.MAX_VALUE;

    private int ackElicitingInFlight;
    private int inFlight;
    private PacketBatch evicted;

    private final long[] skipped = new long[MAX_SKIPPED];
    private int skippedCount;
    private int skippedNext;
    private final int maxPackets;
    private boolean anyIssued;
    private long firstIssued;
    private long highestSent;
    private boolean anySent;

    /**
     * A log for one end of a channel; an initiator's INITIATEs are recorded with {@link #onSent} before
     * its first MESSAGE.
     *
     * @param maxPackets the most unacknowledged packets remembered
     */
    SentPacketLog(int maxPackets) {
        if (maxPackets < 1) {
            throw new IllegalArgumentException("maxPackets must be at least 1, got " + maxPackets);
        }
        this.maxPackets = maxPackets;
    }

    /** Records a number drawn from the counter and deliberately not sent (CHN-ACK-12). */
    void onSkipped(long packetNumber) {
        issue(packetNumber);
        skipped[skippedNext] = packetNumber;
        skippedNext = (skippedNext + 1) % MAX_SKIPPED;
        if (skippedCount < MAX_SKIPPED) {
            skippedCount++;
        }
    }

    /** Records a sent packet. */
    void onSent(SentPacket packet) {
        onSent(packet.packetNumber(), packet.sentAtNanos(), packet.size(), packet.ackEliciting(),
                packet.carriedVersion(), packet.carriedSettings(), packet.carriedAck(), packet.ackLargestObserved());
    }

    /** Records a sent packet that is neither counted in flight nor reported, as {@link #onSent(SentPacket)}. */
    void onSent(long packetNumber, long sentAtNanos, int size, boolean ackEliciting, boolean carriedVersion,
            boolean carriedSettings, boolean carriedAck, long ackLargestObserved) {
        onSent(packetNumber, sentAtNanos, size, ackEliciting, carriedVersion, carriedSettings, carriedAck,
                ackLargestObserved, false, false);
    }

    /**
     * Records a sent packet.
     *
     * @param inFlight whether it counts in bytes in flight (CHN-CC-3)
     * @param reportable whether its fate is reported to the channel's listener
     */
    void onSent(long packetNumber, long sentAtNanos, int size, boolean ackEliciting, boolean carriedVersion,
            boolean carriedSettings, boolean carriedAck, long ackLargestObserved, boolean inFlight,
            boolean reportable) {
        issue(packetNumber);
        anySent = true;
        highestSent = packetNumber;
        byte flag = (byte) (LIVE | (ackEliciting ? ACK_ELICITING : 0) | (carriedVersion ? VERSION : 0)
                | (carriedSettings ? SETTINGS : 0) | (carriedAck ? ACK : 0) | (inFlight ? IN_FLIGHT : 0)
                | (reportable ? REPORTABLE : 0));
        int slot = slotFor(packetNumber);
        numbers[slot] = packetNumber;
        sentAt[slot] = sentAtNanos;
        sizes[slot] = size;
        ackLargest[slot] = ackLargestObserved;
        flags[slot] = flag;
        if (isAckElicitingInFlight(flag)) {
            ackElicitingInFlight++;
        }
        if ((flag & IN_FLIGHT) != 0) {
            this.inFlight++;
        }
        if (live > maxPackets) {
            // the lowest number is forgotten; the channel reports it lost rather than dropping it silently
            while ((flags[head] & LIVE) == 0) {
                head++;
            }
            if (evicted != null) {
                evicted.add(numbers[head], sentAt[head], sizes[head], flags[head]);
            }
            kill(head++);
        }
    }

    /** Where forgotten packets go from now on; {@code null} drops them. */
    void reportEvictionsTo(PacketBatch batch) {
        this.evicted = batch;
    }

    private static boolean isAckElicitingInFlight(byte flag) {
        return (flag & (ACK_ELICITING | IN_FLIGHT)) == (ACK_ELICITING | IN_FLIGHT);
    }

    /** Marks a live slot dead: acknowledged, lost or forgotten. */
    private void kill(int slot) {
        if (isAckElicitingInFlight(flags[slot])) {
            ackElicitingInFlight--;
        }
        if ((flags[slot] & IN_FLIGHT) != 0) {
            inFlight--;
        }
        flags[slot] = 0;
        live--;
    }

    /** The slot {@code packetNumber} goes to, counted as live; a packet already there is replaced. */
    private int slotFor(long packetNumber) {
        int at = search(packetNumber);
        if (at < tail && numbers[at] == packetNumber) {
            if ((flags[at] & LIVE) != 0) {
                kill(at);
            }
            live++;
            return at;
        }
        if (tail == numbers.length) {
            makeRoom();
            at = search(packetNumber);
        }
        // numbers only grow in practice, so this moves nothing
        int moved = tail - at;
        if (moved > 0) {
            System.arraycopy(numbers, at, numbers, at + 1, moved);
            System.arraycopy(sentAt, at, sentAt, at + 1, moved);
            System.arraycopy(sizes, at, sizes, at + 1, moved);
            System.arraycopy(ackLargest, at, ackLargest, at + 1, moved);
            System.arraycopy(flags, at, flags, at + 1, moved);
        }
        tail++;
        live++;
        return at;
    }

    /** Moves the live slots to the front, and grows the arrays while they are over half live. */
    private void makeRoom() {
        int to = 0;
        for (int from = head; from < tail; from++) {
            if ((flags[from] & LIVE) != 0) {
                numbers[to] = numbers[from];
                sentAt[to] = sentAt[from];
                sizes[to] = sizes[from];
                ackLargest[to] = ackLargest[from];
                flags[to] = flags[from];
                to++;
            }
        }
        Arrays.fill(flags, to, tail, (byte) 0);
        head = 0;
        tail = to;
        int capacity = numbers.length;
        // at most maxPackets + 1 are live here; twice that keeps the moving amortised O(1) per packet
        long bound = 2L * maxPackets + 2;
        while ((capacity == 0 || (long) tail * 2 >= capacity) && capacity < bound) {
            capacity = (int) Math.min(Math.max(capacity * 2L, INITIAL_CAPACITY), Math.min(bound, Integer.MAX_VALUE - 8));
        }
        if (capacity != numbers.length) {
            numbers = Arrays.copyOf(numbers, capacity);
            sentAt = Arrays.copyOf(sentAt, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            ackLargest = Arrays.copyOf(ackLargest, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
    }

    /** The first slot in [head, tail) whose number is not below {@code packetNumber} (unsigned), or tail. */
    private int search(long packetNumber) {
        int low = head;
        int high = tail;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(numbers[mid], packetNumber) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void issue(long packetNumber) {
        if (!anyIssued) {
            anyIssued = true;
            firstIssued = packetNumber;
        }
    }

    /** How many sent packets await an acknowledgement. */
    int unacknowledgedCount() {
        return live;
    }

    /** How many ack-eliciting packets counted in flight await an acknowledgement (what arms the PTO). */
    int ackElicitingInFlight() {
        return ackElicitingInFlight;
    }

    /** How many packets counted in flight (CHN-CC-3) await an acknowledgement, ack-eliciting or not. */
    int inFlightCount() {
        return inFlight;
    }

    /** Whether {@code packetNumber} is one of the remembered skipped numbers. */
    boolean isSkipped(long packetNumber) {
        for (int i = 0; i < skippedCount; i++) {
            if (skipped[i] == packetNumber) {
                return true;
            }
        }
        return false;
    }

    /**
     * Declares lost, and removes, every remembered packet below {@code largestAcked} that the packet
     * or the time threshold condemns (RFC 9002 section 6.1, DetectAndRemoveLostPackets), and judges
     * whether the lost packets show persistent congestion (RFC 9002 section 7.6.2). Skipped numbers
     * were never recorded, so they are never declared lost (CHN-ACK-13).
     *
     * @param largestAcked the largest packet number acknowledged so far
     * @param lostSendTime packets sent at or before this time are lost (now less the loss delay)
     * @param lossDelay the time threshold, 9/8 · max(smoothed_rtt, latest_rtt), at least 1 ms
     * @param persistentDuration the persistent-congestion period, (PTO without backoff) · 3
     * @param persistentFrom only ack-eliciting packets sent at or after this time (the first RTT
     *     sample) open or close a persistent-congestion period
     * @param lost receives the lost packets, in number order, and the persistent-congestion verdict
     * @return when the earliest remaining packet below {@code largestAcked} becomes lost by time, or
     *     {@link #NO_LOSS_TIME}
     */
    long detectLost(long largestAcked, long lostSendTime, long lossDelay, long persistentDuration,
            long persistentFrom, PacketBatch lost) {
        long lossTime = NO_LOSS_TIME;
        boolean runOpen = false;
        long runStart = 0;
        boolean havePrevious = false;
        long previous = 0;
        for (int slot = head; slot < tail && Long.compareUnsigned(numbers[slot], largestAcked) < 0; slot++) {
            byte flag = flags[slot];
            if ((flag & LIVE) == 0) {
                // acknowledged (or lost earlier) in between: the run of losses is broken
                runOpen = false;
                continue;
            }
            long number = numbers[slot];
            boolean contiguous = havePrevious && (number == previous + 1 || number == previous + 2 && isSkipped(previous + 1));
            havePrevious = true;
            previous = number;
            long sent = sentAt[slot];
            // SPEC CHN-LOSS-1: a packet at least 3 below an acknowledged one is lost;
            // SPEC CHN-LOSS-2: so is one sent more than 9/8 · max(smoothed_rtt, latest_rtt) (≥ 1 ms) ago
            if (sent - lostSendTime <= 0 || Long.compareUnsigned(largestAcked - number, PACKET_THRESHOLD) >= 0) {
                lost.add(number, sent, sizes[slot], flag);
                kill(slot);
                if (!contiguous) {
                    runOpen = false;
                }
                // RFC 9002 7.6.2: two ack-eliciting packets, all between them lost, sent further apart
                // than the period, both after the first RTT sample
                if (isAckElicitingInFlight(flag) && sent - persistentFrom >= 0) {
                    if (!runOpen) {
                        runOpen = true;
                        runStart = sent;
                    } else if (sent - runStart > persistentDuration) {
                        lost.persistentCongestion = true;
                    }
                }
            } else {
                runOpen = false;
                lossTime = Math.min(lossTime, sent + lossDelay);
            }
        }
        compactHead();
        return lossTime;
    }

    private void compactHead() {
        while (head < tail && (flags[head] & LIVE) == 0) {
            head++;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /**
     * What makes {@code ack} impossible for this end, or {@code null} when it is plausible.
     * SPEC CHN-ACK-10: largest_observed above the largest number sent; SPEC CHN-ACK-11: a number
     * skipped or never sent acknowledged.
     */
    String problem(AckFrame ack, AckedSegments acked) {
        if (acked.count() == 0) {
            return null;
        }
        long largest = ack.largestObserved();
        if (!anySent) {
            return "ACK acknowledges packet " + Long.toUnsignedString(largest) + " but nothing was sent";
        }
        if (Long.compareUnsigned(largest, highestSent) > 0) {
            return "ACK largest_observed " + Long.toUnsignedString(largest) + " is above the largest packet sent, "
                    + Long.toUnsignedString(highestSent);
        }
        if (acked.anyBelow(firstIssued)) {
            return "ACK acknowledges packet " + Long.toUnsignedString(acked.low(acked.count() - 1))
                    + ", below the first packet sent, " + Long.toUnsignedString(firstIssued);
        }
        for (int i = 0; i < skippedCount; i++) {
            // oldest first, as the numbers were skipped
            long number = skipped[(skippedNext - skippedCount + i + MAX_SKIPPED) % MAX_SKIPPED];
            if (acked.contains(number)) {
                return "ACK acknowledges packet " + Long.toUnsignedString(number) + ", which was skipped, never sent";
            }
        }
        return null;
    }

    /**
     * Removes every remembered packet that {@code acked} covers and reports what that acknowledged.
     * SPEC CHN-ACK-9: numbers from least_unacked to largest_observed outside the NACK ranges are acknowledged.
     */
    AckedPackets apply(AckFrame ack, AckedSegments acked) {
        return apply(ack, acked, null);
    }

    /**
     * As {@link #apply(AckFrame, AckedSegments)}, also adding every newly acknowledged packet to
     * {@code newlyAcked} when it is not null.
     */
    AckedPackets apply(AckFrame ack, AckedSegments acked, PacketBatch newlyAcked) {
        int count = 0;
        SentPacket largest = null;
        boolean version = false;
        boolean settings = false;
        boolean ackCarried = false;
        long highestAck = 0;
        for (int i = 0; i < acked.count(); i++) {
            long high = acked.high(i);
            for (int slot = search(acked.low(i)); slot < tail && Long.compareUnsigned(numbers[slot], high) <= 0;
                    slot++) {
                byte flag = flags[slot];
                if ((flag & LIVE) == 0) {
                    continue;
                }
                kill(slot);
                count++;
                long number = numbers[slot];
                if (newlyAcked != null) {
                    newlyAcked.add(number, sentAt[slot], sizes[slot], flag);
                }
                if (number == ack.largestObserved()) {
                    largest = new SentPacket(number, sentAt[slot], sizes[slot], (flag & ACK_ELICITING) != 0,
                            (flag & VERSION) != 0, (flag & SETTINGS) != 0, (flag & ACK) != 0, ackLargest[slot]);
                }
                version |= (flag & VERSION) != 0;
                settings |= (flag & SETTINGS) != 0;
                if ((flag & ACK) != 0 && (!ackCarried || Long.compareUnsigned(ackLargest[slot], highestAck) > 0)) {
                    highestAck = ackLargest[slot];
                    ackCarried = true;
                }
            }
        }
        compactHead();
        return new AckedPackets(count, largest, version, settings, ackCarried, highestAck);
    }
}
