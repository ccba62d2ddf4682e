package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * The 96-byte cookie: 16 bytes of secretbox nonce (prefix "minute-k") and
 * secretbox(I' || r') under the address-bound minute key. Opaque to the initiator.
 *
 * @param nonceRandom the low 16 bytes of the secretbox nonce
 * @param box the 80-byte secretbox (tag || ciphertext)
 */
public record ResponderCookie(ByteBuf nonceRandom, ByteBuf box) {
    /** Encoded length. */
    public static final int LENGTH = 96;
    /** Length of the nonce part. */
    public static final int NONCE_RANDOM_LENGTH = 16;
    /** Length of the secretbox. */
    public static final int BOX_LENGTH = 80;

    /** Checks the lengths. */
    public ResponderCookie {
        Wire.exactly(nonceRandom, NONCE_RANDOM_LENGTH, "nonceRandom");
        Wire.exactly(box, BOX_LENGTH, "box");
    }

    void writeTo(ByteBuf out) {
        Wire.writeBytes(out, nonceRandom);
        Wire.writeBytes(out, box);
    }

    static ResponderCookie read(ByteBuf in) {
        return new ResponderCookie(in.readSlice(NONCE_RANDOM_LENGTH), in.readSlice(BOX_LENGTH));
    }
}
