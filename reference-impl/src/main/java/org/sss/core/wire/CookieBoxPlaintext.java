package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Plaintext of the COOKIE box: R' (32) and the cookie (96); 128 bytes.
 *
 * @param responderShortTermPk R'
 * @param cookie the responder's cookie
 */
public record CookieBoxPlaintext(ByteBuf responderShortTermPk, ResponderCookie cookie) {
    /** Encoded length. */
    public static final int LENGTH = 128;

    /** Checks the lengths. */
    public CookieBoxPlaintext {
        Wire.exactly(responderShortTermPk, 32, "responderShortTermPk");
        Wire.present(cookie, "cookie");
    }
}
