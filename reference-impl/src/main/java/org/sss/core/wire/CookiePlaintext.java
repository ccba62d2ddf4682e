package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Plaintext of the cookie's secretbox: I' (32) and r' (32); 64 bytes. The responder keeps no other state.
 * The secret key is a slice of the caller's buffer; whoever opened the cookie erases that buffer.
 *
 * @param initiatorShortTermPk I'
 * @param responderShortTermSk r', the responder's short-term secret key
 */
public record CookiePlaintext(ByteBuf initiatorShortTermPk, ByteBuf responderShortTermSk) {
    /** Encoded length. */
    public static final int LENGTH = 64;

    /** Checks the lengths. */
    public CookiePlaintext {
        Wire.exactly(initiatorShortTermPk, 32, "initiatorShortTermPk");
        Wire.exactly(responderShortTermSk, 32, "responderShortTermSk");
    }

    /** Does not print the secret key. */
    @Override
    public String toString() {
        return "CookiePlaintext[initiatorShortTermPk=" + Wire.hex(initiatorShortTermPk) + ", responderShortTermSk=(32 bytes)]";
    }
}
