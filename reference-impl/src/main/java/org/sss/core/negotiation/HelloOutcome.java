package org.sss.core.negotiation;

import java.net.InetSocketAddress;

/** What {@link Responder#onHello} did with a datagram. */
public sealed interface HelloOutcome permits HelloOutcome.CookieSent, HelloOutcome.RateLimited, Dropped {

    /**
     * The HELLO was accepted and one COOKIE was sent to its source; nothing about it was kept.
     *
     * @param recipient the HELLO's source address and port
     * @param length the COOKIE's length, 168 bytes
     */
    record CookieSent(InetSocketAddress recipient, int length) implements HelloOutcome {
    }

    /**
     * The HELLO was over its source's rate limit and dropped before any cryptography (step 2 of
     * SPEC.md section 5.5). Not a wire fault, so counted by {@link Responder#rateLimited()}, not
     * under a verdict.
     *
     * @param source the HELLO's source address and port
     */
    record RateLimited(InetSocketAddress source) implements HelloOutcome {
    }
}
