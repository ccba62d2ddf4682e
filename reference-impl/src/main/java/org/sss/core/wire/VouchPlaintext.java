package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Plaintext of the vouch box: I' (32 bytes).
 *
 * @param initiatorShortTermPk I'
 */
public record VouchPlaintext(ByteBuf initiatorShortTermPk) {
    /** Encoded length. */
    public static final int LENGTH = 32;

    /** Checks the length. */
    public VouchPlaintext {
        Wire.exactly(initiatorShortTermPk, LENGTH, "initiatorShortTermPk");
    }
}
