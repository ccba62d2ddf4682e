package org.sss.core.host;

import java.util.Map;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;

/**
 * A snapshot of a host's counters.
 *
 * @param channels channels in the table, closing ones included
 * @param pendingNegotiations negotiations this host initiated that have not ended
 * @param drops rejected input by verdict (SPEC.md section 13), non-zero entries only
 * @param refusals INITIATEs whose identity or address the policy refused
 * @param rateLimited HELLOs over the per-source limit
 * @param transport datagrams in and out of the socket
 */
public record HostStatistics(int channels, int pendingNegotiations, Map<DropReason, Long> drops, long refusals,
        long rateLimited, Map<TransportCounters.Kind, Long> transport) {

    /** Copies the maps. */
    public HostStatistics {
        drops = Map.copyOf(drops);
        transport = Map.copyOf(transport);
    }

    /** The count for one verdict. */
    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
