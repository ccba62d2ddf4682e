package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;

/** What {@link Initiator#onFirstMessage} did with a datagram. */
public sealed interface FirstMessageOutcome permits FirstMessageOutcome.Established, Dropped {

    /**
     * The responder's first MESSAGE opened: the channel exists (SPEC.md section 5.5, "Initiator, on
     * MESSAGE", step 3). The caller starts the channel's receive replay window at
     * {@code packetNumber} and processes {@code plaintext} as an established channel does (it
     * must begin with the responder's SETTINGS, NEG-IPROC-3).
     *
     * @param channel the keys, identities and address of the new channel; the initiator no longer
     *     holds any of it
     * @param packetNumber the MESSAGE's nonce counter
     * @param plaintext the message plaintext (M bytes, its readable bytes), a slice of a buffer the
     *     initiator allocated; the caller owns it and must release it exactly once
     */
    record Established(NegotiatedChannel channel, long packetNumber, ByteBuf plaintext) implements FirstMessageOutcome {
    }
}
