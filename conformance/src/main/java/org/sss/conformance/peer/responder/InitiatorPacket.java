package org.sss.conformance.peer.responder;

import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.Magic;

/**
 * A HELLO, INITIATE or MESSAGE that reached the responder tester peer, with the cleartext fields the
 * scenarios compare: the sender's short-term key, the nonce counter and, for INITIATE, the cookie.
 *
 * @param datagram the datagram as logged
 * @param kind its magic
 * @param shortTermKey I' (offset 8)
 * @param counter the nonce counter
 * @param cookie the INITIATE's 96 cookie bytes, else null
 */
public record InitiatorPacket(LoggedDatagram datagram, Magic kind, byte[] shortTermKey, long counter, byte[] cookie) {
    /** Copies. */
    public InitiatorPacket {
        shortTermKey = shortTermKey.clone();
        cookie = cookie == null ? null : cookie.clone();
    }

    @Override
    public byte[] shortTermKey() {
        return shortTermKey.clone();
    }

    @Override
    public byte[] cookie() {
        return cookie == null ? null : cookie.clone();
    }

    /** When it arrived ({@link System#nanoTime()}). */
    public long arrivedNanos() {
        return datagram.monotonicNanos();
    }
}
