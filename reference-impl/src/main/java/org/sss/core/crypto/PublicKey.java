package org.sss.core.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte X25519 public key: a long-term identity ({@code I}, {@code R}) or a short-term key
 * ({@code I'}, {@code R'}). Immutable; equal when the bytes are equal.
 */
public final class PublicKey {
    /** Length of an X25519 public key in bytes. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code LENGTH} bytes from {@code src} starting at {@code offset}. */
    public static PublicKey of(byte[] src, int offset) {
        Objects.requireNonNull(src, "src");
        Objects.checkFromIndexSize(offset, LENGTH, src.length);
        return new PublicKey(Arrays.copyOfRange(src, offset, offset + LENGTH));
    }

    /** Copies a 32-byte array. */
    public static PublicKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("key: expected " + LENGTH + " bytes, got " + key.length);
        }
        return new PublicKey(key.clone());
    }

    static PublicKey wrap(byte[] key) {
        return new PublicKey(key);
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes the 32 key bytes into {@code dst} at {@code offset}. */
    public void writeTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, LENGTH);
    }

    /** Whether the key equals the 32 bytes of {@code src} at {@code offset} (not constant time; keys are public). */
    public boolean equalsBytes(byte[] src, int offset) {
        return Arrays.equals(bytes, 0, LENGTH, src, offset, offset + LENGTH);
    }

    byte[] array() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey && Arrays.equals(bytes, ((PublicKey) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lowercase hex of the key. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
