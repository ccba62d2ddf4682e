package org.sss.conformance.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * The packet numbers received from the target: the replay window (CHN-REPLAY-1 to CHN-REPLAY-3) and
 * the source of truthful ACK frames (CHN-ACK-5 to CHN-ACK-8). Packet numbers are treated as signed
 * longs, which covers every number below 2^63 (rekeying starts there, CHN-REKEY-1).
 */
final class ReceiveHistory {
    /** Replay window size; SPEC.md asks for at least 128. */
    static final int WINDOW = 256;
    /** How many numbers are remembered for ACKs before the oldest are forgotten. */
    private static final int MEMORY = 4096;
    private static final int MAX_RANGES = 255;
    private static final long MAX_DELAY_US = 0xFFFF_FFFFL;

    private final TreeMap<Long, Long> receivedAt = new TreeMap<>();
    private long highest = -1;

    /** CHN-REPLAY-2: not above H and either at least W below H or already accepted. */
    boolean isReplay(long packetNumber) {
        if (highest < 0 || packetNumber > highest) {
            return false;
        }
        return highest - packetNumber >= WINDOW || receivedAt.containsKey(packetNumber);
    }

    /** CHN-REPLAY-3: records an authenticated packet. */
    void record(long packetNumber, long nanos) {
        receivedAt.put(packetNumber, nanos);
        highest = Math.max(highest, packetNumber);
        while (receivedAt.size() > MEMORY) {
            receivedAt.pollFirstEntry();
        }
    }

    /** Whether anything has been received. */
    boolean isEmpty() {
        return receivedAt.isEmpty();
    }

    /**
     * An ACK of everything remembered: {@code largest_observed} is the highest number, {@code
     * least_unacked} the lowest, each gap a NACK range, highest first; with more than 255 gaps the
     * ranges nearest {@code largest_observed} are kept and {@code least_unacked} raised to the start
     * of the lowest one kept (CHN-ACK-7).
     */
    PeerFrame.Ack ack(long nowNanos) {
        if (receivedAt.isEmpty()) {
            throw new IllegalStateException("nothing received to acknowledge");
        }
        long largest = receivedAt.lastKey();
        long least = receivedAt.firstKey();
        List<PeerFrame.NackRange> ranges = new ArrayList<>();
        Long above = null;
        for (Map.Entry<Long, Long> e : receivedAt.descendingMap().entrySet()) {
            long pn = e.getKey();
            if (above != null && above - pn > 1) {
                if (ranges.size() == MAX_RANGES) {
                    least = ranges.get(ranges.size() - 1).firstMissing();
                    break;
                }
                long first = pn + 1;
                long run = above - first;
                while (run > 0xFFFF) { // a run longer than u16 is split into adjacent ranges
                    ranges.add(new PeerFrame.NackRange(above - 0xFFFF, 0xFFFF));
                    above -= 0xFFFF;
                    run -= 0xFFFF;
                }
                ranges.add(new PeerFrame.NackRange(first, (int) run));
            }
            above = pn;
        }
        long delayUs = Math.min(MAX_DELAY_US, Math.max(0, (nowNanos - receivedAt.get(largest)) / 1000));
        return PeerFrame.Ack.of(least, largest, delayUs, ranges);
    }
}
