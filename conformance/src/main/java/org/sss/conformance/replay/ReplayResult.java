package org.sss.conformance.replay;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a replay did: the address it sent from and every datagram sent and received, in order.
 *
 * @param local  the replaying socket's address
 * @param events the datagrams, in the order they left or arrived
 */
public record ReplayResult(InetSocketAddress local, List<ReplayEvent> events) {
    /** Copies the list. */
    public ReplayResult {
        events = List.copyOf(events);
    }

    /** The datagrams sent. */
    public List<ReplayEvent> sent() {
        return events.stream().filter(e -> e.direction() == ReplayEvent.Direction.SENT).toList();
    }

    /** The datagrams that came back. */
    public List<ReplayEvent> replies() {
        return events.stream().filter(e -> e.direction() == ReplayEvent.Direction.RECEIVED).toList();
    }
}
