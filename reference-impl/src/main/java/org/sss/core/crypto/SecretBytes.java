package org.sss.core.crypto;

import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * Key material that can be wiped: {@link #destroy()} overwrites it with zeros, after which any use
 * throws {@link IllegalStateException}. {@link #toString()} never shows the bytes.
 */
abstract class SecretBytes implements Destroyable {
    private final byte[] bytes;
    private final String kind;
    private volatile boolean destroyed;

    SecretBytes(byte[] bytes, String kind) {
        this.bytes = bytes;
        this.kind = kind;
    }

    /** Checks a caller-supplied key length and copies the key. */
    static byte[] copyOf(byte[] key, int length) {
        Objects.requireNonNull(key, "key");
        if (key.length != length) {
            throw new IllegalArgumentException("key: expected " + length + " bytes, got " + key.length);
        }
        return key.clone();
    }

    /** A copy of the key bytes; clear it after use. */
    public byte[] bytes() {
        return array().clone();
    }

    byte[] array() {
        if (destroyed) {
            throw new IllegalStateException(kind + " has been destroyed");
        }
        return bytes;
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        return destroyed ? name + "[destroyed]" : name + "[" + bytes.length + " bytes]";
    }
}
