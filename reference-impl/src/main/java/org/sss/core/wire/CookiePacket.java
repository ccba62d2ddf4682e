package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * COOKIE: magic, 16 bytes of box nonce (prefix "cUVVYcpk"), box(R' || cookie) from r to I' (144);
 * exactly 168 bytes.
 *
 * @param nonceRandom the low 16 bytes of the box nonce
 * @param box the 144-byte box
 */
public record CookiePacket(ByteBuf nonceRandom, ByteBuf box) implements Packet {
    /** Length of the box. */
    public static final int BOX_LENGTH = 144;

    /** Checks the lengths. */
    public CookiePacket {
        Wire.exactly(nonceRandom, 16, "nonceRandom");
        Wire.exactly(box, BOX_LENGTH, "box");
    }

    @Override
    public PacketType type() {
        return PacketType.COOKIE;
    }
}
