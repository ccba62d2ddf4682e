package org.sss.conformance.peer.crypto;

import java.util.Objects;
import java.util.Random;

/**
 * An X25519 key pair as raw bytes: a long-term identity or a short-term key (SPEC.md section 4.2).
 * The secret key is used as given (unclamped bytes; X25519 clamps when it multiplies), as NaCl does.
 *
 * @param secretKey 32 bytes
 * @param publicKey {@code X25519(secretKey, 9)}
 */
public record X25519KeyPair(byte[] secretKey, byte[] publicKey) {
    /** Checks the sizes. */
    public X25519KeyPair {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (secretKey.length != 32 || publicKey.length != 32) {
            throw new IllegalArgumentException("X25519 keys are 32 bytes");
        }
        secretKey = secretKey.clone();
        publicKey = publicKey.clone();
    }

    /** The pair of a given secret key. */
    public static X25519KeyPair fromSecretKey(byte[] secretKey) {
        return new X25519KeyPair(secretKey, Nacl.publicKey(secretKey));
    }

    /**
     * A key pair whose secret is 32 bytes drawn from {@code random}. The tester peer takes a seeded
     * {@link Random} on purpose so that every run can be replayed from its seed; SPEC.md CRY-PRIM-5
     * asks a production endpoint for a cryptographically secure generator instead.
     */
    public static X25519KeyPair generate(Random random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return fromSecretKey(secret);
    }

    @Override
    public byte[] secretKey() {
        return secretKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
