package org.sss.core.channel;

/**
 * What the channel remembers about one MESSAGE it sent (or, on the initiator, one INITIATE from the
 * negotiation), until it is acknowledged or forgotten.
 *
 * @param packetNumber the packet number (the nonce counter)
 * @param sentAtNanos when it was handed to the sink
 * @param size the datagram length in bytes
 * @param ackEliciting whether it held an ack-eliciting frame
 * @param carriedVersion whether its header carried the version field (NEG-VER-1)
 * @param carriedSettings whether it carried this end's SETTINGS frame (FRM-SET-1)
 * @param carriedAck whether it carried an ACK frame (alone or inside CLOSE)
 * @param ackLargestObserved the largest_observed of that ACK; meaningful only with {@code carriedAck}
 */
record SentPacket(long packetNumber, long sentAtNanos, int size, boolean ackEliciting, boolean carriedVersion,
        boolean carriedSettings, boolean carriedAck, long ackLargestObserved) {
}
