package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Big-endian reads and writes of the odd-width unsigned integers the format uses, and argument
 * checks shared by the value types.
 */
final class Wire {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final long U48_MAX = 0xFFFF_FFFF_FFFFL;

    private Wire() {
    }

    /** Reads an unsigned big-endian integer of {@code width} bytes (0..8). */
    static long readUnsigned(ByteBuf in, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | in.readUnsignedByte();
        }
        return value;
    }

    /** Writes the low {@code width} bytes (0..8) of {@code value} big-endian. */
    static void writeUnsigned(ByteBuf out, long value, int width) {
        for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
            out.writeByte((int) (value >>> shift));
        }
    }

    static long readU48(ByteBuf in) {
        return ((long) in.readUnsignedShort() << 32) | in.readUnsignedInt();
    }

    static void writeU48(ByteBuf out, long value) {
        out.writeShort((int) (value >>> 32));
        out.writeInt((int) value);
    }

    static void writeBytes(ByteBuf out, ByteBuf bytes) {
        out.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
    }

    static long u8(long value, String name) {
        return range(value, 0xFF, name);
    }

    static long u16(long value, String name) {
        return range(value, 0xFFFF, name);
    }

    static long u32(long value, String name) {
        return range(value, U32_MAX, name);
    }

    static long u48(long value, String name) {
        return range(value, U48_MAX, name);
    }

    private static long range(long value, long max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], got " + value);
        }
        return value;
    }

    /** Checks that {@code bytes} has exactly {@code length} readable bytes. */
    static ByteBuf exactly(ByteBuf bytes, int length, String name) {
        if (bytes == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (bytes.readableBytes() != length) {
            throw new IllegalArgumentException(
                    name + " must be " + length + " bytes, got " + bytes.readableBytes());
        }
        return bytes;
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static String hex(ByteBuf bytes) {
        return io.netty.buffer.ByteBufUtil.hexDump(bytes);
    }
}
