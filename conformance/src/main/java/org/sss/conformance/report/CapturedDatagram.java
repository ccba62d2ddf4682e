package org.sss.conformance.report;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One UDP datagram to put into a capture file: when, from where to where, and its payload.
 *
 * @param time    when it was sent or received
 * @param source  the sender's address
 * @param target  the receiver's address (same address family as {@code source})
 * @param payload the UDP payload
 */
public record CapturedDatagram(Instant time, InetSocketAddress source, InetSocketAddress target, byte[] payload) {
    public CapturedDatagram {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
