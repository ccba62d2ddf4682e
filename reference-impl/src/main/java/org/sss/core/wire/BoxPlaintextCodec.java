package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes the plaintexts of the handshake boxes. Their lengths follow from the
 * enclosing packet's length, so a wrong length is {@link DropReason#BAD_PACKET_LENGTH}. Stateless.
 */
public final class BoxPlaintextCodec {
    private BoxPlaintextCodec() {
    }

    /** Writes a COOKIE box plaintext (128 bytes). */
    public static void encode(CookieBoxPlaintext plaintext, ByteBuf out) {
        Wire.writeBytes(out, plaintext.responderShortTermPk());
        plaintext.cookie().writeTo(out);
    }

    /** Writes a cookie plaintext (64 bytes). */
    public static void encode(CookiePlaintext plaintext, ByteBuf out) {
        Wire.writeBytes(out, plaintext.initiatorShortTermPk());
        Wire.writeBytes(out, plaintext.responderShortTermSk());
    }

    /** Writes an INITIATE box plaintext (96 + M bytes). */
    public static void encode(InitiateBoxPlaintext plaintext, ByteBuf out) {
        Wire.writeBytes(out, plaintext.initiatorLongTermPk());
        Wire.writeBytes(out, plaintext.vouchNonceRandom());
        Wire.writeBytes(out, plaintext.vouch());
        Wire.writeBytes(out, plaintext.message());
    }

    /** Writes a vouch plaintext (32 bytes). */
    public static void encode(VouchPlaintext plaintext, ByteBuf out) {
        Wire.writeBytes(out, plaintext.initiatorShortTermPk());
    }

    /** Decodes the readable bytes of an opened COOKIE box. */
    public static DecodeResult<CookieBoxPlaintext> decodeCookieBox(ByteBuf in) {
        if (in.readableBytes() != CookieBoxPlaintext.LENGTH) {
            return wrongLength("COOKIE box plaintext", in, CookieBoxPlaintext.LENGTH);
        }
        return DecodeResult.ok(new CookieBoxPlaintext(in.readSlice(32), ResponderCookie.read(in)));
    }

    /** Decodes the readable bytes of an opened cookie. */
    public static DecodeResult<CookiePlaintext> decodeCookie(ByteBuf in) {
        if (in.readableBytes() != CookiePlaintext.LENGTH) {
            return wrongLength("cookie plaintext", in, CookiePlaintext.LENGTH);
        }
        return DecodeResult.ok(new CookiePlaintext(in.readSlice(32), in.readSlice(32)));
    }

    /** Decodes the readable bytes of an opened INITIATE box; the message stays undecoded. */
    public static DecodeResult<InitiateBoxPlaintext> decodeInitiateBox(ByteBuf in) {
        int m = in.readableBytes() - InitiateBoxPlaintext.OVERHEAD;
        if (m < WireLimits.MIN_PLAINTEXT || m > WireLimits.MAX_INITIATE_PLAINTEXT || m % WireLimits.PLAINTEXT_BLOCK != 0) {
            return DecodeResult.failed(DropReason.BAD_PACKET_LENGTH,
                    "INITIATE box plaintext of %d bytes; must be 96 + M with M a multiple of 16 in [16, 976]",
                    in.readableBytes());
        }
        return DecodeResult.ok(new InitiateBoxPlaintext(in.readSlice(32), in.readSlice(16), in.readSlice(48),
                in.readSlice(m)));
    }

    /** Decodes the readable bytes of an opened vouch. */
    public static DecodeResult<VouchPlaintext> decodeVouch(ByteBuf in) {
        if (in.readableBytes() != VouchPlaintext.LENGTH) {
            return wrongLength("vouch plaintext", in, VouchPlaintext.LENGTH);
        }
        return DecodeResult.ok(new VouchPlaintext(in.readSlice(32)));
    }

    private static <T> DecodeResult<T> wrongLength(String what, ByteBuf in, int expected) {
        return DecodeResult.failed(DropReason.BAD_PACKET_LENGTH, "%s of %d bytes; must be %d", what,
                in.readableBytes(), expected);
    }
}
