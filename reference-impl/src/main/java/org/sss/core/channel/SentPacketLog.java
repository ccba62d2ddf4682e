package org.sss.core.channel;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.sss.core.wire.AckFrame;

/**
 * The send side of acknowledgements (SPEC.md section 6.5): the packets this end sent and not yet
 * saw acknowledged, the numbers it skipped on purpose, and the checks an incoming ACK must pass.
 *
 * <p>At most {@code maxPackets} packets are remembered; the oldest is forgotten beyond that, and at
 * most {@value #MAX_SKIPPED} skipped numbers. Packet numbers are unsigned. Not thread-safe.
 */
final class SentPacketLog {
    /** How many deliberately skipped numbers are remembered. */
    static final int MAX_SKIPPED = 64;

    private final TreeMap<Long, SentPacket> unacknowledged = new TreeMap<>(Long::compareUnsigned);
    private final ArrayDeque<Long> skipped = new ArrayDeque<>();
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
        skipped.addLast(packetNumber);
        if (skipped.size() > MAX_SKIPPED) {
            skipped.removeFirst();
        }
    }

    /** Records a sent packet. */
    void onSent(SentPacket packet) {
        issue(packet.packetNumber());
        anySent = true;
        highestSent = packet.packetNumber();
        unacknowledged.put(packet.packetNumber(), packet);
        if (unacknowledged.size() > maxPackets) {
            unacknowledged.pollFirstEntry();
        }
    }

    private void issue(long packetNumber) {
        if (!anyIssued) {
            anyIssued = true;
            firstIssued = packetNumber;
        }
    }

    /** How many sent packets await an acknowledgement. */
    int unacknowledgedCount() {
        return unacknowledged.size();
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
        for (long number : skipped) {
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
        int count = 0;
        SentPacket largest = null;
        boolean version = false;
        boolean settings = false;
        boolean ackCarried = false;
        long highestAck = 0;
        for (int i = 0; i < acked.count(); i++) {
            NavigableMap<Long, SentPacket> covered = unacknowledged.subMap(acked.low(i), true, acked.high(i), true);
            for (Iterator<Map.Entry<Long, SentPacket>> it = covered.entrySet().iterator(); it.hasNext(); ) {
                SentPacket packet = it.next().getValue();
                it.remove();
                count++;
                if (packet.packetNumber() == ack.largestObserved()) {
                    largest = packet;
                }
                version |= packet.carriedVersion();
                settings |= packet.carriedSettings();
                if (packet.carriedAck() && (!ackCarried
                        || Long.compareUnsigned(packet.ackLargestObserved(), highestAck) > 0)) {
                    highestAck = packet.ackLargestObserved();
                    ackCarried = true;
                }
            }
        }
        return new AckedPackets(count, largest, version, settings, ackCarried, highestAck);
    }
}
