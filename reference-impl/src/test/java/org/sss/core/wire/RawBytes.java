package org.sss.core.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Writes byte layouts field by field, independently of the codec under test, so that tests and
 * vector generators can build inputs (valid or deliberately wrong) whose every byte is explicit.
 */
public final class RawBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An empty layout. */
    public static RawBytes start() {
        return new RawBytes();
    }

    /** Appends {@code width} big-endian bytes of {@code value}. */
    public RawBytes uint(long value, int width) {
        for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** Appends one byte. */
    public RawBytes u8(long value) {
        return uint(value, 1);
    }

    /** Appends a big-endian u16. */
    public RawBytes u16(long value) {
        return uint(value, 2);
    }

    /** Appends a big-endian u32. */
    public RawBytes u32(long value) {
        return uint(value, 4);
    }

    /** Appends a big-endian 48-bit integer. */
    public RawBytes u48(long value) {
        return uint(value, 6);
    }

    /** Appends a big-endian u64. */
    public RawBytes u64(long value) {
        return uint(value, 8);
    }

    /** Appends bytes given as hex. */
    public RawBytes hex(String hex) {
        return bytes(HexFormat.of().parseHex(hex));
    }

    /** Appends bytes. */
    public RawBytes bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Appends ASCII text without a length. */
    public RawBytes ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends a wire string: u16 byte length, UTF-8. */
    public RawBytes string(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return u16(utf8.length).bytes(utf8);
    }

    /** Appends {@code count} zero bytes. */
    public RawBytes zeros(int count) {
        return bytes(new byte[count]);
    }

    /** Appends {@code count} bytes of a fixed pattern derived from {@code seed}. */
    public RawBytes pattern(int count, int seed) {
        return bytes(pattern(count, seed, 0));
    }

    /** Appends zero bytes up to the next multiple of 16 (at least 16 bytes in all). */
    public RawBytes padTo16() {
        int length = out.size();
        int target = Math.max(16, (length + 15) / 16 * 16);
        return zeros(target - length);
    }

    /** The current length. */
    public int length() {
        return out.size();
    }

    /** The bytes written. */
    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** The bytes written, as lowercase hex. */
    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    /** A deterministic byte pattern: {@code seed * 31 + i * 7 + salt}, low byte. */
    public static byte[] pattern(int count, int seed, int salt) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + salt);
        }
        return bytes;
    }
}
