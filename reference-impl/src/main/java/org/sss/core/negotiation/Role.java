package org.sss.core.negotiation;

import org.sss.core.crypto.NoncePrefix;

/** Which end of a channel an endpoint is; fixed by who sent the HELLO. */
public enum Role {
    /** Sent the HELLO; opens odd LSIDs; seals MESSAGEs with {@code cUVVYcp-CLIENT-m}. */
    INITIATOR(NoncePrefix.MESSAGE_FROM_INITIATOR, NoncePrefix.MESSAGE_FROM_RESPONDER),
    /** Answered with the COOKIE; opens even LSIDs; seals MESSAGEs with {@code cUVVYcp-SERVER-m}. */
    RESPONDER(NoncePrefix.MESSAGE_FROM_RESPONDER, NoncePrefix.MESSAGE_FROM_INITIATOR);

    private final NoncePrefix sendPrefix;
    private final NoncePrefix receivePrefix;

    Role(NoncePrefix sendPrefix, NoncePrefix receivePrefix) {
        this.sendPrefix = sendPrefix;
        this.receivePrefix = receivePrefix;
    }

    /** The nonce prefix of the MESSAGEs this end sends (CRY-NONCE rules, SPEC.md section 4.3). */
    public NoncePrefix sendPrefix() {
        return sendPrefix;
    }

    /** The nonce prefix of the MESSAGEs this end receives. */
    public NoncePrefix receivePrefix() {
        return receivePrefix;
    }

    /** The other end's role. */
    public Role peer() {
        return this == INITIATOR ? RESPONDER : INITIATOR;
    }
}
