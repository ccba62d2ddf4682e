package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * The wire string: a u16 byte length, then that many bytes of UTF-8, no terminator.
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Checks a Java string for encoding: well-formed UTF-16 (no lone surrogate) whose UTF-8 form
     * fits the u16 length field.
     */
    static String checkEncodable(String value, String name) {
        Wire.present(value, name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException(name + " has a lone surrogate at index " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(name + " has a lone surrogate at index " + i);
            }
        }
        int length = ByteBufUtil.utf8Bytes(value);
        if (length > WireLimits.MAX_U16) {
            throw new IllegalArgumentException(name + " is " + length + " UTF-8 bytes; at most 65535 fit");
        }
        return value;
    }

    /** The most UTF-8 bytes a service or protocol name has. */
    static final int MAX_NAME = 255;

    /** Checks a service or protocol name. SPEC SVC-GEN-4: 1 to 255 bytes of UTF-8. */
    static String checkName(String value, String name) {
        checkEncodable(value, name);
        int length = ByteBufUtil.utf8Bytes(value);
        if (length < 1 || length > MAX_NAME) {
            throw new IllegalArgumentException(name + " must be 1 to 255 UTF-8 bytes, got " + length);
        }
        return value;
    }

    /** The encoded length: 2 + UTF-8 bytes. */
    static int encodedLength(String value) {
        return 2 + ByteBufUtil.utf8Bytes(value);
    }

    static void write(ByteBuf out, String value) {
        out.writeShort(ByteBufUtil.utf8Bytes(value));
        ByteBufUtil.writeUtf8(out, value);
    }

    /**
     * Reads a string, or returns a failure for {@code truncated} when the bytes run out or
     * {@link DropReason#STRING_NOT_UTF8} when they are not UTF-8 (SPEC PKT-ENC-3).
     */
    static DecodeResult<String> read(ByteBuf in, DropReason truncated, String field) {
        if (in.readableBytes() < 2) {
            return DecodeResult.failed(truncated, "%s: length needs 2 bytes, %d remain", field, in.readableBytes());
        }
        int length = in.readUnsignedShort();
        if (in.readableBytes() < length) {
            return DecodeResult.failed(truncated, "%s: length %d but %d bytes remain", field, length, in.readableBytes());
        }
        int start = in.readerIndex();
        int bad = firstMalformed(in, start, length);
        if (bad >= 0) {
            return DecodeResult.failed(DropReason.STRING_NOT_UTF8,
                    "%s: not UTF-8 at byte %d of %d", field, bad - start, length);
        }
        String value = in.toString(start, length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return DecodeResult.ok(value);
    }

    /**
     * The index of the first byte of the first ill-formed sequence, or -1 if the bytes are
     * well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
     */
    static int firstMalformed(ByteBuf in, int start, int length) {
        int end = start + length;
        int i = start;
        while (i < end) {
            int b0 = in.getUnsignedByte(i);
            if (b0 < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                need = 1; min2 = 0x80; max2 = 0xBF;
            } else if (b0 == 0xE0) {
                need = 2; min2 = 0xA0; max2 = 0xBF;
            } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
                need = 2; min2 = 0x80; max2 = 0xBF;
            } else if (b0 == 0xED) {
                need = 2; min2 = 0x80; max2 = 0x9F;
            } else if (b0 == 0xF0) {
                need = 3; min2 = 0x90; max2 = 0xBF;
            } else if (b0 >= 0xF1 && b0 <= 0xF3) {
                need = 3; min2 = 0x80; max2 = 0xBF;
            } else if (b0 == 0xF4) {
                need = 3; min2 = 0x80; max2 = 0x8F;
            } else {
                return i;
            }
            if (i + need >= end) {
                return i;
            }
            int b1 = in.getUnsignedByte(i + 1);
            if (b1 < min2 || b1 > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int b = in.getUnsignedByte(i + k);
                if (b < 0x80 || b > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
