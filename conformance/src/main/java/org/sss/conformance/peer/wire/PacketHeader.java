package org.sss.conformance.peer.wire;

/**
 * The packet header of a message plaintext (SPEC.md section 6.3). {@code flags} is the wire byte
 * exactly: the version is written when bit 0x01 is set, and the low 2, 4, 6 or 8 bytes of
 * {@code packetNumber} per bits 0x0C. Nothing is validated.
 *
 * @param flags the flags byte
 * @param version the u16 version, written only with flag 0x01
 * @param packetNumber the packet number; the header carries its low bits (CHN-HDR-5)
 */
public record PacketHeader(int flags, int version, long packetNumber) {
    /** Flag 0x01, the version field is present. */
    public static final int HAS_VERSION = 0x01;
    /** Flag 0x02, FEC group (never set in version 1, CHN-HDR-3). */
    public static final int HAS_FEC_GROUP = 0x02;
    /** Bits 0x0C, the packet number width code. */
    public static final int SEQ_SIZE_MASK = 0x0C;
    /** Flag 0x10, last packet of an FEC group (never set in version 1). */
    public static final int IS_FEC_LAST = 0x10;
    /** Bits 0xE0, reserved. */
    public static final int RESERVED_MASK = 0xE0;
    /** The version of this specification (NEG-VER-2). */
    public static final int VERSION_1 = 1;

    /** A header with the 2-byte packet number width (CHN-HDR-6), with or without version 1. */
    public static PacketHeader of(long packetNumber, boolean withVersion) {
        return new PacketHeader(withVersion ? HAS_VERSION : 0, VERSION_1, packetNumber);
    }

    /** Whether flag 0x01 is set. */
    public boolean hasVersion() {
        return (flags & HAS_VERSION) != 0;
    }

    /** The packet-number width in bytes: 2, 4, 6 or 8. */
    public int packetNumberWidth() {
        return 2 * (((flags & SEQ_SIZE_MASK) >>> 2) + 1);
    }

    /** The low bits of the packet number that the header carries. */
    public long packetNumberLow() {
        int width = packetNumberWidth();
        return width == 8 ? packetNumber : packetNumber & ((1L << (8 * width)) - 1);
    }

    /** The encoded header: 3 to 11 bytes. */
    public byte[] encode() {
        ByteWriter w = new ByteWriter().u8(flags);
        if (hasVersion()) {
            w.u16(version);
        }
        return w.uN(packetNumber, packetNumberWidth()).toByteArray();
    }
}
