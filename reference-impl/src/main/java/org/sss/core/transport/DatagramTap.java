package org.sss.core.transport;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * Sees a copy of every datagram a {@link UdpTransport} sends and receives, so that a host's traffic
 * can be written to a capture file (issue 6, "Capture and keylogs").
 *
 * <p>Opt-in only: a transport without a tap pays one null check per datagram. A tap is called on the
 * transport's event loop, so it must be quick and must not block; it owns the {@code payload} array it
 * is given. A tap that throws is logged and ignored: capturing never changes what the host does.
 */
@FunctionalInterface
public interface DatagramTap {

    /** Whether the host sent or received a datagram. */
    enum Direction {
        /** Queued to the socket by this host. */
        SENT,
        /** Read from the socket by this host. */
        RECEIVED
    }

    /**
     * One datagram.
     *
     * @param direction sent or received
     * @param payload a copy of the UDP payload, the tap's to keep
     * @param local this host's bound address (the wildcard address when bound to all)
     * @param remote the peer's address: the recipient of a sent datagram, the sender of a received one
     * @param time the wall-clock instant the datagram was queued or read
     */
    void onDatagram(Direction direction, byte[] payload, InetSocketAddress local, InetSocketAddress remote,
            Instant time);
}
