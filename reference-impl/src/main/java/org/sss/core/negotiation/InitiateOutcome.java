package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.sss.core.crypto.PublicKey;

/** What {@link Responder#onInitiate} did with a datagram. */
public sealed interface InitiateOutcome
        permits InitiateOutcome.Accepted, InitiateOutcome.ForLiveChannel, InitiateOutcome.Refused, Dropped {

    /**
     * The INITIATE passed steps 1 to 9 of SPEC.md section 5.5 and its cookie is now in the replay
     * cache. The caller creates the channel (step 10), processes {@code messagePlaintext} as the
     * channel's first packet (step 11: its header may still be malformed, which closes the new
     * channel) and sends the responder's first MESSAGE at once (step 12, NEG-RPROC-5).
     *
     * @param channel the keys, identities and address of the new channel
     * @param packetNumber the INITIATE's nonce counter: the packet number of the message, with which
     *     the channel's receive replay window starts
     * @param messagePlaintext the message plaintext (M bytes, its readable bytes), a slice of a
     *     buffer the responder allocated; the caller owns it and must release it exactly once
     */
    record Accepted(NegotiatedChannel channel, long packetNumber, ByteBuf messagePlaintext) implements InitiateOutcome {
    }

    /**
     * A live channel already has this {@code I'} (step 2): the INITIATE is a retransmission for it
     * and the caller hands the datagram to that channel, which runs steps R1 to R4. Nothing was
     * opened or counted here.
     *
     * @param initiatorShortTerm the {@code I'} that selects the channel
     */
    record ForLiveChannel(PublicKey initiatorShortTerm) implements InitiateOutcome {
    }

    /**
     * The {@link InitiatorPolicy} refused the authenticated initiator (step 8, NEG-RPROC-6): dropped
     * silently, counted by {@link Responder#refusals()}, not under a verdict.
     *
     * @param initiator the initiator's long-term key {@code I}
     * @param address the INITIATE's source
     */
    record Refused(PublicKey initiator, InetSocketAddress address) implements InitiateOutcome {
    }
}
