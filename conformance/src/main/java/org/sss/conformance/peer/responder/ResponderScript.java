package org.sss.conformance.peer.responder;

/**
 * The deliberate deviations of the responder tester peer, each modelling a network event or a faulty
 * responder that an initiator must cope with; {@link #PLAIN} has none.
 *
 * @param hellosUnanswered how many HELLOs get no COOKIE at first (as if the COOKIEs were lost)
 * @param decoyCookie answer the first HELLO only with a valid COOKIE sent from another UDP port
 * @param forgedCookieFirst precede the first COOKIE with a copy whose box has one bit flipped
 * @param twoCookies answer the first answered HELLO with two valid COOKIEs of different {@code R'}
 * @param initiatesIgnored how many INITIATEs are dropped unanswered (as if lost)
 * @param firstMessage how the responder's first MESSAGE deviates
 * @param acksWithheld how many ack-eliciting packets of the initiator go unacknowledged at first
 * @param minuteKeyRotationMillis the minute-key period (SPEC.md 4.6)
 * @param badCookiesFirst answer the first answered HELLO only with COOKIEs an initiator must ignore: one
 *     16 bytes too long, one with a bit of its box flipped, one from another UDP port (NEG-IPROC-1)
 * @param replyStatus the status of every connect reply in place of the test services' own, or null
 */
public record ResponderScript(int hellosUnanswered, boolean decoyCookie, boolean forgedCookieFirst, boolean twoCookies,
        int initiatesIgnored, FirstMessage firstMessage, int acksWithheld, long minuteKeyRotationMillis,
        boolean badCookiesFirst, Long replyStatus) {
    /** How the first MESSAGE on a new channel deviates; after a deviating one the responder falls silent. */
    public enum FirstMessage {
        /** SETTINGS first, version 1, an ACK of the INITIATE (NEG-RPROC-5). */
        CONFORMING,
        /** No SETTINGS frame (NEG-IPROC-3). */
        WITHOUT_SETTINGS,
        /** No version field in the header (NEG-VER-4). */
        WITHOUT_VERSION,
        /** Version field 2 (NEG-VER-3). */
        VERSION_2
    }

    /** A responder that deviates in nothing. */
    public static final ResponderScript PLAIN = new ResponderScript(0, false, false, false, 0, FirstMessage.CONFORMING,
            0, 60_000, false, null);

    public ResponderScript withHellosUnanswered(int n) {
        return new ResponderScript(n, decoyCookie, forgedCookieFirst, twoCookies, initiatesIgnored, firstMessage,
                acksWithheld, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withDecoyCookie() {
        return new ResponderScript(hellosUnanswered, true, forgedCookieFirst, twoCookies, initiatesIgnored,
                firstMessage, acksWithheld, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withForgedCookieFirst() {
        return new ResponderScript(hellosUnanswered, decoyCookie, true, twoCookies, initiatesIgnored, firstMessage,
                acksWithheld, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withTwoCookies() {
        return new ResponderScript(hellosUnanswered, decoyCookie, forgedCookieFirst, true, initiatesIgnored,
                firstMessage, acksWithheld, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withInitiatesIgnored(int n) {
        return new ResponderScript(hellosUnanswered, decoyCookie, forgedCookieFirst, twoCookies, n, firstMessage,
                acksWithheld, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withFirstMessage(FirstMessage value) {
        return new ResponderScript(hellosUnanswered, decoyCookie, forgedCookieFirst, twoCookies, initiatesIgnored,
                value, acksWithheld, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withAcksWithheld(int n) {
        return new ResponderScript(hellosUnanswered, decoyCookie, forgedCookieFirst, twoCookies, initiatesIgnored,
                firstMessage, n, minuteKeyRotationMillis, badCookiesFirst, replyStatus);
    }

    public ResponderScript withBadCookiesFirst() {
        return new ResponderScript(hellosUnanswered, decoyCookie, forgedCookieFirst, twoCookies, initiatesIgnored,
                firstMessage, acksWithheld, minuteKeyRotationMillis, true, replyStatus);
    }

    public ResponderScript withReplyStatus(long status) {
        return new ResponderScript(hellosUnanswered, decoyCookie, forgedCookieFirst, twoCookies, initiatesIgnored,
                firstMessage, acksWithheld, minuteKeyRotationMillis, badCookiesFirst, status);
    }
}
