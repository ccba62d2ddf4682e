package org.sss.core.host;

import java.net.InetSocketAddress;

/** A negotiation gave up: no channel was established before the deadline of SPEC.md section 5.6. */
public final class NegotiationFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param responder the address the HELLOs went to
     * @param reason why the negotiation ended
     */
    public NegotiationFailedException(InetSocketAddress responder, String reason) {
        super("negotiation with " + responder + " failed: " + reason);
    }
}
