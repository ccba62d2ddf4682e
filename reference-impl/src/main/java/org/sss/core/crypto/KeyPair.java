package org.sss.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * An X25519 key pair. Randomness is always injected: production passes a {@link SecureRandom},
 * tests a seeded one or a fixed seed ({@link #fromSeed}).
 *
 * @param publicKey the public half
 * @param secretKey the secret half; {@link #destroy()} clears it
 */
public record KeyPair(PublicKey publicKey, SecretKey secretKey) implements Destroyable {

    /** Length of a {@link #fromSeed} seed in bytes. */
    public static final int SEED_LENGTH = 32;

    /** Checks that neither half is null. */
    public KeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** NaCl {@code crypto_box_keypair}: 32 bytes from {@code random} as the secret key. */
    public static KeyPair generate(SecureRandom random) {
        return generate(BcKeyAgreement.INSTANCE, random);
    }

    /** As {@link #generate(SecureRandom)}, computing the public key with {@code agreement}. */
    public static KeyPair generate(KeyAgreement agreement, SecureRandom random) {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(random, "random");
        byte[] sk = new byte[SecretKey.LENGTH];
        random.nextBytes(sk);
        SecretKey secretKey = SecretKey.wrap(sk);
        return new KeyPair(agreement.publicKey(secretKey), secretKey);
    }

    /** The pair whose secret half is {@code secretKey} (kept, not copied). */
    public static KeyPair fromSecretKey(SecretKey secretKey) {
        return new KeyPair(BcKeyAgreement.INSTANCE.publicKey(secretKey), secretKey);
    }

    /**
     * NaCl {@code crypto_box_seed_keypair}: the secret key is {@code SHA-512(seed)[0..32)}, so a
     * 32-byte seed gives the same pair as libsodium.
     */
    public static KeyPair fromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("seed: expected " + SEED_LENGTH + " bytes, got " + seed.length);
        }
        SHA512Digest sha512 = new SHA512Digest();
        byte[] digest = new byte[sha512.getDigestSize()];
        try {
            sha512.update(seed, 0, seed.length);
            sha512.doFinal(digest, 0);
            return fromSecretKey(SecretKey.wrap(Arrays.copyOf(digest, SecretKey.LENGTH)));
        } finally {
            Arrays.fill(digest, (byte) 0);
        }
    }

    /** Clears the secret half. */
    @Override
    public void destroy() {
        secretKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secretKey.isDestroyed();
    }
}
