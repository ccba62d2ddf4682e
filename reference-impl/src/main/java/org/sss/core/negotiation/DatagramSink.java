package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * Where the sans-I/O core puts the datagrams it wants sent. The host implements it over its UDP
 * transport; tests implement it with a queue. The negotiation and the channel layers both use it.
 */
@FunctionalInterface
public interface DatagramSink {

    /**
     * Sends one datagram.
     *
     * @param datagram the whole UDP payload, its readable bytes; the sink takes ownership and
     *     releases it once sent (or dropped)
     * @param recipient where it goes
     */
    void send(ByteBuf datagram, InetSocketAddress recipient);
}
