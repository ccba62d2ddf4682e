package org.sss.conformance.peer.responder;

/**
 * A COOKIE the responder tester peer sent.
 *
 * @param initiatorShortTerm the I' of the HELLO it answers
 * @param responderShortTerm the R' inside it
 * @param cookie the 96 cookie bytes inside it
 * @param kind genuine, forged (its box does not open), decoy (valid, but sent from another port) or of
 *     the wrong length
 * @param sentNanos when it left ({@link System#nanoTime()})
 */
public record IssuedCookie(byte[] initiatorShortTerm, byte[] responderShortTerm, byte[] cookie, Kind kind,
        long sentNanos) {
    /** How the COOKIE was meant. */
    public enum Kind {
        /** A valid COOKIE from the address the HELLO went to. */
        GENUINE,
        /** A copy of a valid COOKIE with one bit of its box flipped. */
        FORGED,
        /** A valid COOKIE sent from another UDP port (PKT-DEMUX-2). */
        DECOY,
        /** A valid COOKIE followed by 16 extra bytes: its length is wrong (PKT-SIZE-2), its box opens. */
        WRONG_LENGTH
    }

    /** Copies. */
    public IssuedCookie {
        initiatorShortTerm = initiatorShortTerm.clone();
        responderShortTerm = responderShortTerm.clone();
        cookie = cookie.clone();
    }

    @Override
    public byte[] initiatorShortTerm() {
        return initiatorShortTerm.clone();
    }

    @Override
    public byte[] responderShortTerm() {
        return responderShortTerm.clone();
    }

    @Override
    public byte[] cookie() {
        return cookie.clone();
    }
}
