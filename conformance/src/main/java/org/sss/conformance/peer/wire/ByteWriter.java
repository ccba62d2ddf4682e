package org.sss.conformance.peer.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A growing big-endian byte sink (PKT-ENC-1); writes the low bits of each value and checks nothing. */
final class ByteWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteWriter u8(long v) {
        out.write((int) v);
        return this;
    }

    ByteWriter u16(long v) {
        return uN(v, 2);
    }

    ByteWriter u32(long v) {
        return uN(v, 4);
    }

    ByteWriter u48(long v) {
        return uN(v, 6);
    }

    ByteWriter u64(long v) {
        return uN(v, 8);
    }

    /** The low {@code width} bytes of {@code v}, most significant first. */
    ByteWriter uN(long v, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    ByteWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    ByteWriter zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    /** A {@code utf8_string}: u16 length and the UTF-8 bytes, no terminator (PKT-ENC-2). */
    ByteWriter utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u16(b.length).bytes(b);
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
