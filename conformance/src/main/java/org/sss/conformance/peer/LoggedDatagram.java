package org.sss.conformance.peer;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.sss.conformance.peer.wire.Hex;

/**
 * One datagram the tester peer sent or received, kept as evidence.
 *
 * @param direction sent or received
 * @param monotonicNanos {@link System#nanoTime()} when it left or arrived
 * @param wallClock the wall-clock time of the same moment
 * @param remote the other end's address
 * @param bytes the whole UDP payload
 */
public record LoggedDatagram(Direction direction, long monotonicNanos, Instant wallClock, InetSocketAddress remote,
        byte[] bytes) {
    /** Which way a datagram went. */
    public enum Direction {
        /** From the tester peer to the target. */
        SENT,
        /** From the network to the tester peer. */
        RECEIVED
    }

    /** Copies the payload. */
    public LoggedDatagram {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The payload length. */
    public int length() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return direction + " " + wallClock + " " + remote + " " + bytes.length + " bytes "
                + Hex.of(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 16))) + "…";
    }
}
