package org.sss.core.transport;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * Receives every datagram a {@link UdpTransport} reads, on the transport's event loop.
 *
 * <p>The handler borrows {@code payload} for the duration of the call only; it must retain or
 * copy what it keeps. It must not throw: bad input is dropped and counted by the layer that
 * understands it. If it throws anyway, the transport counts the datagram as
 * {@link TransportCounters.Kind#HANDLER_FAILED} and carries on.
 */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * Handles one received datagram.
     *
     * @param payload the UDP payload, readable bytes only
     * @param sender the remote address the datagram came from
     */
    void onDatagram(ByteBuf payload, InetSocketAddress sender);

    /** Called after a batch of reads, the moment to flush what the handler wrote in reply. */
    default void onReadBatchComplete() {
    }
}
