package org.sss.core.negotiation;

/**
 * One INITIATE the initiator sent under its final short-term key, before the channel existed; the
 * channel counts it among its sent packets, so that ACKs of it are judged, timed and credited like
 * ACKs of MESSAGEs (SPEC.md section 6.5).
 *
 * @param packetNumber its nonce counter value, which its message header's packet number repeats (NEG-INITIATE-3)
 * @param sentAtNanos when it was handed to the sink, in the initiator's clock nanoseconds
 * @param size the datagram length in bytes
 * @param carriedVersion whether its message header carried the version field (NEG-VER-1, NEG-VER-4)
 * @param carriedSettings whether its message began with the initiator's SETTINGS (NEG-INITIATE-4)
 */
public record SentInitiate(long packetNumber, long sentAtNanos, int size, boolean carriedVersion,
        boolean carriedSettings) {

    /** Checks the size. */
    public SentInitiate {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
    }
}
