package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * MESSAGE: magic, the sender's short-term key (32), u64 nonce counter, box (16 + M);
 * 64 + M bytes, M a multiple of 16 in [16, 1168].
 *
 * @param senderShortTermPk I' from the initiator, R' from the responder; selects the channel
 * @param nonceCounter low half of the box nonce ("cUVVYcp-CLIENT-m" or "cUVVYcp-SERVER-m"); the packet number
 * @param box box(message plaintext): 16-byte tag and M bytes of ciphertext
 */
public record MessagePacket(ByteBuf senderShortTermPk, long nonceCounter, ByteBuf box) implements Packet {
    /** Box length less the message plaintext M. */
    public static final int BOX_OVERHEAD = 16;

    /** Checks the lengths, including the M rule. */
    public MessagePacket {
        Wire.exactly(senderShortTermPk, 32, "senderShortTermPk");
        Wire.present(box, "box");
        int m = box.readableBytes() - BOX_OVERHEAD;
        if (m < WireLimits.MIN_PLAINTEXT || m > WireLimits.MAX_PLAINTEXT || m % WireLimits.PLAINTEXT_BLOCK != 0) {
            throw new IllegalArgumentException("box must be 16 + M bytes with M a multiple of 16 in [16, 1168], got "
                    + box.readableBytes());
        }
    }

    /** The length M of the message plaintext inside. */
    public int messageLength() {
        return box.readableBytes() - BOX_OVERHEAD;
    }

    @Override
    public PacketType type() {
        return PacketType.MESSAGE;
    }
}
