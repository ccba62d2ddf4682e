package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Plaintext of the INITIATE box: I (32), vouch nonce (16), vouch (48), then the first message
 * plaintext (M bytes), which {@link FrameReader} reads; 96 + M bytes.
 *
 * @param initiatorLongTermPk I, the initiator's identity
 * @param vouchNonceRandom low 16 bytes of the vouch nonce (prefix "cUVVYcpv")
 * @param vouch box(I') from i to R: tag and 32 bytes of ciphertext
 * @param message the first message plaintext of the channel, M bytes
 */
public record InitiateBoxPlaintext(ByteBuf initiatorLongTermPk, ByteBuf vouchNonceRandom, ByteBuf vouch,
        ByteBuf message) {
    /** Length before the message. */
    public static final int OVERHEAD = 96;

    /** Checks the lengths, including the M rule. */
    public InitiateBoxPlaintext {
        Wire.exactly(initiatorLongTermPk, 32, "initiatorLongTermPk");
        Wire.exactly(vouchNonceRandom, 16, "vouchNonceRandom");
        Wire.exactly(vouch, 48, "vouch");
        Wire.present(message, "message");
        int m = message.readableBytes();
        if (m < WireLimits.MIN_PLAINTEXT || m > WireLimits.MAX_INITIATE_PLAINTEXT || m % WireLimits.PLAINTEXT_BLOCK != 0) {
            throw new IllegalArgumentException("message must be a multiple of 16 in [16, 976] bytes, got " + m);
        }
    }
}
