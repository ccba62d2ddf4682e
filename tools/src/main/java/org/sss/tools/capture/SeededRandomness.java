package org.sss.tools.capture;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The randomness of one host of a capture, derived from the capture's seed and the host's role, so that
 * a run that sees the same events in the same order draws the same keys, minute keys and nonces. For
 * captures only: anyone who knows the seed knows every key.
 *
 * @param keys the source of the host's long-term key
 * @param secure the host's secure random: short-term keys, minute keys, nonces
 * @param nonSecret the host's non-secret random: skipped packet numbers, jitter
 */
record SeededRandomness(SecureRandom keys, SecureRandom secure, Random nonSecret) {

    /** The randomness of host {@code role} (any label; different labels give unrelated generators). */
    static SeededRandomness of(long seed, String role) {
        SplittableRandom seeds = new SplittableRandom(seed ^ role.hashCode() * 0x9E3779B97F4A7C15L);
        return new SeededRandomness(sha1Prng(seeds.nextLong()), sha1Prng(seeds.nextLong()),
                new Random(seeds.nextLong()));
    }

    /** SHA1PRNG seeded before its first use is deterministic, and thread-safe. */
    private static SecureRandom sha1Prng(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }
}
