package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * INITIATE: magic, I' (32), the cookie (96), u64 nonce counter, box (112 + M) from i' to R';
 * 256 + M bytes, M a multiple of 16 in [16, 976].
 *
 * @param initiatorShortTermPk I', equal to the one inside the cookie
 * @param cookie copied unchanged from the COOKIE packet
 * @param nonceCounter low half of the box nonce (prefix "cUVVYcp-CLIENT-i"); also the packet number of the message
 * @param box box(initiate box plaintext): 16-byte tag and 96 + M bytes of ciphertext
 */
public record InitiatePacket(ByteBuf initiatorShortTermPk, ResponderCookie cookie, long nonceCounter, ByteBuf box)
        implements Packet {
    /** Box length less the message plaintext M. */
    public static final int BOX_OVERHEAD = 112;

    /** Checks the lengths, including the M rule. */
    public InitiatePacket {
        Wire.exactly(initiatorShortTermPk, 32, "initiatorShortTermPk");
        Wire.present(cookie, "cookie");
        Wire.present(box, "box");
        int m = box.readableBytes() - BOX_OVERHEAD;
        if (m < WireLimits.MIN_PLAINTEXT || m > WireLimits.MAX_INITIATE_PLAINTEXT || m % WireLimits.PLAINTEXT_BLOCK != 0) {
            throw new IllegalArgumentException("box must be 112 + M bytes with M a multiple of 16 in [16, 976], got "
                    + box.readableBytes());
        }
    }

    /** The length M of the message plaintext inside. */
    public int messageLength() {
        return box.readableBytes() - BOX_OVERHEAD;
    }

    @Override
    public PacketType type() {
        return PacketType.INITIATE;
    }
}
