package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * HELLO: magic, I' (32), anti-amplification padding (64), u64 nonce counter, box (80); exactly 192 bytes.
 *
 * @param initiatorShortTermPk I', the initiator's short-term public key
 * @param antiAmplificationPadding 64 bytes sent as zeros; receivers enforce the length, not the value
 * @param nonceCounter low half of the box nonce (prefix "cUVVYcp-CLIENT-h")
 * @param box box(64 zero bytes) from i' to R: 16-byte tag and 64 bytes of ciphertext
 */
public record HelloPacket(ByteBuf initiatorShortTermPk, ByteBuf antiAmplificationPadding, long nonceCounter,
        ByteBuf box) implements Packet {
    /** Length of the padding. */
    public static final int PADDING_LENGTH = 64;
    /** Length of the box. */
    public static final int BOX_LENGTH = 80;
    private static final ByteBuf ZERO_PADDING = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(new byte[PADDING_LENGTH]).asReadOnly());

    /** Checks the lengths. */
    public HelloPacket {
        Wire.exactly(initiatorShortTermPk, 32, "initiatorShortTermPk");
        Wire.exactly(antiAmplificationPadding, PADDING_LENGTH, "antiAmplificationPadding");
        Wire.exactly(box, BOX_LENGTH, "box");
    }

    /** A HELLO with zero padding, as senders send it. */
    public static HelloPacket of(ByteBuf initiatorShortTermPk, long nonceCounter, ByteBuf box) {
        return new HelloPacket(initiatorShortTermPk, ZERO_PADDING.duplicate(), nonceCounter, box);
    }

    @Override
    public PacketType type() {
        return PacketType.HELLO;
    }
}
