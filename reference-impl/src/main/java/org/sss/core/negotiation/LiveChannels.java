package org.sss.core.negotiation;

import org.sss.core.crypto.PublicKey;

/**
 * The host's answer to step 2 of SPEC.md section 5.5: does a live channel exist whose peer
 * short-term key is the INITIATE's {@code I'}? If so the INITIATE is a retransmission for that
 * channel and goes down the channel layer's path R1 to R4, with no cookie involved.
 */
@FunctionalInterface
public interface LiveChannels {

    /**
     * Whether a live channel is indexed by this initiator short-term key.
     *
     * @param initiatorShortTerm the {@code I'} field of an INITIATE
     */
    boolean isLive(PublicKey initiatorShortTerm);

    /** No channel is ever live: for a responder used on its own, and for tests. */
    static LiveChannels none() {
        return key -> false;
    }
}
