package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes {@link PacketHeader}s. Stateless.
 */
public final class PacketHeaderCodec {
    private PacketHeaderCodec() {
    }

    /** Writes {@code header} at the writer index of {@code out}. */
    public static void encode(PacketHeader header, ByteBuf out) {
        out.writeByte(header.flags());
        if (header.hasVersion()) {
            out.writeShort(header.version());
        }
        Wire.writeUnsigned(out, header.packetNumberLow(), header.packetNumberWidth());
    }

    /**
     * Decodes a header at the reader index of {@code in} and advances past it on success.
     * SPEC CHN-HDR-1: checked in this order, stopping at the first fault: at least one byte, bits
     * 0xE0 zero, bits 0x12 zero, the announced fields present, the version (when present) 1.
     */
    public static DecodeResult<PacketHeader> decode(ByteBuf in) {
        if (!in.isReadable()) {
            return DecodeResult.failed(DropReason.HEADER_TRUNCATED, "no flags byte");
        }
        int flags = in.readUnsignedByte();
        // SPEC CHN-HDR-2: bits 0xE0 of the header flags are reserved
        if ((flags & PacketHeader.MASK_RESERVED) != 0) {
            return DecodeResult.failed(DropReason.HEADER_RESERVED_BITS, "flags 0x%02x have reserved bits set", flags);
        }
        // SPEC CHN-HDR-3: g (0x02) and f (0x10) must be 0; version 1 has no FEC
        if ((flags & (PacketHeader.FLAG_FEC_GROUP | PacketHeader.FLAG_FEC_LAST)) != 0) {
            return DecodeResult.failed(DropReason.FEC_NOT_SUPPORTED, "flags 0x%02x have FEC bits set", flags);
        }
        boolean hasVersion = (flags & PacketHeader.FLAG_VERSION) != 0;
        int width = 2 * (((flags & PacketHeader.MASK_SEQ_SIZE) >>> PacketHeader.SHIFT_SEQ_SIZE) + 1);
        int needed = (hasVersion ? 2 : 0) + width;
        // SPEC CHN-HDR-4: the fields the flags announce must be present
        if (in.readableBytes() < needed) {
            return DecodeResult.failed(DropReason.HEADER_TRUNCATED,
                    "flags 0x%02x announce %d more bytes, %d remain", flags, needed, in.readableBytes());
        }
        int version = PacketHeader.NO_VERSION;
        if (hasVersion) {
            version = in.readUnsignedShort();
            // SPEC NEG-VER-3: a version other than 1 is UNSUPPORTED_VERSION
            if (version != WireLimits.VERSION_1) {
                return DecodeResult.failed(DropReason.UNSUPPORTED_VERSION, "version %d; only 1 is supported", version);
            }
        }
        long number = Wire.readUnsigned(in, width);
        return DecodeResult.ok(new PacketHeader(version, width, number));
    }
}
