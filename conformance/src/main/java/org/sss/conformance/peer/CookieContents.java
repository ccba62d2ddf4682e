package org.sss.conformance.peer;

import java.util.Objects;

/**
 * What an initiator keeps from an accepted COOKIE (SPEC.md 5.5, initiator on COOKIE, step 4): the
 * responder's short-term key {@code R'} and the opaque 96-byte cookie it copies into every INITIATE
 * (NEG-COOKIE-5).
 *
 * @param responderShortTermPublic R'
 * @param cookie the 96 bytes
 */
public record CookieContents(byte[] responderShortTermPublic, byte[] cookie) {
    /** Copies and checks the sizes. */
    public CookieContents {
        Objects.requireNonNull(responderShortTermPublic, "responderShortTermPublic");
        Objects.requireNonNull(cookie, "cookie");
        if (responderShortTermPublic.length != 32 || cookie.length != 96) {
            throw new IllegalArgumentException("R' is 32 bytes and a cookie 96");
        }
        responderShortTermPublic = responderShortTermPublic.clone();
        cookie = cookie.clone();
    }

    @Override
    public byte[] responderShortTermPublic() {
        return responderShortTermPublic.clone();
    }

    @Override
    public byte[] cookie() {
        return cookie.clone();
    }
}
