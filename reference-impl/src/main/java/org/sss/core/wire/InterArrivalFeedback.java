package org.sss.core.wire;

import java.util.List;

/**
 * DECONGESTION subtype 4 (inter-arrival): u16 lost packets, u8 count K (at least 1), the first
 * packet (48-bit number, u64 µs), then K - 1 deltas.
 *
 * @param lostPackets packets seen missing over the channel's life, modulo 2^16
 * @param firstPacketNumberLow low 48 bits of the first reported packet's number
 * @param firstReceivedUs receive time of the first packet in microseconds since the channel was established
 * @param deltas the K - 1 following packets, at most 254
 */
public record InterArrivalFeedback(int lostPackets, long firstPacketNumberLow, long firstReceivedUs,
        List<InterArrivalDelta> deltas) implements FeedbackBody {
    /** Checks the field widths and the count. */
    public InterArrivalFeedback {
        Wire.u16(lostPackets, "lostPackets");
        Wire.u48(firstPacketNumberLow, "firstPacketNumberLow");
        deltas = List.copyOf(Wire.present(deltas, "deltas"));
        if (deltas.size() > 254) {
            throw new IllegalArgumentException("deltas must hold at most 254 entries, got " + deltas.size());
        }
    }

    /** The count K on the wire: the first packet plus the deltas. */
    public int numReceived() {
        return deltas.size() + 1;
    }

    @Override
    public CongestionFeedback subtype() {
        return CongestionFeedback.INTER_ARRIVAL;
    }
}
