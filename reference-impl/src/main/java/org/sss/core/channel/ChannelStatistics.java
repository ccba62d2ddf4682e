package org.sss.core.channel;

import java.util.Map;
import java.util.Objects;
import org.sss.core.wire.DropReason;

/**
 * A snapshot of one channel's counters.
 *
 * @param state the channel's state
 * @param packetsSent MESSAGEs sent
 * @param bytesSent their datagram bytes
 * @param packetsReceived packets accepted (first packet, MESSAGEs and INITIATE retransmissions)
 * @param bytesReceived their datagram bytes (the first packet counts its plaintext)
 * @param drops this channel's rejected packets by verdict (also counted in the host's shared counters)
 * @param rtt the RTT estimate
 * @param unacknowledgedPackets sent packets neither acknowledged nor declared lost (as remembered)
 * @param congestionWindow the congestion window in bytes (SPEC.md section 6.6)
 * @param bytesInFlight the bytes of packets counted in flight (CHN-CC-3)
 * @param packetsLost packets declared lost (CHN-LOSS-1, CHN-LOSS-2)
 * @param congestionControl the congestion-control algorithm's name ("cubic", "newreno", "ledbat")
 */
public record ChannelStatistics(ChannelState state, long packetsSent, long bytesSent, long packetsReceived,
        long bytesReceived, Map<DropReason, Long> drops, RttStatistics rtt,
        int unacknowledgedPackets, long congestionWindow, long bytesInFlight, long packetsLost,
        String congestionControl) {

    /** Copies the drop map. */
    public ChannelStatistics {
        drops = Map.copyOf(drops);
        Objects.requireNonNull(congestionControl, "congestionControl");
    }
}
