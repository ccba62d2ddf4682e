package org.sss.core.wire;

/**
 * The packet header that starts every message plaintext: a flags byte {@code 000fssgv}, a u16
 * version if {@code v}, then the low 2, 4, 6 or 8 bytes of the packet number (the box's nonce counter).
 * FEC ({@code g}, {@code f}) is not part of version 1, so this value has no FEC fields.
 *
 * @param version the protocol version, or {@link #NO_VERSION} when the field is absent
 * @param packetNumberWidth width of the packet-number field: 2, 4, 6 or 8 bytes
 * @param packetNumberLow the low {@code packetNumberWidth} bytes of the packet number
 */
public record PacketHeader(int version, int packetNumberWidth, long packetNumberLow) {
    /** {@link #version()} when the header carries no version. */
    public static final int NO_VERSION = -1;

    static final int FLAG_VERSION = 0x01;
    static final int FLAG_FEC_GROUP = 0x02;
    static final int MASK_SEQ_SIZE = 0x0C;
    static final int SHIFT_SEQ_SIZE = 2;
    static final int FLAG_FEC_LAST = 0x10;
    static final int MASK_RESERVED = 0xE0;

    /** Checks the version range, the width and that the number fits it. */
    public PacketHeader {
        if (version != NO_VERSION && (version < 0 || version > 0xFFFF)) {
            throw new IllegalArgumentException("version must be NO_VERSION or in [0, 65535], got " + version);
        }
        if (packetNumberWidth != 2 && packetNumberWidth != 4 && packetNumberWidth != 6 && packetNumberWidth != 8) {
            throw new IllegalArgumentException("packetNumberWidth must be 2, 4, 6 or 8, got " + packetNumberWidth);
        }
        if (!FieldWidths.fits(packetNumberLow, packetNumberWidth)) {
            throw new IllegalArgumentException("packetNumberLow " + Long.toUnsignedString(packetNumberLow)
                    + " does not fit packetNumberWidth " + packetNumberWidth);
        }
    }

    /**
     * A header for {@code packetNumber} with the 2-byte packet-number field, which carries its low 16 bits.
     * SPEC CHN-HDR-6: a sender SHOULD use the 2-byte width (the full number travels in the nonce).
     *
     * @param withVersion whether to carry version 1 (SPEC NEG-VER-1: sent until a packet carrying it is acknowledged)
     */
    public static PacketHeader of(long packetNumber, boolean withVersion) {
        return new PacketHeader(withVersion ? WireLimits.VERSION_1 : NO_VERSION, 2, packetNumber & 0xFFFF);
    }

    /** A header whose packet-number field holds the whole of {@code packetNumber}, in the smallest width that can. */
    public static PacketHeader minimal(long packetNumber, boolean withVersion) {
        return new PacketHeader(withVersion ? WireLimits.VERSION_1 : NO_VERSION,
                FieldWidths.minimalPacketNumberWidth(packetNumber), packetNumber);
    }

    /** Whether the version field is present. */
    public boolean hasVersion() {
        return version != NO_VERSION;
    }

    /** The 2-bit width code: 0 = 2, 1 = 4, 2 = 6, 3 = 8 bytes. */
    public int seqSizeCode() {
        return packetNumberWidth / 2 - 1;
    }

    /** The flags byte as sent. */
    public int flags() {
        return (seqSizeCode() << SHIFT_SEQ_SIZE) | (hasVersion() ? FLAG_VERSION : 0);
    }

    /** The encoded length: 1 + (2 if versioned) + width. */
    public int encodedLength() {
        return 1 + (hasVersion() ? 2 : 0) + packetNumberWidth;
    }

    /**
     * Whether this header's packet-number field equals the low bits of {@code nonceCounter}.
     * SPEC: the packet number field must equal the low bits of the box nonce counter.
     */
    public boolean matchesCounter(long nonceCounter) {
        long mask = packetNumberWidth == 8 ? -1L : (1L << (8 * packetNumberWidth)) - 1;
        return (nonceCounter & mask) == packetNumberLow;
    }
}
