package org.sss.conformance.replay;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One datagram of a replay: sent from the capture, or a reply that came back.
 *
 * @param direction sent or received
 * @param index     for a sent datagram, its position in the replayed list; for a reply, -1
 * @param at        when, measured from the start of the replay
 * @param remote    the target (sent) or the reply's source (received)
 * @param payload   the UDP payload
 */
public record ReplayEvent(Direction direction, int index, Duration at, InetSocketAddress remote, byte[] payload) {
    /** Which way a datagram went. */
    public enum Direction {
        /** From the replaying socket to the target. */
        SENT,
        /** From the network to the replaying socket. */
        RECEIVED
    }

    /** Copies the payload. */
    public ReplayEvent {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The packet kind of the payload. */
    public PacketKind kind() {
        return PacketKind.of(payload);
    }

    /** The payload length. */
    public int length() {
        return payload.length;
    }

    @Override
    public String toString() {
        return String.format("%8.3f ms %s %s %s %d bytes", at.toNanos() / 1e6,
                direction == Direction.SENT ? "sent #" + index + " to" : "reply from", remote, kind(), payload.length);
    }
}
