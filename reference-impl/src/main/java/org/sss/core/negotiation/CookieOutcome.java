package org.sss.core.negotiation;

import org.sss.core.crypto.PublicKey;

/** What {@link Initiator#onCookie} did with a datagram. */
public sealed interface CookieOutcome permits CookieOutcome.InitiateSent, Dropped {

    /**
     * The COOKIE was accepted (the first whose box opened, NEG-COOKIE-4) and the first INITIATE
     * was sent at once. From now on the negotiation is found by {@code responderShortTerm} for
     * MESSAGE demultiplexing.
     *
     * @param responderShortTerm {@code R'}
     * @param nonceCounter the INITIATE's nonce counter (its message's packet number)
     */
    record InitiateSent(PublicKey responderShortTerm, long nonceCounter) implements CookieOutcome {
    }
}
