package org.sss.core.wire;

import java.nio.charset.StandardCharsets;

/**
 * The packet kinds of version 1, each named by an 8-byte ASCII magic at the start of the datagram.
 */
public enum PacketType {
    /** The initiator's first packet; exactly 192 bytes. */
    HELLO("qVNq5xLh"),
    /** The responder's stateless answer; exactly 168 bytes. */
    COOKIE("rl3Anmxk"),
    /** The initiator's proof of identity; 256 + M bytes. */
    INITIATE("qVNq5xLi"),
    /** A packet of an established channel, either direction; 64 + M bytes. */
    MESSAGE("rl3q5xLm");

    /** Magic reserved for INITIATE_MESSAGE (0-RTT); not used in version 1 and so unknown to receivers. */
    public static final long RESERVED_INITIATE_MESSAGE_MAGIC = magicOf("qVNq5xLo");

    /** Length of the magic in bytes. */
    public static final int MAGIC_LENGTH = 8;

    // values() clones its array on every call; this is on the per-datagram path
    private static final PacketType[] VALUES = values();

    private final long magic;

    PacketType(String ascii) {
        this.magic = magicOf(ascii);
    }

    private static long magicOf(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /** The magic as a big-endian u64, as it is read from the wire. */
    public long magic() {
        return magic;
    }

    /** The packet type with this magic, or {@code null} if the magic is unknown. */
    public static PacketType fromMagic(long magic) {
        for (PacketType type : VALUES) {
            if (type.magic == magic) {
                return type;
            }
        }
        return null;
    }
}
