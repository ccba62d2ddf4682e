package org.sss.core.channel;

import java.util.Map;
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
 * @param unacknowledgedPackets sent packets not yet acknowledged (as remembered)
 */
public record ChannelStatistics(ChannelState state, long packetsSent, long bytesSent, long packetsReceived,
        long bytesReceived, Map<DropReason, Long> drops, RttStatistics rtt,
        int unacknowledgedPackets) {

    /** Copies the drop map. */
    public ChannelStatistics {
        drops = Map.copyOf(drops);
    }
}
