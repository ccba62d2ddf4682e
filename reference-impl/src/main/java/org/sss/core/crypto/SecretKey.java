package org.sss.core.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 32-byte X25519 secret key ({@code i}, {@code r}, {@code i'}, {@code r'}), stored as given
 * (X25519 clamps it on use, as NaCl does). {@link #destroy()} overwrites it with zeros; any later
 * use throws {@link IllegalStateException}.
 */
public final class SecretKey extends SecretBytes {
    /** Length of an X25519 secret key in bytes. */
    public static final int LENGTH = 32;

    private SecretKey(byte[] bytes) {
        super(bytes, "secret key");
    }

    /** Copies a 32-byte array; the caller should clear its own copy. */
    public static SecretKey of(byte[] key) {
        return new SecretKey(copyOf(key, LENGTH));
    }

    /** Copies {@code LENGTH} bytes from {@code src} starting at {@code offset}. */
    public static SecretKey of(byte[] src, int offset) {
        Objects.requireNonNull(src, "src");
        Objects.checkFromIndexSize(offset, LENGTH, src.length);
        return new SecretKey(Arrays.copyOfRange(src, offset, offset + LENGTH));
    }

    static SecretKey wrap(byte[] key) {
        return new SecretKey(key);
    }

    /** Writes the 32 key bytes into {@code dst} at {@code offset}. */
    public void writeTo(byte[] dst, int offset) {
        System.arraycopy(array(), 0, dst, offset, LENGTH);
    }
}
