package org.sss.core.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The responder's minute key {@code t}: 32 random bytes from which each cookie's address-bound
 * secretbox key is derived ({@link KeyDerivation#addressBoundMinuteKey}). Rotation and erasure
 * (every 60 s, erased after 120 s) are the negotiation layer's job; {@link #destroy()} does the
 * erasing.
 */
public final class MinuteKey extends SecretBytes {
    /** Length of the key in bytes. */
    public static final int LENGTH = 32;

    private MinuteKey(byte[] bytes) {
        super(bytes, "minute key");
    }

    /** A fresh key from {@code random}. */
    public static MinuteKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new MinuteKey(key);
    }

    /** A key from 32 given bytes (copied); for tests and vectors. */
    public static MinuteKey of(byte[] key) {
        return new MinuteKey(copyOf(key, LENGTH));
    }
}
