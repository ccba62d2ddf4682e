package org.sss.tools.cli;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The randomness of a host run with {@code --seed}: every generator is derived from the seed, so a
 * run that sees the same events in the same order draws the same keys and nonces. For tests only:
 * anyone who knows the seed knows every key.
 */
final class ServeSeededRandom {
    private final SecureRandom keys;
    private final SecureRandom secure;
    private final Random nonSecret;

    ServeSeededRandom(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        this.keys = sha1Prng(seeds.nextLong());
        this.secure = sha1Prng(seeds.nextLong());
        this.nonSecret = new Random(seeds.nextLong());
    }

    /** The source of a generated long-term key ({@code --generate-key}). */
    SecureRandom keys() {
        return keys;
    }

    /** The host's secure random: short-term keys, minute keys, cookie and vouch nonces. */
    SecureRandom secure() {
        return secure;
    }

    /** The host's non-secret random: skipped packet numbers, rotation jitter. */
    Random nonSecret() {
        return nonSecret;
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
