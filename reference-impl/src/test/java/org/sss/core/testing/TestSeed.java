package org.sss.core.testing;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The seed of a randomised test: {@code -Dsss.seed=N} replays a run; otherwise a fresh seed is
 * chosen. The seed is printed either way.
 */
public final class TestSeed {
    /** The system property that replays a seed. */
    public static final String PROPERTY = "sss.seed";

    private TestSeed() {
    }

    /** The seed for {@code testName}, printed with the way to replay it. */
    public static long forTest(String testName) {
        String given = System.getProperty(PROPERTY);
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.trim()) : new SecureRandom().nextLong();
        System.out.println("[" + testName + "] seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }

    /** A deterministic {@link SecureRandom} for tests: the same seed gives the same bytes. */
    public static SecureRandom secureRandom(long seed) {
        return new Seeded(seed);
    }

    /** Never for production: a {@link SecureRandom} whose bytes come from a seeded {@link SplittableRandom}. */
    private static final class Seeded extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SplittableRandom random;

        Seeded(long seed) {
            super();
            this.random = new SplittableRandom(seed);
        }

        // synchronized: the host tests draw from one instance on several threads
        @Override
        public synchronized void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }

        @Override
        public void setSeed(long seed) {
            // SecureRandom's constructor calls this before the field exists; seeding is fixed.
        }

        @Override
        public void setSeed(byte[] seed) {
        }
    }
}
